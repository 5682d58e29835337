package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host probe that depends on one probe of each kind (per-host, shared, global, in that
 * order) and takes each in its constructor; otherwise as {@link Probe}.
 */
@Module(dependsOn = {ProbeLocalModule.class, ProbeSharedModule.class, ProbeGlobalModule.class})
public final class ProbeUserModule extends Probe {

  final ProbeLocalModule local;
  final ProbeSharedModule_HostProxy shared;
  final ProbeGlobalModule global;

  public ProbeUserModule(ModuleContext context) {
    super(context);
    local = context.module(ProbeLocalModule.class);
    shared = context.hostProxy(ProbeSharedModule_HostProxy.class);
    global = context.module(ProbeGlobalModule.class);
  }
}
