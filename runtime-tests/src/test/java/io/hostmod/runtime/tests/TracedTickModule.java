package io.hostmod.runtime.tests;

import io.hostmod.Every;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A traced per-host module ({@link Traced}) with a timer: {@code tick} every minute, traced like
 * its callbacks, so a test sees each tick with its instance, thread, beginning and end beside
 * {@code @Load} and {@code @Unload}. A test makes a tick throw with the Journal's {@code
 * "traced_tick.tick <host>"}, or pause with {@link Trace#pauseAt}.
 */
@Module
public final class TracedTickModule extends Traced {

  public TracedTickModule(ModuleContext context) {
    super(context);
  }

  @Every("PT1M")
  void tick() {
    step("tick", context.host());
  }
}
