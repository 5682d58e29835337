package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/** A plain global probe (no {@code @AddHost}) for fault injection, as {@link ProbeLocalModule}. */
@Module(global = true)
public final class ProbeGlobalModule {

  final int id = Resources.created(this);
  final ModuleContext context;
  volatile int state;

  public ProbeGlobalModule(ModuleContext context) {
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
