package io.hostmod.benchmarks.modules;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.benchmarks.peer.Reflective;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleContext;

/**
 * The module of the dispatch benchmark: a per-host module whose {@code @Load} hooks {@link
 * #EVENT} with as many handlers as option {@code bench_handlers} says, each calling {@link
 * #onEvent}. Handlers registered through {@code context.hook} go through the host's event bus,
 * the path {@code @Hook} methods take too.
 */
@Module(name = "hooks")
@Reflective.Module(name = "hooks")
public class HookModule {

  public static final String EVENT = "bench-event";
  public static final String HANDLERS_OPTION = "bench_handlers";

  private long seen;

  @Load
  @Reflective.Load
  public void load(ModuleContext context) {
    int handlers = context.option(HANDLERS_OPTION, Integer.class, 1);
    for (int i = 0; i < handlers; i++) {
      context.hook(EVENT, 0, this::onEvent);
    }
  }

  /** The handler: counts the events it saw. The reflective peer finds it by its annotation. */
  @Reflective.Hook(EVENT)
  public void onEvent(Event event) {
    seen++;
  }

  public long seen() {
    return seen;
  }
}
