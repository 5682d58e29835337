package io.hostmod.micrometer;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A per-host module that counts in its own view of {@link #REGISTRY}, as a module of a server
 * would in the server's registry.
 */
@Module
public final class MeteredModule {

  /** The server's registry, which the test reads. */
  static final MeterRegistry REGISTRY = new SimpleMeterRegistry();

  MeterRegistry meters;
  Counter messages;

  @Load
  void load(ModuleContext context) {
    if (context.option("fail_load", Boolean.class, false)) {
      throw new IllegalStateException("told to fail");
    }
    meters = HostmodMetrics.forModule(context, REGISTRY);
    messages = meters.counter("metered.messages");
    meters.gauge("metered.rooms", 3);
  }
}
