package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.Health;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.Registration;
import java.time.Duration;

/**
 * A per-host module that hands its context's timers and status to the test: {@link #context} is
 * what it saw at {@code @Load}, so a test schedules and reports as the module would.
 */
@Module
public final class HealthModule {

  ModuleContext context;

  @Load
  void load(ModuleContext context) {
    this.context = context;
  }

  public void report(Health health, String message) {
    context.status(health, message);
  }

  public Registration schedule(Duration delay, Runnable task) {
    return context.schedule(delay, task);
  }

  public Registration every(Duration period, Runnable task) {
    return context.every(period, task);
  }

  public ModuleContext context() {
    return context;
  }
}
