package io.hostmod.processor;

import io.hostmod.processor.model.ModuleElements;
import io.hostmod.processor.validation.Message;
import io.hostmod.processor.validation.Problem;
import io.hostmod.processor.validation.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
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
import javax.lang.model.util.ElementFilter;

/**
 * A type or constant a module refers to that javac could not resolve (yet), and where it is
 * written. Such a module waits for a later round, in which another processor may have generated
 * it; reading it now would see broken types and values.
 *
 * @param what the type or value as written, for the message
 */
record Unresolved(
    String what, Element element, AnnotationMirror annotation, AnnotationValue value) {

  /** What javac puts where an annotation value does not resolve; its source form is unquoted. */
  private static final String ERROR_VALUE = "<error>";

  /**
   * The first unresolved type or value of the module: its superclass and interfaces, annotations,
   * {@code @Module} values, the signatures of its own and inherited methods and constructors (a
   * parameter may be a dependency's host proxy, generated in this round), and the types of its
   * {@code @Option} fields; {@code null} if it has none.
   */
  static Unresolved find(TypeElement module, ModuleElements modules, SourceTrees trees) {
    List<TypeMirror> supertypes = new ArrayList<>(module.getInterfaces());
    supertypes.add(0, module.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      String unresolved = inType(supertype);
      if (unresolved != null) {
        return new Unresolved(unresolved, module, null, null);
      }
    }
    Unresolved found = inAnnotations(module);
    if (found == null && ModuleElements.moduleAnnotation(module) != null) {
      found = inModuleValues(module, trees);
    }
    List<ExecutableElement> executables = new ArrayList<>(modules.methods(module));
    executables.addAll(ElementFilter.constructorsIn(module.getEnclosedElements()));
    for (int i = 0; found == null && i < executables.size(); i++) {
      found = inSignature(executables.get(i));
    }
    for (VariableElement field : ModuleElements.optionFields(module)) {
      String type = found == null ? inType(field.asType()) : null;
      found = type != null ? new Unresolved(type, field, null, null) : found;
    }
    return found;
  }

  /** The error that says why the module got no code. */
  Problem problem(TypeElement module) {
    return Problem.onValue(
        element, annotation, value, Message.UNRESOLVED, Texts.className(module), what);
  }

  private static Unresolved inSignature(ExecutableElement executable) {
    String unresolved = inType(executable.getReturnType());
    for (TypeMirror thrown : executable.getThrownTypes()) {
      unresolved = unresolved != null ? unresolved : inType(thrown);
    }
    if (unresolved != null) {
      return new Unresolved(unresolved, executable, null, null);
    }
    Unresolved found = inAnnotations(executable);
    for (VariableElement parameter : executable.getParameters()) {
      if (found == null) {
        String type = inType(parameter.asType());
        found = type != null ? new Unresolved(type, parameter, null, null) : inAnnotations(parameter);
      }
    }
    return found;
  }

  /** An annotation whose type does not resolve, such as {@code @Load} without its import. */
  private static Unresolved inAnnotations(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
        return new Unresolved("@" + mirror.getAnnotationType(), element, mirror, null);
      }
    }
    return null;
  }

  /** A {@code dependsOn} class, or a constant for {@code name} or {@code global}, not resolved. */
  private static Unresolved inModuleValues(TypeElement module, SourceTrees trees) {
    AnnotationMirror annotation = ModuleElements.moduleAnnotation(module);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        annotation.getElementValues().entrySet()) {
      String member = entry.getKey().getSimpleName().toString();
      List<AnnotationValue> values = new ArrayList<>();
      if (entry.getValue().getValue() instanceof List<?> list) {
        list.forEach(item -> values.add((AnnotationValue) item));
      } else {
        values.add(entry.getValue());
      }
      for (AnnotationValue value : values) {
        boolean unresolvedClass =
            member.equals("dependsOn")
                && (!(value.getValue() instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR);
        if (unresolvedClass || isError(value)) {
          String written = trees.written(module, annotation, value);
          String what =
              written != null
                  ? written.replaceFirst("\\.class$", "")
                  : (unresolvedClass ? "a class in dependsOn" : "the value of " + member);
          return new Unresolved(what, module, annotation, value);
        }
      }
    }
    return null;
  }

  private static boolean isError(AnnotationValue value) {
    return ERROR_VALUE.equals(value.getValue()) && ERROR_VALUE.equals(value.toString());
  }

  /** The first unresolved type in the type or its type arguments, as text, or {@code null}. */
  private static String inType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return type.toString();
    }
    if (type instanceof ArrayType array) {
      return inType(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      TypeMirror bound =
          wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
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
