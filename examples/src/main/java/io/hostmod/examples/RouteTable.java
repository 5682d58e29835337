package io.hostmod.examples;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ModuleStatus;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The routes of every host, one immutable {@link Table} per host, replaced whole by one write when
 * the host's {@link Route#ITEM} items change. A request reads one table and so sees each module's
 * {@link Routes} as they were before or after a change, never half of it.
 *
 * <p>A reload removes a module's old routes before its new instance adds its new ones. The next
 * table keeps the old paths of a module that is still loaded as {@link Reloading}: such a path is
 * answered {@code 503} with {@code Retry-After}, not {@code 404}, until the module's new routes
 * replace them. That holds by what the runtime says now, not by when an event comes: a module
 * that is no longer loaded (unloaded, or its reload failed) serves nothing, and a {@code
 * Reloading} older than {@link #SETTLE_NANOS} is kept only while the runtime still shows the
 * module changing on that host.
 *
 * <p>A table is rebuilt from the host's items (the runtime's own list) when they change: at once,
 * on the thread that changes them (item events hooked on each host), and on any request that finds
 * the items no longer those of its table (a host activated again comes with new items and no hook).
 */
final class RouteTable {

  /** What answers one method and path on a host. */
  sealed interface Target permits Live, Reloading {
    /** The module it belongs to, or {@code null} for a single {@link Route} item. */
    String module();
  }

  /** A route to run. */
  record Live(Route route, String module) implements Target {}

  /** A path the module served before its reload began; answered 503 until its new routes come. */
  record Reloading(String module, long sinceNanos) implements Target {}

  /**
   * One host's routes at one moment.
   *
   * @param source the items it was built from, compared by identity
   * @param byPath method to target, by path; methods in the order of the items
   */
  record Table(String host, List<Object> source, Map<String, Map<String, Target>> byPath) {
    Map<String, Target> at(String path) {
      return byPath.getOrDefault(path, Map.of());
    }
  }

  /** How long a {@link Reloading} stands without asking the runtime whether the module still changes. */
  static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private static final String PROBE = "http-routes-probe";

  private final ModuleManager modules;
  private final Map<String, Holder> hosts = new ConcurrentHashMap<>();

  RouteTable(ModuleManager modules) {
    this.modules = modules;
    // A host activated (again) gets its table and its hooks before the first request needs them.
    modules.hook(ModuleManager.GLOBAL, Event.HOST_ACTIVATED, 0, event -> {
      try {
        current(event.host());
      } catch (ModuleException deactivatedMeanwhile) {
        // Its next activation comes with its own event.
      }
    });
    // A deactivated host's table goes with it: tenants come and go. Should this event come after
    // the host's next activation made a table again, the next request makes it once more.
    modules.hook(ModuleManager.GLOBAL, Event.HOST_DEACTIVATED, 0, event -> hosts.remove(event.host()));
  }

  /** The hosts that have a table now. */
  Set<String> hosts() {
    return Set.copyOf(hosts.keySet());
  }

  /**
   * The host's current table.
   *
   * @throws ModuleException {@code unknown-host} if the host is not active
   */
  Table current(String host) {
    return hosts.computeIfAbsent(host, Holder::new).current();
  }

  /**
   * Whether a {@link Reloading} still stands: its module is loaded on the host, and either the
   * reload began moments ago or the runtime shows the module changing there. One that no longer
   * stands is dropped from the host's table.
   *
   * @param decided what this request decided already, by host and module: one request decides
   *     once for a module, so that it cannot see one path of it standing and another not (say,
   *     POST gone and GET standing: a 405) when the module is loaded again meanwhile
   */
  boolean stands(Table table, Reloading reloading, Map<String, Boolean> decided) {
    return decided.computeIfAbsent(table.host() + " " + reloading.module(), key -> {
      boolean stands = modules.isLoaded(table.host(), reloading.module())
          && (System.nanoTime() - reloading.sinceNanos() < SETTLE_NANOS || changing(table.host(), reloading.module()));
      if (!stands) {
        hosts.computeIfAbsent(table.host(), Holder::new).drop(reloading);
      }
      return stands;
    });
  }

  /** Whether the runtime shows the module loading, unloading or reloading on the host. */
  private boolean changing(String host, String module) {
    for (HostStatus status : modules.status()) {
      if (status.host().equals(host)) {
        for (ModuleStatus entry : status.modules()) {
          if (entry.name().equals(module)) {
            return entry.state() == ModuleState.LOADING || entry.state() == ModuleState.UNLOADING
                || entry.state() == ModuleState.RELOADING;
          }
        }
      }
    }
    return false;
  }

  /** One host's table, and the hooks that rebuild it when the host's routes change. */
  private final class Holder {
    private final String host;
    private volatile Table table;

    Holder(String host) {
      this.host = host;
    }

    Table current() {
      Table now = table;
      if (now != null && same(modules.items(host, Route.ITEM), now.source())) {
        return now;
      }
      return rebuild();
    }

    /** Builds the table from the host's items now, keeping the paths of modules being reloaded. */
    synchronized Table rebuild() {
      List<Object> items = modules.items(host, Route.ITEM);
      Table before = table;
      if (before != null && same(items, before.source())) {
        return before;
      }
      hookIfNeeded();
      Map<String, Map<String, Target>> byPath = new LinkedHashMap<>();
      Set<String> withRoutes = new HashSet<>();
      for (Object item : items) {
        if (item instanceof Routes set) {
          withRoutes.add(set.module());
          set.routes().forEach(route -> put(byPath, route, new Live(route, set.module())));
        } else if (item instanceof Route route) {
          put(byPath, route, new Live(route, null));
        }
      }
      if (before != null) {
        long now = System.nanoTime();
        before.byPath().forEach((path, methods) -> methods.forEach((method, target) -> {
          String module = target.module();
          if (module != null && !withRoutes.contains(module) && !byPath.getOrDefault(path, Map.of()).containsKey(method)
              && modules.isLoaded(host, module)) {
            long since = target instanceof Reloading reloading ? reloading.sinceNanos() : now;
            byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, new Reloading(module, since));
          }
        }));
      }
      Map<String, Map<String, Target>> frozen = new LinkedHashMap<>();
      byPath.forEach((path, methods) -> frozen.put(path, Map.copyOf(methods)));
      Table next = new Table(host, items, Map.copyOf(frozen));
      table = next;
      return next;
    }

    /** Takes a {@link Reloading} that no longer stands out of the table. */
    synchronized void drop(Reloading gone) {
      Table now = table;
      if (now == null) {
        return;
      }
      Map<String, Map<String, Target>> byPath = new LinkedHashMap<>();
      now.byPath().forEach((path, methods) -> {
        Map<String, Target> kept = new LinkedHashMap<>(methods);
        kept.values().removeIf(target -> target instanceof Reloading reloading
            && reloading.module().equals(gone.module()) && reloading.sinceNanos() <= gone.sinceNanos());
        if (!kept.isEmpty()) {
          byPath.put(path, Map.copyOf(kept));
        }
      });
      table = new Table(host, now.source(), Map.copyOf(byPath));
    }

    /**
     * Hooks the host's route item events, unless the hooks are there: a probe event that they stop
     * says so (a host deactivated and activated again has lost them with its old events).
     */
    private void hookIfNeeded() {
      if (modules.fire(host, PROBE, this).isStopped()) {
        return;
      }
      modules.hook(host, PROBE, 0, event -> {
        if (event.data() == this) {
          event.stop();
        }
      });
      modules.hook(host, Event.ITEM_ADDED + Route.ITEM, 0, event -> rebuildIfActive());
      modules.hook(host, Event.ITEM_REMOVED + Route.ITEM, 0, event -> rebuildIfActive());
    }

    private void rebuildIfActive() {
      try {
        rebuild();
      } catch (ModuleException deactivated) {
        // The host went while its modules were unloaded: nothing to serve.
      }
    }
  }

  private static void put(Map<String, Map<String, Target>> byPath, Route route, Target target) {
    byPath.computeIfAbsent(route.path(), path -> new LinkedHashMap<>()).putIfAbsent(route.method(), target);
  }

  private static boolean same(List<Object> items, List<Object> source) {
    if (items.size() != source.size()) {
      return false;
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) != source.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The methods a table serves at a path, standing reloads included, sorted. */
  Set<String> methods(Table table, String path, Map<String, Boolean> decided) {
    Set<String> methods = new TreeSet<>();
    table.at(path).forEach((method, target) -> {
      if (target instanceof Live || stands(table, (Reloading) target, decided)) {
        methods.add(method);
      }
    });
    return methods;
  }
}
