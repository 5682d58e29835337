package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host probe that depends on one probe of each kind (per-host, shared, global, in that
 * order) and takes each in its constructor; otherwise as {@link ProbeLocalModule}.
 */
@Module(dependsOn = {ProbeLocalModule.class, ProbeSharedModule.class, ProbeGlobalModule.class})
public final class ProbeUserModule {

  final int id = Resources.created(this);
  final ModuleContext context;
  final ProbeLocalModule local;
  final ProbeSharedModule_HostProxy shared;
  final ProbeGlobalModule global;
  volatile int state;

  public ProbeUserModule(ModuleContext context) {
    this.context = context;
    local = context.module(ProbeLocalModule.class);
    shared = context.hostProxy(ProbeSharedModule_HostProxy.class);
    global = context.module(ProbeGlobalModule.class);
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
