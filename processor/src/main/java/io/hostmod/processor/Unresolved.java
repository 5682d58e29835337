package io.hostmod.processor;

import io.hostmod.processor.model.ModuleElements;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds types in a module that javac could not resolve (yet): such a module waits for a later
 * round, in which another processor may have generated them.
 */
final class Unresolved {

  private Unresolved() {}

  /** The first unresolved type the module refers to, as text, or {@code null}. */
  static String find(TypeElement module) {
    String found = inType(module.getSuperclass());
    for (TypeMirror type : module.getInterfaces()) {
      found = found != null ? found : inType(type);
    }
    for (Element member : module.getEnclosedElements()) {
      if (found == null && member instanceof ExecutableElement executable) {
        found = inType(executable.getReturnType());
        for (VariableElement parameter : executable.getParameters()) {
          found = found != null ? found : inType(parameter.asType());
        }
        for (TypeMirror thrown : executable.getThrownTypes()) {
          found = found != null ? found : inType(thrown);
        }
      }
    }
    if (found == null && ModuleElements.moduleAnnotation(module) != null) {
      found = inDependsOn(module);
    }
    return found;
  }

  private static String inDependsOn(TypeElement module) {
    for (var entry : ModuleElements.moduleAnnotation(module).getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("dependsOn")) {
        for (Object value : (java.util.List<?>) entry.getValue().getValue()) {
          Object type = ((AnnotationValue) value).getValue();
          if (!(type instanceof TypeMirror mirror) || mirror.getKind() == TypeKind.ERROR) {
            return "a class in dependsOn (" + value + ")";
          }
        }
      }
    }
    return null;
  }

  private static String inType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return type.toString();
    }
    if (type instanceof ArrayType array) {
      return inType(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
      return bound == null ? null : inType(bound);
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        String found = inType(argument);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
