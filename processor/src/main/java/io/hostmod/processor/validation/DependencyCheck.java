package io.hostmod.processor.validation;

import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.ModuleElements;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The {@code dependsOn} classes of one module, each reported on its class literal. Cycles need
 * every module of the compilation and are the {@link ModuleSetValidator}'s.
 */
final class DependencyCheck implements Check {

  private final ModuleElements modules;

  DependencyCheck(ModuleElements modules) {
    this.modules = modules;
  }

  @Override
  public void check(TypeElement module, Report report) {
    String name = Texts.className(module);
    boolean plainGlobal = modules.kind(module) == Kind.GLOBAL;
    Set<String> seen = new HashSet<>();
    for (AnnotationValue value : modules.dependsOn(module)) {
      TypeElement dependency = ModuleElements.dependency(value);
      if (dependency == null) {
        // int.class or String[].class; the processor defers modules with unresolved classes.
        if (value.getValue() instanceof TypeMirror type) {
          report.onValue(module, value, Message.DEPENDS_ON_NON_MODULE, Texts.type(type), name);
        }
        continue;
      }
      String dependencyName = Texts.className(dependency);
      if (ModuleElements.moduleAnnotation(dependency) == null) {
        report.onValue(module, value, Message.DEPENDS_ON_NON_MODULE, dependencyName, name);
      } else if (dependency.equals(module)) {
        report.onValue(module, value, Message.DEPENDS_ON_ITSELF, name);
      } else if (!seen.add(dependency.getQualifiedName().toString())) {
        report.onValue(module, value, Message.DEPENDS_ON_TWICE, dependencyName, name);
      } else if (plainGlobal && !modules.isGlobal(dependency)) {
        // A shared module's dependencies attach per host, so only a plain global one is affected.
        report.onValue(module, value, Message.GLOBAL_DEPENDS_ON_PER_HOST, name, dependencyName);
      }
    }
  }
}
