package io.hostmod.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Each module name's slot in a host's table ({@link Host}): given when a module of that name is
 * first installed and kept for good, also when it is uninstalled, so that a module installed again
 * (new code, say) takes the same slot. Only grows: a reader needs no snapshot of the installed
 * modules to find a slot, and {@code isLoaded} reaches this map in as many steps as it did when the
 * modules were fixed at {@code build()} (through {@link Modules}' current bindings, it took two
 * more: 6% of {@code IsLoadedBenchmark}, docs/benchmarks.md).
 */
final class Slots {

  /** Replaced, never changed, under the monitor; read without it. */
  private volatile Map<String, Integer> byName = new HashMap<>();

  /** The module's slot, or -1 for a name never installed. */
  int of(String module) {
    Integer slot = byName.get(module);
    return slot == null ? -1 : slot;
  }

  /** How many slots a host's table needs now. */
  int count() {
    return byName.size();
  }

  /** Gives each new name the next slot; a name that has one keeps it. */
  synchronized void give(Collection<String> names) {
    Map<String, Integer> next = null;
    for (String name : names) {
      if (!byName.containsKey(name) && (next == null || !next.containsKey(name))) {
        if (next == null) {
          next = new HashMap<>(byName);
        }
        next.put(name, next.size());
      }
    }
    if (next != null) {
      byName = next;
    }
  }
}
