package io.hostmod.processor.validation;

import io.hostmod.processor.model.HostmodNames;
import io.hostmod.processor.model.Mirrors;
import io.hostmod.processor.model.ModuleElements;
import io.hostmod.processor.model.ModuleNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The {@code @Option} fields of a module class: fields the binding can set, of a type an option
 * can be read as, each under a lower_snake_case key of its own.
 */
final class OptionCheck implements Check {

  /** The types an option is read as, and the element types of a list option. */
  private static final Set<String> BOXES =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double");

  private static final Set<TypeKind> PRIMITIVES =
      Set.of(TypeKind.BOOLEAN, TypeKind.INT, TypeKind.LONG, TypeKind.DOUBLE);

  @Override
  public void check(TypeElement module, Report report) {
    String name = Texts.className(module);
    Map<String, VariableElement> byKey = new HashMap<>();
    for (VariableElement field : ModuleElements.optionFields(module)) {
      String fieldName = field.getSimpleName().toString();
      for (Modifier modifier : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)) {
        if (field.getModifiers().contains(modifier)) {
          report.on(field, Message.OPTION_MODIFIER, fieldName, name, modifier);
        }
      }
      if (!isOptionType(field.asType())) {
        report.on(field, Message.OPTION_TYPE, fieldName, name, Texts.type(field.asType()));
      }
      AnnotationMirror option = Mirrors.find(field, HostmodNames.OPTION);
      AnnotationValue keyValue = Mirrors.written(option, "value");
      if (keyValue == null || !(keyValue.getValue() instanceof String key)) {
        continue; // javac reports the missing or unresolved value
      }
      if (!ModuleNames.isValid(key)) {
        report.onValue(field, option, keyValue, Message.OPTION_KEY_INVALID, key, fieldName);
      }
      VariableElement earlier = byKey.putIfAbsent(key, field);
      if (earlier != null) {
        report.onValue(
            field,
            option,
            keyValue,
            Message.OPTION_KEY_TWICE,
            key,
            earlier.getSimpleName(),
            fieldName,
            name);
      }
    }
  }

  /** A primitive or box of the supported ones, {@code String}, or {@code List} of a box or String. */
  static boolean isOptionType(TypeMirror type) {
    if (PRIMITIVES.contains(type.getKind())) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    if (isBox(type)) {
      return true;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return ModuleElements.isType(type, "java.util.List")
        && arguments.size() == 1
        && isBox(arguments.get(0));
  }

  private static boolean isBox(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).getTypeArguments().isEmpty()
        && BOXES.stream().anyMatch(box -> ModuleElements.isType(type, box));
  }
}
