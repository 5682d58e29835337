package io.hostmod.micrometer;

import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ModuleStatus;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How many modules of each kind are in each state, over every active host, read from {@link
 * ModuleManager#status()} at most once a second: a scrape reads every gauge at once, and each
 * reading would otherwise walk every host.
 */
final class ModuleCounts {

  private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final ModuleManager manager;
  private Map<String, Integer> counts = Map.of();
  private long readAt;
  private boolean read;

  private ModuleCounts(ModuleManager manager) {
    this.manager = manager;
  }

  /** One gauge per kind and state, registered. */
  static List<Meter> gauges(ModuleManager manager, MeterRegistry registry) {
    ModuleCounts counts = new ModuleCounts(manager);
    List<Meter> gauges = new ArrayList<>();
    for (ModuleKind kind : ModuleKind.values()) {
      for (ModuleState state : ModuleState.values()) {
        gauges.add(HostmodMetrics.gauge(counts, name(kind), name(state)).register(registry));
      }
    }
    return gauges;
  }

  synchronized double count(String kind, String state) {
    long now = System.nanoTime();
    if (!read || now - readAt > FRESH_NANOS) {
      Map<String, Integer> fresh = new HashMap<>();
      for (HostStatus host : manager.status()) {
        for (ModuleStatus module : host.modules()) {
          fresh.merge(name(module.kind()) + "/" + name(module.state()), 1, Integer::sum);
        }
      }
      counts = fresh;
      readAt = now;
      read = true;
    }
    return counts.getOrDefault(kind + "/" + state, 0);
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
