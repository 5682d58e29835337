package io.hostmod.runtime;

/** What a {@code @Module} class is, as the processor read it. */
public enum ModuleKind {
  /** One instance for every host the module is loaded on. */
  PER_HOST,
  /** One instance for the whole server, on the global host {@code "*"}. */
  GLOBAL,
  /** One global instance plus a host part ({@code @AddHost}) on every host it is loaded on. */
  SHARED
}
