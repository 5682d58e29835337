package io.hostmod.runtime.tests;

import io.hostmod.runtime.ModuleContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the callback modules do in their lifecycle steps: each step is recorded in the {@link
 * Journal}, then runs the action a test set for {@code "<module>.<step>"} (any host), if any. An
 * action's exception leaves the lifecycle method, as a module's own would.
 */
public final class Callbacks {

  private static final Map<String, Consumer<ModuleContext>> actions = new ConcurrentHashMap<>();

  private Callbacks() {}

  /** Sets what {@code step} (such as {@code "callback.load"}) does, until {@link #reset}. */
  static void on(String step, Consumer<ModuleContext> action) {
    actions.put(step, action);
  }

  static void run(ModuleContext context, String step) {
    Journal.record(context, step);
    Consumer<ModuleContext> action = actions.get(context.name() + "." + step);
    if (action != null) {
      action.accept(context);
    }
  }

  static void reset() {
    actions.clear();
  }
}
