package io.hostmod.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.hostmod.processor.model.StateShape;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The code of a module table's state codecs, from {@link StateShape}s: each record gets a {@code
 * neutral} method (its components by name, via {@code StateCodecs.fields}) and a reader (components
 * by name, a missing one its type's empty value); collections and maps are lambdas around them,
 * whose parameters are numbered by depth, so nested ones never shadow each other.
 */
final class StateCodec {

  private StateCodec() {}

  /** The type a state of this shape is cast to for encoding: collections as {@code Collection}. */
  static TypeName encodeType(StateShape shape) {
    if (shape instanceof StateShape.CollectionOf collection) {
      return ParameterizedTypeName.get(ClassName.get(Collection.class), encodeType(collection.element()));
    }
    if (shape instanceof StateShape.MapOf map) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), encodeType(map.key()), encodeType(map.value()));
    }
    return shape.type();
  }

  /**
   * {@code value}, of the shape's encode type, in neutral form; a record through its {@code
   * neutral} method.
   */
  static CodeBlock encode(StateShape shape, CodeBlock value, int depth) {
    String v = "v" + depth;
    if (shape instanceof StateShape.RecordOf) {
      return CodeBlock.of("neutral($L)", value);
    }
    if (shape instanceof StateShape.CollectionOf collection) {
      return CodeBlock.of("$T.toList($L, ($T $N) -> $L)", RuntimeTypes.STATE_CODECS, value,
          encodeType(collection.element()), v, encode(collection.element(), CodeBlock.of("$N", v), depth + 1));
    }
    if (shape instanceof StateShape.MapOf map) {
      String k = "k" + depth;
      return CodeBlock.of("$T.toMap($L, ($T $N) -> $L, ($T $N) -> $L)", RuntimeTypes.STATE_CODECS, value,
          encodeType(map.key()), k, encode(map.key(), CodeBlock.of("$N", k), depth + 1),
          encodeType(map.value()), v, encode(map.value(), CodeBlock.of("$N", v), depth + 1));
    }
    return value;
  }

  /**
   * The value of the shape's type read from {@code neutral}, an {@code Object}; a record through
   * its reader, named by {@code readers}.
   */
  static CodeBlock decode(StateShape shape, CodeBlock neutral, int depth, Map<ClassName, String> readers) {
    String v = "v" + depth;
    if (shape instanceof StateShape.RecordOf record) {
      return CodeBlock.of("$N($L)", readers.get(record.type()), neutral);
    }
    if (shape instanceof StateShape.CollectionOf collection) {
      return CodeBlock.of("$T.$N($L, $N -> $L)", RuntimeTypes.STATE_CODECS, collection.set() ? "set" : "list", neutral, v,
          decode(collection.element(), CodeBlock.of("$N", v), depth + 1, readers));
    }
    if (shape instanceof StateShape.MapOf map) {
      String k = "k" + depth;
      return CodeBlock.of("$T.map($L, $N -> $L, $N -> $L)", RuntimeTypes.STATE_CODECS, neutral,
          k, decode(map.key(), CodeBlock.of("$N", k), depth + 1, readers),
          v, decode(map.value(), CodeBlock.of("$N", v), depth + 1, readers));
    }
    ClassName type = ((StateShape.Leaf) shape).type();
    return CodeBlock.of("$T.value($L, $T.class, $L)", RuntimeTypes.STATE_CODECS, neutral, type, empty(type));
  }

  /** Every record of the shapes, each once, outermost first. */
  static Map<ClassName, StateShape.RecordOf> records(List<StateShape> shapes) {
    Map<ClassName, StateShape.RecordOf> records = new LinkedHashMap<>();
    shapes.forEach(shape -> collect(shape, records));
    return records;
  }

  private static void collect(StateShape shape, Map<ClassName, StateShape.RecordOf> records) {
    if (shape instanceof StateShape.RecordOf record) {
      if (records.putIfAbsent(record.type(), record) == null) {
        record.components().forEach(component -> collect(component.shape(), records));
      }
    } else if (shape instanceof StateShape.CollectionOf collection) {
      collect(collection.element(), records);
    } else if (shape instanceof StateShape.MapOf map) {
      collect(map.key(), records);
      collect(map.value(), records);
    }
  }

  /** Each record's reader name: {@code read} and its simple names ({@code readOuter_Inner}), made unique. */
  static Map<ClassName, String> readerNames(Iterable<ClassName> records) {
    Map<ClassName, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (ClassName record : records) {
      String base = "read" + String.join("_", record.simpleNames());
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + "_" + i;
      }
      names.put(record, name);
    }
    return names;
  }

  /** {@code private static Object neutral(R value)}: the record's components by name. */
  static MethodSpec toNeutral(StateShape.RecordOf record) {
    CodeBlock.Builder fields = CodeBlock.builder();
    for (int i = 0; i < record.components().size(); i++) {
      StateShape.Component component = record.components().get(i);
      fields.add(i == 0 ? "\n" : ",\n").add("$S, $L", component.name(),
          encode(component.shape(), CodeBlock.of("value.$N()", component.name()), 0));
    }
    return MethodSpec.methodBuilder("neutral")
        .addJavadoc("{@code $L} in neutral form: its components by name.\n", String.join(".", record.type().simpleNames()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(record.type(), "value")
        .addStatement("return value == null ? null : $T.fields($>$>$L$<$<)", RuntimeTypes.STATE_CODECS, fields.build())
        .build();
  }

  /** {@code private static R readR(Object neutral)}: the record from its components by name. */
  static MethodSpec reader(StateShape.RecordOf record, Map<ClassName, String> readers) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < record.components().size(); i++) {
      StateShape.Component component = record.components().get(i);
      arguments.add(i == 0 ? "\n" : ",\n")
          .add(decode(component.shape(), CodeBlock.of("fields.get($S)", component.name()), 0, readers));
    }
    return MethodSpec.methodBuilder(readers.get(record.type()))
        .addJavadoc("{@code $L} from its neutral form: components by name, a missing one empty.\n",
            String.join(".", record.type().simpleNames()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.type())
        .addStatement("return $T.read(neutral, fields -> new $T($>$>$L$<$<))", RuntimeTypes.STATE_CODECS, record.type(),
            arguments.build())
        .addParameter(Object.class, "neutral")
        .build();
  }

  /** A type's empty value: for a component the neutral form lacks. */
  private static CodeBlock empty(ClassName type) {
    return switch (type.canonicalName()) {
      case "java.lang.String" -> CodeBlock.of("$S", "");
      case "java.lang.Integer" -> CodeBlock.of("0");
      case "java.lang.Long" -> CodeBlock.of("0L");
      case "java.lang.Double" -> CodeBlock.of("0.0");
      case "java.lang.Float" -> CodeBlock.of("0.0f");
      case "java.lang.Short" -> CodeBlock.of("(short) 0");
      case "java.lang.Byte" -> CodeBlock.of("(byte) 0");
      case "java.lang.Boolean" -> CodeBlock.of("false");
      case "java.lang.Character" -> CodeBlock.of("'\\0'");
      default -> CodeBlock.of("null");
    };
  }
}
