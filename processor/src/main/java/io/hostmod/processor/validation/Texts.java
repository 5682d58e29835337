package io.hostmod.processor.validation;

import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;

/**
 * How messages write classes, types and methods: as a person writes them in source, by simple
 * name. {@code Map<String, Integer>}, {@code Throwable}, {@code Chat.MucModule},
 * {@code join(HostContext, String...)}.
 */
public final class Texts {

  private Texts() {}

  /** A class by its simple name, behind the classes it is nested in: {@code Chat.MucModule}. */
  public static String className(TypeElement type) {
    Element enclosing = type.getEnclosingElement();
    return enclosing instanceof TypeElement outer
        ? className(outer) + "." + type.getSimpleName()
        : type.getSimpleName().toString();
  }

  /** A type as written with simple names: {@code List<? extends CharSequence>}. */
  public static String type(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> declared((DeclaredType) type);
      case ARRAY -> type(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD -> wildcard((WildcardType) type);
      case INTERSECTION -> joined(((IntersectionType) type).getBounds(), " & ");
      case UNION -> joined(((UnionType) type).getAlternatives(), " | ");
      // Primitives, void, type variables, and unresolved types, which print as written.
      default -> type.toString();
    };
  }

  /** A method or constructor as a person would write it: {@code addHost(HostContext)}. */
  public static String method(ExecutableElement method) {
    String name =
        method.getKind() == ElementKind.CONSTRUCTOR
            ? method.getEnclosingElement().getSimpleName().toString()
            : method.getSimpleName().toString();
    return name + "(" + parameters(method) + ")";
  }

  /** The parameter types of a method, comma separated, varargs written {@code String...}. */
  public static String parameters(ExecutableElement method) {
    StringJoiner parameters = new StringJoiner(", ");
    int count = method.getParameters().size();
    for (int i = 0; i < count; i++) {
      TypeMirror type = method.getParameters().get(i).asType();
      boolean varargs = method.isVarArgs() && i == count - 1 && type instanceof ArrayType;
      parameters.add(
          varargs ? type(((ArrayType) type).getComponentType()) + "..." : type(type));
    }
    return parameters.toString();
  }

  private static String declared(DeclaredType type) {
    String name = className((TypeElement) type.asElement());
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    return arguments.isEmpty() ? name : name + "<" + joined(arguments, ", ") + ">";
  }

  private static String wildcard(WildcardType wildcard) {
    if (wildcard.getExtendsBound() != null) {
      return "? extends " + type(wildcard.getExtendsBound());
    }
    if (wildcard.getSuperBound() != null) {
      return "? super " + type(wildcard.getSuperBound());
    }
    return "?";
  }

  private static String joined(List<? extends TypeMirror> types, String separator) {
    StringJoiner joined = new StringJoiner(separator);
    for (TypeMirror type : types) {
      joined.add(type(type));
    }
    return joined.toString();
  }
}
