package io.hostmod.runtime.tests;

/**
 * What the modules of the jars {@link ModuleJarsTest} builds show the test: on the class path, so
 * the same interface in every jar version (their loaders ask the application's loader first).
 */
public interface JarModule {

  /** The module's name. */
  String name();

  /** The version label compiled into the jar: {@code v1}, {@code v2}... */
  String version();

  /** The state it would save now. */
  Object state();
}
