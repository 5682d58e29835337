package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static io.hostmod.runtime.ModuleException.UNKNOWN_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Many threads loading at the same moment. Each race is repeated a fixed number of times to meet
 * more interleavings. A deadlock fails the test through the default timeout in
 * junit-platform.properties; nothing here measures time.
 */
class ConcurrentLoadTest extends ManagerTestBase {

  private static final int THREADS = 16;
  private static final String LOADED = "loaded";

  @RepeatedTest(20)
  void sharedModuleLoadedOnManyHostsAtOnceIsCreatedOnce() throws Exception {
    List<String> hosts = activateHosts(THREADS);

    Map<String, Long> outcomes = race(THREADS, i -> manager.load(hosts.get(i), "chat"));

    assertEquals(Map.of(LOADED, (long) THREADS), outcomes);
    assertEquals(1, Journal.count("chat.new *"));
    assertEquals(1, Journal.count("chat.load *"));
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);
    for (String host : hosts) {
      assertEquals(1, Journal.count("chat.addHost " + host), host);
      assertSame(chat, manager.instance(host, ChatModule.class), host);
    }
  }

  @RepeatedTest(20)
  void sharedModuleLoadedOnOneHostByManyThreadsIsLoadedOnce() throws Exception {
    Map<String, Long> outcomes = race(THREADS, i -> manager.load(A, "chat"));

    assertEquals(Map.of(LOADED, 1L, MODULE_ALREADY_LOADED, THREADS - 1L), outcomes);
    assertEquals(List.of("chat.new *", "chat.load *", "chat.addHost a.example"), Journal.take());
  }

  @RepeatedTest(20)
  void perHostModuleLoadedOnOneHostByManyThreadsIsLoadedOnce() throws Exception {
    Map<String, Long> outcomes = race(THREADS, i -> manager.load(A, "roster"));

    assertEquals(Map.of(LOADED, 1L, MODULE_ALREADY_LOADED, THREADS - 1L), outcomes);
    assertEquals(List.of("roster.new a.example", "roster.load a.example"), Journal.take());
  }

  @RepeatedTest(20)
  void plainGlobalModuleLoadedForManyHostsAtOnceIsLoadedOnce() throws Exception {
    List<String> hosts = activateHosts(THREADS);

    Map<String, Long> outcomes = race(THREADS, i -> manager.load(hosts.get(i), "stats"));

    assertEquals(Map.of(LOADED, 1L, GLOBAL_MODULE_ALREADY_LOADED, THREADS - 1L), outcomes);
    assertEquals(List.of("stats.new", "stats.load *"), Journal.take());
  }

  @RepeatedTest(20)
  void hostRefusingASharedModuleWhileOthersLoadItLeavesTheOthersOnOneLiveInstance() throws Exception {
    List<String> hosts = activateHosts(THREADS);
    String refusing = hosts.get(0);
    Journal.failAt("chat.addHost " + refusing);

    Map<String, Long> outcomes = race(THREADS, i -> manager.load(hosts.get(i), "chat"));

    // If the refusing host came first, its global instance was unloaded and the others made a new one.
    assertEquals(Map.of(LOADED, THREADS - 1L, LOAD_FAILED, 1L), outcomes);
    assertEquals(Journal.count("chat.new *"), Journal.count("chat.load *"));
    assertEquals(Journal.count("chat.new *") - 1, Journal.count("chat.unload *"));
    assertFalse(manager.isLoaded(refusing, "chat"));
    assertEquals(0, Journal.count("chat.unloadHost " + refusing));
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);
    for (String host : hosts.subList(1, THREADS)) {
      assertEquals(1, Journal.count("chat.addHost " + host), host);
      assertSame(chat, manager.instance(host, ChatModule.class), host);
    }
  }

  @RepeatedTest(20)
  void deactivatingAHostWhileModulesLoadOnItLeavesNoneOfThemBehind() throws Exception {
    Map<String, Long> outcomes =
        race(
            THREADS,
            i -> {
              if (i == 0) {
                manager.deactivateHost(A);
              } else {
                manager.load(A, i % 2 == 0 ? "chat" : "roster");
              }
            });

    // Each load finished before the host went, and went with it, or found the host gone.
    Set<String> expected = Set.of(LOADED, MODULE_ALREADY_LOADED, UNKNOWN_HOST);
    assertTrue(expected.containsAll(outcomes.keySet()), outcomes::toString);
    assertFalse(manager.activeHosts().contains(A));
    assertEquals(Journal.count("roster.new a.example"), Journal.count("roster.unload a.example"));
    assertEquals(Journal.count("chat.addHost a.example"), Journal.count("chat.unloadHost a.example"));
    // A shared module's global instance outlives the host it was first loaded for.
    assertEquals(0, Journal.count("chat.unload *"));
  }

  /**
   * Hosts load and unload the shared module over and over while {@code "*"} is reloaded and
   * unloaded under them. Whatever the interleaving, every {@code @AddHost} is matched by an
   * {@code @Unload(HostContext)} unless the host still has the module, every global instance is
   * unloaded unless it is the live one, and every loaded host is attached to the live one.
   */
  @RepeatedTest(5)
  void loadsAndUnloadsRacingWithStarKeepEveryLifecycleBalanced() throws Exception {
    int rounds = 25;
    List<String> hosts = activateHosts(THREADS - 1);

    Map<String, Long> outcomes =
        race(
            THREADS,
            i -> {
              if (i < hosts.size()) {
                String host = hosts.get(i);
                for (int round = 0; round < rounds; round++) {
                  manager.load(host, "chat");
                  // "*" may have unloaded this host's part in the meantime.
                  refusedOnlyWith(() -> manager.unload(host, "chat"), MODULE_NOT_LOADED);
                }
                manager.load(host, "chat");
              } else {
                for (int round = 0; round < rounds; round++) {
                  refusedOnlyWith(() -> manager.reload(GLOBAL, "chat"), MODULE_NOT_LOADED);
                  refusedOnlyWith(() -> manager.unload(GLOBAL, "chat"), MODULE_NOT_LOADED);
                }
              }
            });

    assertEquals(Map.of(LOADED, (long) THREADS), outcomes);
    boolean live = manager.isLoaded(GLOBAL, "chat");
    ChatModule chat = live ? manager.instance(GLOBAL, ChatModule.class) : null;
    assertEquals(Journal.count("chat.new *"), Journal.count("chat.load *"));
    assertEquals(Journal.count("chat.new *") - (live ? 1 : 0), Journal.count("chat.unload *"));
    for (String host : hosts) {
      boolean loaded = manager.isLoaded(host, "chat");
      assertEquals(
          Journal.count("chat.addHost " + host) - (loaded ? 1 : 0),
          Journal.count("chat.unloadHost " + host),
          host);
      if (loaded) {
        assertTrue(live, host + " is loaded without a global instance");
        assertSame(chat, manager.instance(host, ChatModule.class), host);
        assertEquals(List.of(), chatOn(host).messages(), host);
      }
    }
  }

  @RepeatedTest(20)
  void dependentsLoadedOnManyHostsAtOnceShareOneInstanceOfEachGlobalDependency() throws Exception {
    List<String> hosts = activateHosts(THREADS);

    Map<String, Long> outcomes = race(THREADS, i -> manager.load(hosts.get(i), "welcome"));

    assertEquals(Map.of(LOADED, (long) THREADS), outcomes);
    assertEquals(1, Journal.count("stats.new"));
    assertEquals(1, Journal.count("chat.new *"));
    StatsModule stats = manager.instance(GLOBAL, StatsModule.class);
    for (String host : hosts) {
      assertEquals(1, Journal.count("roster.new " + host), host);
      assertEquals(1, Journal.count("chat.addHost " + host), host);
      assertSame(stats, manager.instance(host, WelcomeModule.class).stats, host);
    }
  }

  /**
   * One host fails to load its module while the others load theirs: its rollback must not take
   * away the global dependencies it created if another host's module has started to use them.
   */
  @RepeatedTest(20)
  void failedLoadRacingWithOtherHostsLeavesTheDependenciesTheyUse() throws Exception {
    List<String> hosts = activateHosts(THREADS);
    String failing = hosts.get(0);
    Journal.failAt("welcome.load " + failing);

    Map<String, Long> outcomes = race(THREADS, i -> manager.load(hosts.get(i), "welcome"));

    assertEquals(Map.of(LOADED, THREADS - 1L, LOAD_FAILED, 1L), outcomes);
    assertEquals(Set.of(), manager.loadedModules(failing));
    StatsModule stats = manager.instance(GLOBAL, StatsModule.class);
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);
    for (String host : hosts.subList(1, THREADS)) {
      assertTrue(manager.isLoaded(host, "welcome"), host);
      assertSame(stats, manager.instance(host, WelcomeModule.class).stats, host);
      assertSame(chat, manager.instance(host, ChatModule.class), host);
    }
    // Whatever the rollback unloaded was made again: one live instance of each, nothing leaked.
    assertEquals(1, Journal.count("stats.new") - Journal.count("stats.unload *"));
    assertEquals(1, Journal.count("chat.new *") - Journal.count("chat.unload *"));
  }

  private List<String> activateHosts(int count) {
    List<String> hosts = IntStream.range(0, count).mapToObj(i -> "host" + i + ".example").toList();
    hosts.forEach(manager::activateHost);
    return hosts;
  }

  /**
   * Runs {@code call(0..threads-1)}, each on its own thread, all released at once, and counts the
   * outcomes: {@link #LOADED} for a call that returned, else the code it failed with. Any other
   * exception fails the test.
   */
  private static Map<String, Long> race(int threads, IntConsumer call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        outcomes.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  try {
                    call.accept(index);
                    return LOADED;
                  } catch (ModuleException failure) {
                    return failure.code();
                  }
                }));
      }
      assertTrue(ready.await(1, TimeUnit.MINUTES), "threads did not start");
      go.countDown();
      List<String> codes = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        codes.add(outcome.get(1, TimeUnit.MINUTES));
      }
      return codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    } finally {
      pool.shutdownNow();
    }
  }
}
