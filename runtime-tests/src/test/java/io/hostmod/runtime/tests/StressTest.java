package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded random mix of every operation, from many threads at once, on the probe modules (one of
 * each kind and one that depends on the other three) over five hosts, two of which come and go.
 * Each run is bounded by a count of operations per thread and by a deadline of a couple of
 * seconds, whichever comes first; a deadlock fails it through the futures' timeout. Nothing is
 * asserted about time.
 *
 * <p>The checks do not depend on the interleaving. Every operation ends with success or one of
 * the refusals a serial order can give (no {@code load-failed}, no {@code module-busy}: no module
 * fails and none calls back). Once all threads are done, the state is one that the rules allow:
 * every module's dependencies are loaded where it is; a shared module's hosts are all attached to
 * its one live instance; exactly one resource is open per loaded module and host (every instance
 * that finished loading and went away had its {@code @Unload} called, once); every host lists
 * exactly the items and hooks of its loaded modules; {@code module-loaded} and {@code
 * module-unloaded} events balance; and the manager is still fully usable: every module loads and
 * unloads everywhere, and shutdown closes every resource. That the results themselves are those
 * of some serial order is what {@link LincheckTest} checks, for the core operations.
 */
class StressTest extends ManagerTestBase {

  private static final int THREADS = 4;
  private static final int OPERATIONS_PER_THREAD = 1_500;
  private static final long DEADLINE_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
  private static final String C = "c.example";
  private static final String D = "d.example";
  private static final List<String> HOSTS = List.of(GLOBAL, A, B, C, D);
  /** Hosts that threads deactivate and activate again. */
  private static final List<String> TRANSIENT = List.of(C, D);
  private static final List<String> PROBES =
      List.of("probe_local", "probe_global", "probe_shared", "probe_user");
  private static final Set<String> SERIAL_OUTCOMES =
      Set.of(
          "ok",
          ModuleException.MODULE_ALREADY_LOADED,
          ModuleException.GLOBAL_MODULE_ALREADY_LOADED,
          ModuleException.MODULE_NOT_LOADED,
          ModuleException.UNKNOWN_HOST,
          ModuleException.HOST_ALREADY_ACTIVE);

  private final Map<String, AtomicInteger> events = new ConcurrentHashMap<>();

  @BeforeEach
  void probesAndListeners() {
    Resources.reset();
    TRANSIENT.forEach(manager::activateHost);
    for (String event : List.of(Event.MODULE_LOADED, Event.MODULE_UNLOADED)) {
      manager.hook(GLOBAL, event, 0, fired -> events
          .computeIfAbsent(event + " " + fired.module() + "@" + fired.host(), k -> new AtomicInteger())
          .incrementAndGet());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20261125L, 7L, 1234567L})
  void randomMixFromManyThreadsLeavesAStateTheRulesAllow(long seed) throws Exception {
    Map<String, Integer> outcomes = run(seed);

    assertTrue(SERIAL_OUTCOMES.containsAll(outcomes.keySet()), () -> "outcomes " + outcomes);
    assertTrue(outcomes.getOrDefault("ok", 0) > 0, () -> "nothing succeeded: " + outcomes);

    Set<String> loaded = loaded();
    assertDependenciesAndAttachments(loaded);
    List<String> open = new ArrayList<>(Resources.openNow());
    open.sort(null);
    assertEquals(new ArrayList<>(loaded), open, "one open resource per loaded module and host");
    assertEquals(List.of(), Resources.violations());
    assertItemsAndHooks(loaded);
    assertEventsBalance(loaded);

    // Still fully usable: every probe loads on every host, and everything unloads again.
    for (String host : manager.activeHosts()) {
      if (!host.equals(GLOBAL) && !manager.isLoaded(host, "probe_user")) {
        manager.load(host, "probe_user");
      }
    }
    for (String host : manager.activeHosts()) {
      for (String module : List.of("probe_user", "probe_local")) {
        if (manager.isLoaded(host, module)) {
          manager.unload(host, module);
        }
      }
    }
    manager.unload(GLOBAL, "probe_shared");
    manager.unload(GLOBAL, "probe_global");
    for (String host : manager.activeHosts()) {
      assertEquals(Set.of(), manager.loadedModules(host), host);
    }
    assertEquals(List.of(), Resources.openNow());
    manager.shutdown();
    assertEquals(List.of(), Resources.openNow());
    assertEquals(List.of(), Resources.violations());
  }

  /** Runs the threads; returns how often each outcome came. */
  private Map<String, Integer> run(long seed) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      long deadline = System.nanoTime() + DEADLINE_NANOS;
      List<Future<Map<String, Integer>>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(seed * 31 + t);
        threads.add(pool.submit(() -> {
          go.await();
          Map<String, Integer> outcomes = new TreeMap<>();
          for (int i = 0; i < OPERATIONS_PER_THREAD && System.nanoTime() < deadline; i++) {
            outcomes.merge(operate(random), 1, Integer::sum);
          }
          return outcomes;
        }));
      }
      go.countDown();
      Map<String, Integer> outcomes = new TreeMap<>();
      for (Future<Map<String, Integer>> thread : threads) {
        thread.get(1, TimeUnit.MINUTES).forEach((outcome, n) -> outcomes.merge(outcome, n, Integer::sum));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One random operation; its outcome is "ok" or the code it was refused with. */
  private String operate(Random random) {
    String host = HOSTS.get(random.nextInt(HOSTS.size()));
    String module = PROBES.get(random.nextInt(PROBES.size()));
    int dice = random.nextInt(100);
    try {
      if (dice < 35) {
        manager.load(host, module);
      } else if (dice < 60) {
        manager.unload(host, module);
      } else if (dice < 80) {
        manager.reload(host, module);
      } else if (dice < 90) {
        manager.fire(host, Resources.EVENT, null);
      } else if (dice < 95) {
        manager.deactivateHost(TRANSIENT.get(random.nextInt(TRANSIENT.size())));
      } else {
        manager.activateHost(TRANSIENT.get(random.nextInt(TRANSIENT.size())));
      }
      return "ok";
    } catch (ModuleException refused) {
      return refused.code();
    }
  }

  private Set<String> loaded() {
    Set<String> loaded = new TreeSet<>();
    for (String host : manager.activeHosts()) {
      for (String probe : PROBES) {
        if (manager.isLoaded(host, probe)) {
          loaded.add(probe + "@" + host);
        }
      }
      Set<String> listed = manager.loadedModules(host);
      for (String probe : PROBES) {
        assertEquals(manager.isLoaded(host, probe), listed.contains(probe), probe + "@" + host);
      }
    }
    return loaded;
  }

  private void assertDependenciesAndAttachments(Set<String> loaded) {
    boolean sharedLive = loaded.contains("probe_shared@" + GLOBAL);
    for (String host : manager.activeHosts()) {
      if (host.equals(GLOBAL)) {
        continue;
      }
      assertTrue(!loaded.contains("probe_global@" + host), "a global module only on *");
      if (loaded.contains("probe_shared@" + host)) {
        assertTrue(sharedLive, host + " attached to no global instance");
        assertSame(manager.instance(GLOBAL, ProbeSharedModule.class), manager.instance(host, ProbeSharedModule.class), host);
      }
      if (loaded.contains("probe_user@" + host)) {
        ProbeUserModule user = manager.instance(host, ProbeUserModule.class);
        assertSame(manager.instance(host, ProbeLocalModule.class), user.local, host);
        assertSame(manager.instance(GLOBAL, ProbeGlobalModule.class), user.global, host);
        assertTrue(loaded.contains("probe_shared@" + host), host);
        user.shared.host();
      }
    }
    // The live shared instance is attached exactly to the hosts it is loaded on.
    if (sharedLive) {
      Set<String> attached = new TreeSet<>(manager.instance(GLOBAL, ProbeSharedModule.class).hosts.keySet());
      Set<String> hosts = loaded.stream().filter(p -> p.startsWith("probe_shared@") && !p.endsWith("@*"))
          .map(p -> p.substring(p.indexOf('@') + 1)).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(hosts, attached);
    }
  }

  private void assertItemsAndHooks(Set<String> loaded) {
    for (String host : manager.activeHosts()) {
      Set<String> expected = loaded.stream().filter(p -> p.endsWith("@" + host))
          .map(p -> p.substring(0, p.indexOf('@'))).collect(Collectors.toCollection(TreeSet::new));
      List<String> items = new ArrayList<>();
      manager.items(host, Resources.ITEM).forEach(item -> items.add((String) item));
      items.sort(null);
      assertEquals(new ArrayList<>(expected), items, "items on " + host);
      Journal.take();
      manager.fire(host, Resources.EVENT, null);
      List<String> hooks = new ArrayList<>(Journal.take());
      hooks.sort(null);
      assertEquals(expected.stream().map(m -> m + ".hook " + host).toList(), hooks, "hooks on " + host);
    }
  }

  /** Per module and host, module-loaded minus module-unloaded is 1 where it is loaded, else 0. */
  private void assertEventsBalance(Set<String> loaded) {
    for (String host : HOSTS) {
      for (String probe : PROBES) {
        String where = probe + "@" + host;
        int balance = count(Event.MODULE_LOADED + " " + where) - count(Event.MODULE_UNLOADED + " " + where);
        assertEquals(loaded.contains(where) ? 1 : 0, balance, where);
      }
    }
  }

  private int count(String key) {
    AtomicInteger n = events.get(key);
    return n == null ? 0 : n.get();
  }
}
