package io.hostmod.runtime;

/**
 * What a module instance sees of where it runs: its name and its host. A {@code @Load} method or a
 * module constructor may take one.
 *
 * <p>A global or shared module's instance runs on the global host, {@link ModuleManager#GLOBAL}
 * ({@code "*"}); a per-host module's instance runs on its own host.
 */
public interface ModuleContext {

  /** The module's name, as in {@code @Module(name)} or derived from the class name. */
  String name();

  /** The host this context belongs to; {@code "*"} for the global instance of a global module. */
  String host();

  /** A logger for this module, named {@code hostmod.<module name>}. */
  System.Logger logger();
}
