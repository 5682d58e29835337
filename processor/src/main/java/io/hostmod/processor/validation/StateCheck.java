package io.hostmod.processor.validation;

import io.hostmod.processor.model.Lifecycle;
import io.hostmod.processor.model.ModuleElements;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
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

  StateCheck(ModuleElements modules) {
    this.modules = modules;
    this.types = modules.types();
  }

  @Override
  public void check(TypeElement module, Report report) {
    ExecutableElement save = first(module, Lifecycle.SAVE);
    ExecutableElement restore = first(module, Lifecycle.RESTORE);
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
