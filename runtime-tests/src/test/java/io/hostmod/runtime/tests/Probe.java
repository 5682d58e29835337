package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/**
 * What every probe module does for fault injection, on the host it runs for: every step goes
 * through the {@link Journal}, which can make it fail; {@code @Load} registers a hook and an item
 * first and opens a {@link Resources} resource last, which {@code @Unload} closes; {@link #state}
 * is carried across a reload. The probe modules inherit these methods, as a module may from a base
 * class; each is its own {@code @Module} class because each kind needs one.
 */
abstract class Probe {

  final int id = Resources.created(this);
  final ModuleContext context;
  volatile int state;

  Probe(ModuleContext context) {
    this.context = context;
    Journal.record(context, "new");
  }

  @Load
  void load(ModuleContext context) {
    context.hook(Resources.EVENT, 0, event -> heard(context));
    context.addItem(Resources.ITEM, context.name());
    Journal.record(context, "load");
    Resources.open(context, id);
  }

  @Unload
  void unload() {
    Resources.close(context, id);
    Journal.record(context, "unload");
  }

  @Save
  Integer save() {
    Journal.record(context, "save");
    return state;
  }

  @Restore
  void restore(Integer saved) {
    Journal.record(context, "restore");
    state = saved;
  }

  /** The probe hook: the module's own method, as a real handler is, so it keeps the instance. */
  void heard(ModuleContext where) {
    Journal.record(where, "hook");
  }
}
