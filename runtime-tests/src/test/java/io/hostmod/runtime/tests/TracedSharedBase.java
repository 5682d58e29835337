package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;

/**
 * What every traced shared module does ({@link Traced}): its global instance as every traced
 * module, and each host part's {@code @AddHost} and {@code @Unload(HostContext)} traced on that
 * host.
 */
abstract class TracedSharedBase extends Traced {

  TracedSharedBase(ModuleContext context) {
    super(context);
  }

  @AddHost
  void addHost(HostContext host) {
    step("addHost", host.host());
  }

  @Unload
  void removeHost(HostContext host) {
    step("unloadHost", host.host());
  }
}
