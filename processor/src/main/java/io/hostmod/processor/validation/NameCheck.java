package io.hostmod.processor.validation;

import io.hostmod.processor.model.ModuleElements;
import io.hostmod.processor.model.ModuleNames;
import javax.lang.model.element.TypeElement;

/** The module's name, written in {@code @Module(name)} or derived from the class name. */
final class NameCheck implements Check {

  private final ModuleElements modules;

  NameCheck(ModuleElements modules) {
    this.modules = modules;
  }

  @Override
  public void check(TypeElement module, Report report) {
    String className = Texts.className(module);
    String written = modules.writtenName(module);
    if (!written.isEmpty()) {
      if (!ModuleNames.isValid(written)) {
        report.onValue(module, "name", Message.NAME_INVALID, written, className);
      }
      return;
    }
    String derived = ModuleNames.derive(module.getSimpleName().toString());
    if (derived.isEmpty()) {
      report.on(module, Message.DERIVED_NAME_EMPTY, className);
    } else if (!ModuleNames.isValid(derived)) {
      report.on(module, Message.DERIVED_NAME_INVALID, className, derived);
    }
  }
}
