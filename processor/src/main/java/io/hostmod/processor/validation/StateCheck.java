package io.hostmod.processor.validation;

import io.hostmod.processor.model.Lifecycle;
import io.hostmod.processor.model.ModuleElements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The state a module carries across a reload: {@code @Save} and {@code @Restore} come in pairs, and
 * what one returns must fit what the other takes. How each is declared is the {@link
 * LifecycleCheck}'s.
 */
final class StateCheck implements Check {

  private final ModuleElements modules;
  private final Types types;

  private final Predicate<TypeElement> inCompilation;

  StateCheck(ModuleElements modules, Predicate<TypeElement> inCompilation) {
    this.modules = modules;
    this.types = modules.types();
    this.inCompilation = inCompilation;
  }

  @Override
  public void check(TypeElement module, Report report) {
    ExecutableElement save = first(module, Lifecycle.SAVE);
    ExecutableElement restore = first(module, Lifecycle.RESTORE);
    if (save != null) {
      TypeMirror saved = modules.memberType(module, save).getReturnType();
      TypeElement stuck = cannotCross(saved, new HashSet<>());
      if (stuck != null) {
        String name = stuck.getSimpleName().toString();
        report.on(save, Message.STATE_CANNOT_CROSS, Texts.method(save), Texts.type(saved), name, name);
      }
    }
    if (save != null && restore == null) {
      report.on(
          save,
          Message.SAVE_WITHOUT_RESTORE,
          Texts.method(save),
          Texts.type(modules.memberType(module, save).getReturnType()));
    } else if (restore != null && save == null) {
      List<? extends TypeMirror> parameters = modules.memberType(module, restore).getParameterTypes();
      String stateType = parameters.isEmpty() ? "State" : Texts.type(parameters.get(0));
      report.on(restore, Message.RESTORE_WITHOUT_SAVE, Texts.method(restore), stateType);
    } else if (save != null
        && save.getReturnType().getKind() != TypeKind.VOID
        && restore.getParameters().size() == 1) {
      TypeMirror saved = modules.memberType(module, save).getReturnType();
      TypeMirror restored = modules.memberType(module, restore).getParameterTypes().get(0);
      // The state travels as an Object: the binding boxes what @Save returns and casts it to the
      // boxed @Restore type, so compare boxed types (an int state cannot become a Long).
      if (!types.isAssignable(boxed(saved), boxed(restored))) {
        VariableElement parameter = restore.getParameters().get(0);
        report.on(
            parameter,
            Message.STATE_TYPE_MISMATCH,
            Texts.method(restore),
            Texts.type(restored),
            Texts.method(save),
            Texts.type(saved));
      }
    }
  }

  /**
   * A type of this compilation, held by the state type, that cannot cross to a module jar's new
   * code: neither a record without type parameters, nor {@code List}, {@code Collection}, {@code
   * Set} or {@code Map} (whose elements are looked into); {@code null} if there is none.
   */
  private TypeElement cannotCross(TypeMirror type, Set<TypeElement> seen) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    List<TypeMirror> inside = new ArrayList<>(declared.getTypeArguments());
    if (element.getKind() == ElementKind.RECORD && declared.getTypeArguments().isEmpty()) {
      if (!seen.add(element)) {
        return null;
      }
      element.getRecordComponents().forEach(component -> inside.add(component.getAccessor().getReturnType()));
    } else if (inCompilation.test(element)) {
      return element;
    }
    for (TypeMirror part : inside) {
      TypeElement found = cannotCross(part, seen);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The module's first method with this role alone; methods with two roles are reported apart. */
  private ExecutableElement first(TypeElement module, Lifecycle role) {
    for (ExecutableElement method : modules.methods(module)) {
      if (Lifecycle.on(method).equals(List.of(role))) {
        return method;
      }
    }
    return null;
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }
}
