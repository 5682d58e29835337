package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleManager;

/**
 * A per-host module whose {@code @Load} calls the manager back to load this same module, as a
 * careless module might: the manager must refuse with {@code module-busy} rather than deadlock.
 */
@Module
public class ReentrantModule {

  /** The manager to call back; set by the test that loads this module. */
  static volatile ModuleManager manager;

  @Load
  void load(ModuleContext context) {
    manager.load(context.host(), context.name());
  }
}
