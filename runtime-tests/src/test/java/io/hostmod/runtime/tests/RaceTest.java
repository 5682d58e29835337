package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.tests.Trace.Call;
import io.hostmod.runtime.tests.Trace.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per fault found in the runtime's write path, on the traced modules ({@link Traced}):
 * three bounded races (each by a count of iterations and a deadline of about a second and a half,
 * whichever comes first; a deadlock fails through the joins' timeout) and deterministic sequences
 * for the two that need no race. Every test checks, on the {@link Trace} of every callback with its
 * instance, thread, beginning and end, the {@link CallbackRules}; the races also check that every
 * operation ends as a serial order allows, and that each host and module's lifecycle events
 * alternate (loaded, then unloaded or reloaded, ...) in the order listeners heard them. After each
 * test, {@code shutdown()} must have called every {@code @Unload} once.
 *
 * <p>Nothing is asserted about time; pauses in callbacks only widen the windows of the races.
 */
class RaceTest extends ManagerTestBase {

  private static final String LOCAL = LifecycleModel.LOCAL;
  private static final String LOCAL_USER = LifecycleModel.LOCAL_USER;
  private static final String SHARED = LifecycleModel.SHARED;
  private static final String SHARED_USER = LifecycleModel.SHARED_USER;
  private static final String GLOBAL_USER = LifecycleModel.GLOBAL_USER;
  private static final long DEADLINE_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
  private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  private EventLog events;

  @BeforeEach
  void listen() {
    Trace.reset();
    events = EventLog.listen(manager, GLOBAL, Event.MODULE_LOADED, Event.MODULE_UNLOADED, Event.MODULE_RELOADED);
  }

  @AfterEach
  void everythingUnloadedOnce() {
    Journal.reset();
    Trace.reset();
  }

  // ---- fault 1: @Restore of a dependent loaded back outside its dependency's reload

  /**
   * One thread reloads a per-host module while another unloads and loads back the module that
   * depends on it, on the same host. The dependent set aside for the reload must come back, with
   * its {@code @Restore}, before the other thread can touch it: that thread's unload and load wait
   * and succeed, the reload never fails because of them, and no {@code @Restore} runs during or
   * after the {@code @Unload} of its instance, or on an instance another thread created.
   */
  @Test
  void dependentComesBackWithItsStateBeforeAnotherThreadCanTouchIt() throws Exception {
    manager.load(A, LOCAL_USER);
    Trace.pauseAt("traced_local_user.restore " + A, PAUSE_NANOS);

    List<String> failures =
        loops(
            2_000,
            List.of(
                i -> manager.reload(A, LOCAL),
                i -> {
                  manager.unload(A, LOCAL_USER);
                  manager.load(A, LOCAL_USER);
                }),
            List.of("reloader", "toggler"));

    assertNoFailures(failures);
    assertTrue(manager.isLoaded(A, LOCAL_USER));
    assertCallbackRulesAndEventOrder();
  }

  // ---- fault 2: a host part's @Unload(HostContext) overlapping the global instance

  /**
   * One thread unloads a shared module from a host while another reloads or unloads it on
   * {@code "*"}. The host's {@code @Unload(HostContext)} must have returned before the global
   * instance's {@code @Save} or {@code @Unload()} starts: the unload of {@code "*"} waits for it.
   */
  @Test
  void hostPartUnloadReturnsBeforeTheGlobalInstanceIsSavedOrUnloaded() throws Exception {
    Trace.pauseAt("traced_shared.unloadHost " + A, PAUSE_NANOS);
    AtomicBoolean starUnloads = new AtomicBoolean();

    List<String> failures =
        rounds(
            1_000,
            i -> {
              starUnloads.set(i % 2 == 1);
              loadIfMissing(A, SHARED);
              loadIfMissing(B, SHARED);
            },
            List.of(
                i -> {
                  try {
                    manager.unload(A, SHARED);
                  } catch (ModuleException refused) {
                    // Only the unload of "*", done first, can leave a.example nothing to unload.
                    if (!(starUnloads.get() && refused.code().equals(MODULE_NOT_LOADED))) {
                      throw refused;
                    }
                  }
                },
                i -> {
                  if (starUnloads.get()) {
                    manager.unload(GLOBAL, SHARED);
                  } else {
                    manager.reload(GLOBAL, SHARED);
                  }
                }),
            List.of("host-unloader", "star-unloader"));

    assertNoFailures(failures);
    assertCallbackRulesAndEventOrder();
  }

  // ---- fault 3: a reload of "*" with an @AddHost that refuses

  /**
   * A reload of {@code "*"} whose new instance's {@code @AddHost} refuses a host: that host part,
   * and the module that depends on it there, stay unloaded; {@code @AddHost} is called once for
   * the host; the refusal is reported once; the other host is attached to the new instance.
   */
  @Test
  void reloadOfStarCallsARefusingAddHostOnceAndReportsItOnce() {
    manager.load(A, SHARED_USER);
    manager.load(B, SHARED);
    events.take();
    int mark = Trace.size();
    Journal.failAt("traced_shared.addHost " + A);

    ModuleException failure = fails(LOAD_FAILED, () -> manager.reload(GLOBAL, SHARED));

    assertEquals(1, count(Trace.since(mark), "addHost", A), () -> "@AddHost a.example: " + Trace.since(mark));
    assertEquals(List.of(), reports(failure).subList(1, reports(failure).size()),
        "the refusal reported once: the reload throws it, and nothing else");
    assertEquals("injected fault at traced_shared.addHost " + A,
        assertInstanceOf(Journal.Fault.class, failure.getCause()).getMessage());
    assertLoaded(Set.of(), A);
    assertLoaded(Set.of(SHARED), B);
    assertLoaded(Set.of(SHARED), GLOBAL);
    assertEquals(
        Map.of(
            "* " + SHARED, List.of(Event.MODULE_RELOADED),
            A + " " + SHARED, List.of(Event.MODULE_UNLOADED),
            A + " " + SHARED_USER, List.of(Event.MODULE_UNLOADED),
            B + " " + SHARED, List.of(Event.MODULE_RELOADED)),
        byKey(events.take()));
    assertCallbackRulesAndEventOrder();
  }

  /**
   * As above with an {@code @AddHost} that refuses only once: the host stays detached, as the
   * module that depends on it there is not loaded back (which would attach it again).
   */
  @Test
  void reloadOfStarLeavesAHostThatRefusedDetached() {
    manager.load(A, SHARED_USER);
    int mark = Trace.size();
    Journal.failOnce("traced_shared.addHost " + A);

    fails(LOAD_FAILED, () -> manager.reload(GLOBAL, SHARED));

    assertEquals(1, count(Trace.since(mark), "addHost", A), () -> "@AddHost a.example: " + Trace.since(mark));
    assertFalse(manager.isLoaded(A, SHARED), "the host part that refused is attached again");
    assertFalse(manager.isLoaded(A, SHARED_USER), "its dependent came back without it");
    assertTrue(manager.isLoaded(GLOBAL, SHARED));
    assertCallbackRulesAndEventOrder();
  }

  // ---- fault 4: a global module depending on a shared one

  /**
   * A global module's dependencies load on {@code "*"}: a shared one as its global instance,
   * without a host part on the host the load was asked for.
   */
  @Test
  void globalDependentOfSharedLoadsOnlyTheGlobalInstanceOfItsDependency() {
    manager.load(B, GLOBAL_USER);

    assertLoaded(Set.of(SHARED, GLOBAL_USER), GLOBAL);
    assertLoaded(Set.of(), B);
    assertEquals(0, count(Trace.calls(), "addHost", B), () -> "@AddHost b.example: " + Trace.calls());
    assertEquals(
        Map.of("* " + SHARED, List.of(Event.MODULE_LOADED), "* " + GLOBAL_USER, List.of(Event.MODULE_LOADED)),
        byKey(events.take()));
    assertCallbackRulesAndEventOrder();
  }

  /**
   * A global module depending on a shared one is tied to no host: deactivating the host it was
   * loaded from, or any host the shared module is attached to, leaves it loaded.
   */
  @Test
  void globalDependentOfSharedSurvivesDeactivatingAnyHost() {
    manager.load(A, GLOBAL_USER);
    manager.load(B, SHARED);
    events.take();
    int mark = Trace.size();

    manager.deactivateHost(A);
    manager.deactivateHost(B);

    assertLoaded(Set.of(SHARED, GLOBAL_USER), GLOBAL);
    assertEquals(List.of(), Trace.since(mark).stream()
        .filter(call -> call.instance().startsWith(GLOBAL_USER) || call.step().equals("unload")).toList(),
        "no global instance is unloaded");
    assertEquals(Map.of(B + " " + SHARED, List.of(Event.MODULE_UNLOADED)), byKey(events.take()));
    assertCallbackRulesAndEventOrder();
  }

  /**
   * A load of a global module that is already loaded is refused before anything happens: from
   * another host (global-module-already-loaded) or from {@code "*"} (module-already-loaded), no
   * callback runs, no event fires, and its shared dependency is not attached to the host.
   */
  @Test
  void refusedLoadOfALoadedGlobalModuleRunsNoCodeAndFiresNoEvent() {
    manager.load(A, GLOBAL_USER);
    events.take();
    int mark = Trace.size();

    fails(GLOBAL_MODULE_ALREADY_LOADED, () -> manager.load(B, GLOBAL_USER));
    fails(MODULE_ALREADY_LOADED, () -> manager.load(GLOBAL, GLOBAL_USER));

    assertEquals(List.of(), Trace.since(mark), "callbacks of refused loads");
    assertEquals(List.of(), events.take(), "events of refused loads");
    assertLoaded(Set.of(), B);
    assertCallbackRulesAndEventOrder();
  }

  // ---- fault 5: lifecycle events out of order

  /**
   * Two threads load, unload and reload a per-host module and a shared one on a host (and the
   * shared one on {@code "*"}). For each host and module, listeners hear module-loaded,
   * module-unloaded and module-reloaded in the order the operations happened: never the
   * module-unloaded of an instance after the module-loaded of the next one. A slow listener of
   * module-unloaded, ahead of the recording one, widens the window.
   */
  @Test
  void lifecycleEventsOfAModuleOnAHostArriveInTheOrderOfTheOperations() throws Exception {
    manager.hook(GLOBAL, Event.MODULE_UNLOADED, 10, event -> pause());

    List<String> failures =
        loops(
            3_000,
            List.of(randomOperations(1), randomOperations(2)),
            List.of("events-1", "events-2"));

    assertNoFailures(failures);
    assertCallbackRulesAndEventOrder();
  }

  private ThrowingIntConsumer randomOperations(long seed) {
    Random random = new Random(seed);
    return i -> {
      String module = random.nextBoolean() ? LOCAL : SHARED;
      String host = module.equals(SHARED) && random.nextInt(4) == 0 ? GLOBAL : A;
      int operation = random.nextInt(3);
      try {
        switch (operation) {
          case 0 -> manager.load(host, module);
          case 1 -> manager.unload(host, module);
          default -> manager.reload(host, module);
        }
      } catch (ModuleException refused) {
        String allowed = operation == 0 ? MODULE_ALREADY_LOADED : MODULE_NOT_LOADED;
        if (!refused.code().equals(allowed)) {
          throw refused;
        }
      }
    };
  }

  // ---- checks

  /**
   * The callback rules on the whole trace, the order of the events heard; then, after shutdown,
   * that every instance that loaded was unloaded once, and every host part too.
   */
  private void assertCallbackRulesAndEventOrder() {
    List<String> violations = new ArrayList<>(CallbackRules.violations(Trace.calls()));
    violations.addAll(eventOrderViolations(events.take()));
    Journal.reset();
    manager.shutdown();
    violations.addAll(CallbackRules.violations(Trace.calls()));
    violations.addAll(CallbackRules.notUnloaded(Trace.calls()));
    if (!violations.isEmpty()) {
      fail(violations.stream().distinct().limit(10).collect(Collectors.joining("\n", violations.size() + " violations:\n", "")));
    }
  }

  /**
   * Per host and module, events must follow loaded, (reloaded)*, unloaded, loaded, ...: a second
   * module-loaded without a module-unloaded between is the next load heard before the last
   * unload. The first event of each may find the module loaded or not.
   */
  private static List<String> eventOrderViolations(List<String> heard) {
    List<String> violations = new ArrayList<>();
    Map<String, Boolean> loaded = new TreeMap<>();
    Map<String, List<String>> history = new TreeMap<>();
    for (String event : heard) {
      String[] parts = event.split(" ");
      String key = parts[2] + " " + parts[1];
      List<String> seen = history.computeIfAbsent(key, k -> new ArrayList<>());
      seen.add(parts[0]);
      Boolean was = loaded.get(key);
      boolean ok =
          switch (parts[0]) {
            case Event.MODULE_LOADED -> was == null || !was;
            case Event.MODULE_UNLOADED, Event.MODULE_RELOADED -> was == null || was;
            default -> true;
          };
      if (!ok) {
        violations.add(key + ": " + parts[0] + " heard when it was " + (was ? "loaded" : "unloaded") + "; last events: "
            + seen.subList(Math.max(0, seen.size() - 6), seen.size()));
      }
      loaded.put(key, !parts[0].equals(Event.MODULE_UNLOADED));
    }
    return violations;
  }

  private void assertLoaded(Set<String> modules, String host) {
    Set<String> traced = manager.loadedModules(host).stream()
        .filter(name -> name.startsWith("traced_")).collect(Collectors.toSet());
    assertEquals(modules, traced, "traced modules loaded on " + host);
  }

  private static void assertNoFailures(List<String> failures) {
    if (!failures.isEmpty()) {
      fail(failures.size() + " operations failed, first:\n" + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
    }
  }

  /** How often the step began on the host in the calls. */
  private static long count(List<Call> calls, String step, String host) {
    return calls.stream()
        .filter(call -> call.phase() == Phase.BEGIN && call.step().equals(step) && call.host().equals(host))
        .count();
  }

  /** The failure and every failure suppressed in it, each as its message. */
  private static List<String> reports(ModuleException failure) {
    List<String> reports = new ArrayList<>();
    reports.add(failure.getMessage());
    Arrays.stream(failure.getSuppressed()).forEach(suppressed -> reports.add(suppressed.getMessage()));
    return reports;
  }

  /** Events as {@code "<host> <module>" -> names}, from EventLog's {@code "<event> <module> <host>"}. */
  private static Map<String, List<String>> byKey(List<String> heard) {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (String event : heard) {
      String[] parts = event.split(" ");
      byKey.computeIfAbsent(parts[2] + " " + parts[1], k -> new ArrayList<>()).add(parts[0]);
    }
    return byKey;
  }

  private void loadIfMissing(String host, String module) {
    if (!manager.isLoaded(host, module)) {
      manager.load(host, module);
    }
  }

  private static void pause() {
    long until = System.nanoTime() + PAUSE_NANOS / 4;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  // ---- running threads

  interface ThrowingIntConsumer {
    void accept(int iteration) throws Exception;
  }

  /**
   * Runs each body in its own named thread, over and over, until it ran {@code iterations} times,
   * the deadline passed, or a body failed; returns the failures, each with its thread and
   * iteration.
   */
  private static List<String> loops(int iterations, List<ThrowingIntConsumer> bodies, List<String> names)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < bodies.size(); t++) {
      ThrowingIntConsumer body = bodies.get(t);
      threads.add(new Thread(() -> {
        for (int i = 0; i < iterations && System.nanoTime() < deadline && failures.isEmpty(); i++) {
          try {
            body.accept(i);
          } catch (Exception | Error failure) {
            failures.add(Thread.currentThread().getName() + ", iteration " + i + ": " + failure);
          }
        }
      }, names.get(t)));
    }
    return joinAll(threads, failures);
  }

  /**
   * Runs rounds: {@code setup} alone, then every body at once in its own named thread; until
   * {@code iterations} rounds ran, the deadline passed, or a body failed.
   */
  private static List<String> rounds(
      int iterations, ThrowingIntConsumer setup, List<ThrowingIntConsumer> bodies, List<String> names)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger round = new AtomicInteger(-1);
    AtomicBoolean stop = new AtomicBoolean();
    CyclicBarrier barrier = new CyclicBarrier(bodies.size(), () -> {
      int next = round.incrementAndGet();
      if (next >= iterations || System.nanoTime() >= deadline || !failures.isEmpty()) {
        stop.set(true);
        return;
      }
      try {
        setup.accept(next);
      } catch (Exception | Error failure) {
        failures.add("setup of round " + next + ": " + failure);
        stop.set(true);
      }
    });
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < bodies.size(); t++) {
      ThrowingIntConsumer body = bodies.get(t);
      threads.add(new Thread(() -> {
        while (true) {
          try {
            barrier.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException | BrokenBarrierException | TimeoutException broken) {
            failures.add(Thread.currentThread().getName() + ": barrier " + broken);
            return;
          }
          if (stop.get()) {
            return;
          }
          try {
            body.accept(round.get());
          } catch (Exception | Error failure) {
            failures.add(Thread.currentThread().getName() + ", round " + round.get() + ": " + failure);
          }
        }
      }, names.get(t)));
    }
    return joinAll(threads, failures);
  }

  private static List<String> joinAll(List<Thread> threads, ConcurrentLinkedQueue<String> failures)
      throws InterruptedException {
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      if (thread.isAlive()) {
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : thread.getStackTrace()) {
          stack.append("\n    at ").append(frame);
        }
        fail(thread.getName() + " did not finish in 30 s (a deadlock?)" + stack);
      }
    }
    return List.copyOf(failures);
  }
}
