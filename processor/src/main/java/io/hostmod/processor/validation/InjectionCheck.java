package io.hostmod.processor.validation;

import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.Lifecycle;
import io.hostmod.processor.model.ModuleElements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The modules a constructor or {@code @Load} method takes, which the binding gets from the
 * runtime: each must be in {@code dependsOn}, so that it is loaded first, and a host proxy exists
 * only on a real host. That the parameters are of such types at all is the {@link ClassCheck}'s
 * (constructors) and the {@link LifecycleCheck}'s ({@code @Load}).
 */
final class InjectionCheck implements Check {

  private final ModuleElements modules;

  InjectionCheck(ModuleElements modules) {
    this.modules = modules;
  }

  @Override
  public void check(TypeElement module, Report report) {
    Set<String> dependencies = new HashSet<>();
    for (AnnotationValue value : modules.dependsOn(module)) {
      TypeElement dependency = ModuleElements.dependency(value);
      if (dependency != null) {
        dependencies.add(dependency.getQualifiedName().toString());
      }
    }
    List<String> described = new ArrayList<>();
    List<ExecutableElement> injected = new ArrayList<>();
    for (ExecutableElement constructor : ModuleElements.usableConstructors(module)) {
      injected.add(constructor);
      described.add("constructor " + Texts.method(constructor));
    }
    for (ExecutableElement method : modules.methods(module)) {
      if (Lifecycle.on(method).equals(List.of(Lifecycle.LOAD))
          && ModuleElements.hookAnnotation(method) == null
          && ModuleElements.takesInjectable(method)) {
        injected.add(method);
        described.add("@Load method " + Texts.method(method));
      }
    }
    Kind kind = modules.kind(module);
    for (int i = 0; i < injected.size(); i++) {
      for (VariableElement parameter : injected.get(i).getParameters()) {
        check(module, kind, dependencies, described.get(i), parameter, report);
      }
    }
  }

  private static void check(
      TypeElement module,
      Kind kind,
      Set<String> dependencies,
      String where,
      VariableElement parameter,
      Report report) {
    String name = Texts.className(module);
    TypeElement dependency = ModuleElements.injectedModule(parameter.asType());
    TypeElement proxied = ModuleElements.proxiedModule(parameter.asType());
    if (proxied != null && kind != Kind.PER_HOST) {
      report.on(
          parameter,
          Message.HOST_PROXY_IN_GLOBAL,
          where,
          Texts.className(proxied),
          name,
          kind == Kind.SHARED ? "a shared module" : "a global module");
      return;
    }
    TypeElement needed = dependency != null ? dependency : proxied;
    if (needed != null && !dependencies.contains(needed.getQualifiedName().toString())) {
      String neededName = Texts.className(needed);
      report.on(
          parameter,
          Message.NOT_A_DEPENDENCY,
          where,
          dependency != null ? "module " + neededName : "the host proxy of " + neededName,
          name,
          neededName);
    }
  }
}
