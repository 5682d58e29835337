package io.hostmod.benchmarks.modules;

import io.hostmod.Load;
import io.hostmod.Unload;
import io.hostmod.benchmarks.peer.Reflective;
import io.hostmod.runtime.ModuleContext;

/**
 * The lifecycle of the per-host and global benchmark modules: {@code @Load} and {@code @Unload}
 * that only count. Subclasses add no field, so a module's own size is its object header.
 */
public abstract class PlainModuleBase {

  protected PlainModuleBase() {
    Calls.created++;
  }

  @Load
  @Reflective.Load
  public void load(ModuleContext context) {
    Calls.loads++;
  }

  @Unload
  @Reflective.Unload
  public void unload() {
    Calls.unloads++;
  }
}
