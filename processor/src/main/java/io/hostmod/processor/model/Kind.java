package io.hostmod.processor.model;

/** What a module is; mirrors {@code io.hostmod.runtime.ModuleKind}, which the processor does not depend on. */
public enum Kind {
  PER_HOST,
  GLOBAL,
  SHARED
}
