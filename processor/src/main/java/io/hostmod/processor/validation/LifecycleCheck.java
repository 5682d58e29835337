package io.hostmod.processor.validation;

import io.hostmod.processor.model.HostmodNames;
import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.Lifecycle;
import io.hostmod.processor.model.Mirrors;
import io.hostmod.processor.model.ModuleElements;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The lifecycle and {@code @Hook} methods of a module, its own and inherited: how each is
 * declared, that each role is taken once, and that the kind of module allows it. A hook is called
 * by the binding as a lifecycle method is, and declared by the same rules.
 */
final class LifecycleCheck implements Check {

  private static final String UNLOAD_HOST = "@Unload(HostContext)";
  private static final String HOOK = "@Hook";
  private static final String EVERY = "@Every";

  private final ModuleElements modules;

  LifecycleCheck(ModuleElements modules) {
    this.modules = modules;
  }

  @Override
  public void check(TypeElement module, Report report) {
    Kind kind = modules.kind(module);
    Map<String, ExecutableElement> byRole = new HashMap<>();
    for (ExecutableElement method : modules.methods(module)) {
      List<Lifecycle> roles = Lifecycle.on(method);
      AnnotationMirror hook = ModuleElements.hookAnnotation(method);
      AnnotationMirror every = ModuleElements.everyAnnotation(method);
      if (every != null) {
        if (hook != null || !roles.isEmpty()) {
          report.on(
              method,
              Message.TWO_ROLES,
              Texts.method(method),
              EVERY,
              hook != null ? HOOK : roles.get(0).annotation());
        } else {
          checkEvery(module, kind, method, every, report);
        }
        continue;
      }
      if (hook != null) {
        if (roles.isEmpty()) {
          checkHook(module, method, hook, report);
        } else {
          report.on(
              method, Message.HOOK_ON_LIFECYCLE, Texts.method(method), roles.get(0).annotation());
        }
        continue;
      }
      if (roles.isEmpty()) {
        checkOverride(method, report);
        continue;
      }
      if (roles.size() > 1) {
        report.on(
            method,
            Message.TWO_ROLES,
            Texts.method(method),
            roles.get(0).annotation(),
            roles.get(1).annotation());
        continue;
      }
      Lifecycle role = roles.get(0);
      String annotation = annotation(role, method);
      checkCallable(module, method, annotation, report);
      checkShape(method, role, annotation, report);
      if (role == Lifecycle.ADD_HOST && kind == Kind.PER_HOST) {
        report.on(method, Message.ADD_HOST_NOT_GLOBAL, Texts.method(method), Texts.className(module));
      }
      if (annotation.equals(UNLOAD_HOST) && kind != Kind.SHARED) {
        report.on(
            method, Message.UNLOAD_HOST_NOT_SHARED, Texts.method(method), Texts.className(module));
      }
      if (role == Lifecycle.RECONFIGURE && ModuleElements.optionFields(module).isEmpty()) {
        report.on(
            method, Message.RECONFIGURE_WITHOUT_OPTIONS, Texts.method(method), Texts.className(module));
      }
      ExecutableElement earlier = byRole.putIfAbsent(annotation, method);
      if (earlier != null) {
        report.on(
            method,
            Message.DUPLICATE_ROLE,
            annotation,
            Texts.method(earlier),
            Texts.method(method),
            annotation);
      }
    }
  }

  /**
   * A {@code @Hook} method: called by the binding like a lifecycle method, so declared like one,
   * taking an {@code Event}, optionally after a {@code HostContext}.
   */
  private void checkHook(
      TypeElement module, ExecutableElement method, AnnotationMirror hook, Report report) {
    checkCallable(module, method, HOOK, report);
    AnnotationValue event = Mirrors.written(hook, "value");
    if (event != null && event.getValue() instanceof String name && name.isBlank()) {
      report.onValue(method, hook, event, Message.HOOK_EVENT_EMPTY, Texts.method(method));
    }
    List<? extends VariableElement> parameters = method.getParameters();
    boolean shape =
        (parameters.size() == 1 && ModuleElements.isType(parameters.get(0).asType(), HostmodNames.EVENT))
            || (parameters.size() == 2
                && ModuleElements.isType(parameters.get(0).asType(), HostmodNames.HOST_CONTEXT)
                && ModuleElements.isType(parameters.get(1).asType(), HostmodNames.EVENT));
    if (!shape) {
      report.on(
          method,
          Message.WRONG_PARAMETERS,
          HOOK,
          Texts.method(method),
          "one Event, or a HostContext and an Event",
          Texts.parameters(method));
    }
    requireVoid(method, HOOK, report);
  }

  private static void requireVoid(ExecutableElement method, String annotation, Report report) {
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      report.on(
          method, Message.NOT_VOID, annotation, Texts.method(method), Texts.type(method.getReturnType()));
    }
  }

  /**
   * An {@code @Every} method: called by the binding like a lifecycle method, so declared like one,
   * with a positive ISO-8601 period, taking nothing, its instance's {@code ModuleContext}, or in a
   * shared module a host part's {@code HostContext}.
   */
  private void checkEvery(
      TypeElement module, Kind kind, ExecutableElement method, AnnotationMirror every, Report report) {
    checkCallable(module, method, EVERY, report);
    AnnotationValue period = Mirrors.written(every, "value");
    if (period != null && period.getValue() instanceof String text) {
      Duration parsed = null;
      try {
        parsed = Duration.parse(text);
      } catch (DateTimeParseException malformed) {
        report.onValue(method, every, period, Message.EVERY_PERIOD_INVALID, Texts.method(method), text);
      }
      if (parsed != null && (parsed.isNegative() || parsed.isZero())) {
        report.onValue(method, every, period, Message.EVERY_PERIOD_NOT_POSITIVE, Texts.method(method), text);
      }
    }
    boolean takesHost = ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT);
    if (takesHost && kind != Kind.SHARED) {
      report.on(method, Message.EVERY_HOST_NOT_SHARED, Texts.method(method), Texts.className(module));
    } else if (!takesHost
        && !method.getParameters().isEmpty()
        && !ModuleElements.takesOnly(method, HostmodNames.MODULE_CONTEXT)) {
      report.on(
          method,
          Message.WRONG_PARAMETERS,
          EVERY,
          Texts.method(method),
          "no parameter, one ModuleContext, or one HostContext in a shared module",
          Texts.parameters(method));
    }
    requireVoid(method, EVERY, report);
  }

  /** {@code @Unload} on a method taking a HostContext is a role of its own. */
  private static String annotation(Lifecycle role, ExecutableElement method) {
    return role == Lifecycle.UNLOAD && ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT)
        ? UNLOAD_HOST
        : role.annotation();
  }

  /**
   * A method without a lifecycle annotation that overrides one with it: the module loses that
   * role, since annotations on methods are not inherited.
   */
  private void checkOverride(ExecutableElement method, Report report) {
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    for (TypeElement type = ModuleElements.superclass(declaring);
        type != null;
        type = ModuleElements.superclass(type)) {
      for (ExecutableElement overridden : ElementFilter.methodsIn(type.getEnclosedElements())) {
        List<Lifecycle> roles = Lifecycle.on(overridden);
        boolean hook = ModuleElements.hookAnnotation(overridden) != null;
        boolean every = ModuleElements.everyAnnotation(overridden) != null;
        if ((hook || every || !roles.isEmpty())
            && modules.elements().overrides(method, overridden, declaring)) {
          report.on(
              method,
              Message.LIFECYCLE_NOT_REPEATED,
              Texts.method(method),
              hook ? HOOK : every ? EVERY : annotation(roles.get(0), overridden),
              Texts.method(overridden),
              Texts.className(type));
          return;
        }
      }
    }
  }

  private void checkCallable(
      TypeElement module, ExecutableElement method, String annotation, Report report) {
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    Set<Modifier> modifiers = method.getModifiers();
    String described = Texts.method(method);
    if (modifiers.contains(Modifier.PRIVATE)) {
      report.on(method, Message.PRIVATE, annotation, described);
    } else if (!declaring.equals(module)
        && !modifiers.contains(Modifier.PUBLIC)
        && !modules.packageOf(declaring).equals(modules.packageOf(module))) {
      report.on(
          method, Message.INHERITED_UNCALLABLE, annotation, described, declaring.getQualifiedName());
    }
    if (modifiers.contains(Modifier.STATIC)) {
      report.on(method, Message.STATIC, annotation, described);
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      report.on(method, Message.ABSTRACT_METHOD, annotation, described);
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.on(method, Message.GENERIC_METHOD, annotation, described);
    }
    TypeMirror notException = modules.firstThrownNonException(method);
    if (notException != null) {
      report.on(method, Message.THROWS_THROWABLE, annotation, described, Texts.type(notException));
    }
  }

  private static void checkShape(
      ExecutableElement method, Lifecycle role, String annotation, Report report) {
    boolean none = method.getParameters().isEmpty();
    String expected =
        switch (role) {
          case LOAD -> ModuleElements.takesInjectable(method)
              ? null
              : "no parameter, or a ModuleContext and modules it depends on";
          case ADD_HOST -> ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT)
              ? null
              : "one HostContext";
          case UNLOAD -> none || ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT)
              ? null
              : "no parameter, or one HostContext in a shared module";
          case SAVE -> none ? null : "no parameter";
          case RESTORE -> method.getParameters().size() == 1
              ? null
              : "one parameter, the state @Save returns";
          case RECONFIGURE -> none || ModuleElements.takesOnly(method, HostmodNames.MODULE_CONTEXT)
              ? null
              : "no parameter, or one ModuleContext";
        };
    if (expected != null) {
      report.on(
          method,
          Message.WRONG_PARAMETERS,
          annotation,
          Texts.method(method),
          expected,
          Texts.parameters(method));
    }
    boolean returnsVoid = method.getReturnType().getKind() == TypeKind.VOID;
    if (role == Lifecycle.SAVE) {
      if (returnsVoid) {
        report.on(method, Message.SAVE_RETURNS_VOID, Texts.method(method));
      }
    } else if (!returnsVoid) {
      report.on(
          method,
          Message.NOT_VOID,
          annotation,
          Texts.method(method),
          Texts.type(method.getReturnType()));
    }
  }
}
