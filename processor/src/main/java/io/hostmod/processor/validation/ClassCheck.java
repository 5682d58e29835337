package io.hostmod.processor.validation;

import io.hostmod.processor.model.ModuleElements;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** The module class itself: where it is declared, and whether the runtime can create it. */
final class ClassCheck implements Check {

  private final ModuleElements modules;

  ClassCheck(ModuleElements modules) {
    this.modules = modules;
  }

  @Override
  public void check(TypeElement module, Report report) {
    String name = Texts.className(module);
    if (module.getNestingKind() == NestingKind.MEMBER
        && !module.getModifiers().contains(Modifier.STATIC)) {
      report.on(module, Message.INNER_CLASS, name);
    }
    for (Element type = module; type instanceof TypeElement; type = type.getEnclosingElement()) {
      if (!type.getModifiers().contains(Modifier.PUBLIC)) {
        report.on(module, Message.NOT_PUBLIC, name, type.getSimpleName());
        break;
      }
    }
    if (module.getModifiers().contains(Modifier.ABSTRACT)) {
      report.on(module, Message.ABSTRACT, name);
    }
    if (!module.getTypeParameters().isEmpty()) {
      report.on(module, Message.GENERIC_CLASS, name);
    }
    List<ExecutableElement> constructors = ModuleElements.usableConstructors(module);
    if (constructors.isEmpty()) {
      report.on(module, Message.NO_CONSTRUCTOR, name);
    } else if (constructors.size() > 1) {
      report.on(
          constructors.get(1),
          Message.TWO_CONSTRUCTORS,
          name,
          Texts.method(constructors.get(0)),
          Texts.method(constructors.get(1)));
    }
    for (ExecutableElement constructor : constructors) {
      TypeMirror notException = modules.firstThrownNonException(constructor);
      if (notException != null) {
        report.on(constructor, Message.CONSTRUCTOR_THROWS_THROWABLE, name, Texts.type(notException));
      }
    }
  }
}
