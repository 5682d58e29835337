package io.hostmod.test;

import io.hostmod.Every;
import io.hostmod.Hook;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Option;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleContext;
import java.lang.System.Logger.Level;

/**
 * A per-host module with something of every kind to leave behind: a timer that fires {@code tick}
 * with its {@code tick_text} and logs it, a hook, an item and an onUnload action.
 */
@Module
public class TickerModule {

  @Option("tick_text")
  String tickText = "tick";

  private ModuleContext context;
  private int ticks;
  private int pings;

  @Load
  void load(ModuleContext context) {
    this.context = context;
    context.addItem("ticker", "ticker of " + context.host());
    context.onUnload(() -> context.logger().log(Level.INFO, "stopped after {0} ticks", ticks));
  }

  @Every("PT1M")
  void tick() {
    ticks++;
    context.fire("tick", tickText + " " + ticks);
    context.logger().log(Level.INFO, "tick " + ticks + " on " + context.host());
  }

  @Hook("ping")
  void ping(Event event) {
    pings++;
  }

  public int ticks() {
    return ticks;
  }

  public int pings() {
    return pings;
  }
}
