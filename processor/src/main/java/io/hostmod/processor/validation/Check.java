package io.hostmod.processor.validation;

import javax.lang.model.element.TypeElement;

/** The checks of one subject (the class, its name, its lifecycle methods, ...) on a module class. */
interface Check {

  /** Adds the module's problems of this subject to the report; never throws for user code. */
  void check(TypeElement module, Report report);
}
