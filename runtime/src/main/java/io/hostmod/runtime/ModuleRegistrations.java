package io.hostmod.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a module has registered on a host through its contexts there, as {@link
 * ModuleManager#registrations} finds it: the runtime removes all of it when the module is unloaded
 * from the host.
 *
 * @param host the host
 * @param module the module's name
 * @param hooks the number of event handlers it added, by event ({@link ModuleContext#hook}, {@code @Hook})
 * @param items the number of items it added, by key ({@link ModuleContext#addItem})
 * @param timers its timers not closed ({@link ModuleContext#schedule}, {@link ModuleContext#every}, {@code @Every})
 * @param unloadActions its {@link ModuleContext#onUnload} actions still to run
 */
public record ModuleRegistrations(
    String host, String module, Map<String, Integer> hooks, Map<String, Integer> items, int timers, int unloadActions) {

  public ModuleRegistrations {
    hooks = Map.copyOf(hooks);
    items = Map.copyOf(items);
  }

  /** Whether the module has nothing registered on the host. */
  public boolean isEmpty() {
    return hooks.isEmpty() && items.isEmpty() && timers == 0 && unloadActions == 0;
  }

  /** Each thing registered, in words: {@code hook on 'ping'}, {@code 2 items under 'route'}, ... */
  public List<String> described() {
    List<String> described = new ArrayList<>();
    new TreeMap<>(hooks).forEach((event, count) ->
        described.add(count(count, "hook") + " on '" + event + "'"));
    new TreeMap<>(items).forEach((key, count) ->
        described.add(count(count, "item") + " under '" + key + "'"));
    if (timers > 0) {
      described.add(count(timers, "timer"));
    }
    if (unloadActions > 0) {
      described.add(count(unloadActions, "onUnload action") + " not run (a meter, a connection...)");
    }
    return described;
  }

  private static String count(int count, String what) {
    return count == 1 ? what : count + " " + what + "s";
  }

  @Override
  public String toString() {
    return "module '" + module + "' on host '" + host + "': " + (isEmpty() ? "nothing registered" : String.join(", ", described()));
  }
}
