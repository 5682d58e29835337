package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/**
 * What every traced module does: each constructor and lifecycle method goes through {@link
 * Trace#run}, which records it with the instance's name and the thread and passes the {@link
 * Journal}'s fault point. {@link #state} is carried across a reload. The traced modules inherit
 * these methods; each kind, and each dependency shape, is its own {@code @Module} class.
 */
abstract class Traced {

  final ModuleContext context;
  /** {@code "<module>@<host>#<n>"}, see {@link Trace}. */
  final String instance;
  volatile Integer state;

  Traced(ModuleContext context) {
    this.context = context;
    this.instance = Trace.created(context.name(), context.host());
    step("new", context.host());
  }

  final void step(String step, String host) {
    Trace.run(instance, context.name(), step, host);
  }

  @Load
  void load(ModuleContext context) {
    step("load", context.host());
  }

  @Unload
  void unload() {
    step("unload", context.host());
  }

  @Save
  Integer save() {
    step("save", context.host());
    return state == null ? 0 : state;
  }

  @Restore
  void restore(Integer saved) {
    step("restore", context.host());
    state = saved;
  }
}
