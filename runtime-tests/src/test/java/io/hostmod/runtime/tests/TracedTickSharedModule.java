package io.hostmod.runtime.tests;

import io.hostmod.Every;
import io.hostmod.Module;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;

/**
 * A traced shared module ({@link TracedSharedBase}) with timers: {@code tick} of the global
 * instance every five minutes, and {@code tickHost} of each host part every minute, traced on that
 * host.
 */
@Module(global = true)
public final class TracedTickSharedModule extends TracedSharedBase {

  public TracedTickSharedModule(ModuleContext context) {
    super(context);
  }

  @Every("PT5M")
  void tick() {
    step("tick", context.host());
  }

  @Every("PT1M")
  public void tickHost(HostContext host) {
    step("tickHost", host.host());
  }
}
