package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static io.hostmod.runtime.ModuleException.UNKNOWN_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.TreeSet;
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
 * for the two that need no race; then one bounded race per protocol of the write path itself (a
 * link or an attach against a claim, an add against its host's deactivation, claims against each
 * other). Every test checks, on the {@link Trace} of every callback with its
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
            List.of(randomOperations(1, LOCAL, SHARED), randomOperations(2, LOCAL, SHARED)),
            List.of("events-1", "events-2"));

    assertNoFailures(failures);
    assertCallbackRulesAndEventOrder();
  }

  /**
   * A seeded random load, unload or reload of one of the modules, on a.example (a shared one on
   * {@code "*"} a quarter of the time), refused only as a serial order allows: a load finding it
   * loaded, an unload or reload finding it not loaded.
   */
  private ThrowingIntConsumer randomOperations(long seed, String... modules) {
    Random random = new Random(seed);
    return i -> {
      String module = modules[random.nextInt(modules.length)];
      String host = module.equals(SHARED) && random.nextInt(4) == 0 ? GLOBAL : A;
      switch (random.nextInt(3)) {
        case 0 -> refusedOnlyWith(() -> manager.load(host, module), MODULE_ALREADY_LOADED);
        case 1 -> refusedOnlyWith(() -> manager.unload(host, module), MODULE_NOT_LOADED);
        default -> refusedOnlyWith(() -> manager.reload(host, module), MODULE_NOT_LOADED);
      }
    };
  }

  // ---- the write path's own protocols

  /**
   * In rounds that start together: one thread loads a per-host dependent on a.example (its load
   * links it to its dependency there, loading that first if missing) and unloads it, while another
   * unloads the dependency and loads it again; the second thread starts a little later each round
   * (0 to 15 us), to meet the link at different points. A link and a claim of the dependency are
   * checked against each other, so a link never lands on a dependency once its unload claimed it,
   * and the unload never misses a link: no {@code @Unload} of the dependency begins while a
   * dependent of it lives on the host (constructor begun, {@code @Unload} not returned), and no
   * dependent's constructor begins while no instance of the dependency is loaded there ({@code
   * @Load} returned, {@code @Unload} not begun). The dependent's load and the dependency's unload
   * always succeed; the dependent's unload may find it gone with its dependency
   * (module-not-loaded), the dependency's load may find it loaded on the way by the dependent's
   * (module-already-loaded); nothing else fails.
   */
  @Test
  void aLinkNeverLandsOnADependencyBeingUnloaded() throws Exception {
    List<String> failures =
        rounds(
            3_000,
            i -> {
              loadIfMissing(A, LOCAL);
              unloadIfLoaded(A, LOCAL_USER);
            },
            List.of(
                i -> loadThenUnload(A, LOCAL_USER),
                i -> {
                  stagger(i);
                  unloadThenLoad(A, LOCAL);
                }),
            List.of("dependent", "dependency"));

    assertNoFailures(failures);
    assertCallbackRulesAndEventOrder();
    List<Call> calls = Trace.calls();
    assertNoViolations("links missed", missedLinks(calls, LOCAL_USER, LOCAL, A));
    assertNoViolations("instances overlapping", overlapping(calls, LOCAL, A));
    assertNoViolations("instances overlapping", overlapping(calls, LOCAL_USER, A));
  }

  /**
   * In rounds that start together: one thread loads a shared module on a.example (attaching a host
   * part to its global entry) and unloads it there, while another, a little later each round,
   * unloads it from {@code "*"} and loads it again, or (every other round) reloads it there. An
   * attach and a claim of the global entry are checked against each other, so a host part never
   * attaches to a global entry being unloaded or reloaded, and the unload or reload never misses
   * one: the {@link CallbackRules} see a missed attach (an {@code @Unload()} while attached, an
   * {@code @AddHost} after it began, an {@code @AddHost} never matched after shutdown). Once the
   * threads stopped, a.example's host part, if loaded, is part of the global instance living on
   * {@code "*"}, and only then does a host part live on a.example. The host's load and the unload
   * and reload of {@code "*"} always succeed; the host's unload may find it gone with {@code "*"}
   * (module-not-loaded), the load of {@code "*"} may find it made by the host's load
   * (module-already-loaded).
   */
  @Test
  void aHostPartNeverAttachesToAGlobalEntryBeingUnloaded() throws Exception {
    List<String> failures =
        rounds(
            3_000,
            i -> {
              loadIfMissing(GLOBAL, SHARED);
              unloadIfLoaded(A, SHARED);
            },
            List.of(
                i -> loadThenUnload(A, SHARED),
                i -> {
                  stagger(i);
                  if (i % 2 == 0) {
                    unloadThenLoad(GLOBAL, SHARED);
                  } else {
                    manager.reload(GLOBAL, SHARED);
                  }
                }),
            List.of("host", "star"));

    assertNoFailures(failures);
    Set<String> hostParts = new Living(A).now();
    if (manager.isLoaded(A, SHARED)) {
      TracedSharedModule global = manager.instance(GLOBAL, TracedSharedModule.class);
      assertSame(global, manager.instance(A, TracedSharedModule.class), "a.example's host part serves another instance");
      assertTrue(new Living(GLOBAL).now().contains(global.instance), () -> global.instance + " is loaded but unloaded");
      assertEquals(Set.of(global.instance + " / " + A), hostParts, "host parts living on a.example");
    } else {
      assertEquals(Set.of(), hostParts, "host parts living on a.example, where the module is not loaded");
    }
    assertCallbackRulesAndEventOrder();
  }

  /**
   * In rounds, each on a.example just activated: one thread loads a per-host dependent (which
   * loads its dependency on the way) and a shared module's host part, then unloads the
   * dependency, while another, a little later each round, deactivates a.example. An add to a
   * host's table and its deactivation are checked against each other: either the deactivation
   * sees the new entry (and unloads it once its load is over), or the add sees the host closing
   * and takes its entry back before any code of it runs. So right after {@code deactivateHost}
   * returned, nothing made for the host lives (every instance's {@code @Unload} and every host
   * part's {@code @Unload(HostContext)} returned); an entry left in the old host's table would
   * never be unloaded, which the check after shutdown sees. (For a host that is not active, {@code
   * isLoaded} is false and {@code loadedModules} refuses: neither sees that table.) The
   * deactivation always succeeds; the loader's operations are refused with unknown-host only, and
   * once refused, for the rest of the round; its unload may also find the module gone with the
   * host's other modules (module-not-loaded).
   */
  @Test
  void anAddNeverOutlivesItsHostsDeactivation() throws Exception {
    Living living = new Living(A);

    List<String> failures =
        rounds(
            3_000,
            i -> {
              if (!manager.activeHosts().contains(A)) {
                manager.activateHost(A);
              }
            },
            List.of(
                i -> {
                  AtomicBoolean refused = new AtomicBoolean();
                  refusedOnlyWhileClosing(refused, () -> manager.load(A, LOCAL_USER));
                  refusedOnlyWhileClosing(refused, () -> manager.load(A, SHARED));
                  refusedOnlyWhileClosing(refused, () -> refusedOnlyWith(() -> manager.unload(A, LOCAL), MODULE_NOT_LOADED));
                },
                i -> {
                  stagger(i);
                  manager.deactivateHost(A);
                  Set<String> left = living.now();
                  if (!left.isEmpty()) {
                    throw new AssertionError("right after deactivateHost(a.example) returned, still living there: " + left);
                  }
                }),
            List.of("loader", "deactivator"));

    assertNoFailures(failures);
    assertCallbackRulesAndEventOrder();
  }

  /**
   * Runs an operation on a.example while it is being deactivated: refused with unknown-host only,
   * and once one was ({@code refused}), every one after it is.
   */
  private static void refusedOnlyWhileClosing(AtomicBoolean refused, Runnable operation) {
    try {
      operation.run();
    } catch (ModuleException unknown) {
      if (!unknown.code().equals(UNKNOWN_HOST)) {
        throw unknown;
      }
      refused.set(true);
      return;
    }
    if (refused.get()) {
      throw new AssertionError("a.example refused an operation as unknown-host, then took the next one");
    }
  }

  /**
   * Three threads load, unload and reload the same per-host module on a.example at random: each
   * claim of its entry is one compare-and-set, which one of them wins, and a claim taken on an
   * entry unloaded meanwhile is given back. Each operation succeeds or is refused as a serial
   * order allows (a load finds it loaded, an unload or reload finds it not loaded); no two
   * instances of the module live on the host at once (constructor begun, {@code @Unload} not
   * returned), which two threads holding the entry at once would make; no instance is unloaded
   * twice ({@link CallbackRules}); and once the threads stopped, the module is loaded exactly when
   * one instance lives.
   */
  @Test
  void threadsClaimingTheSameEntryTakeTurns() throws Exception {
    List<String> failures =
        loops(
            3_000,
            List.of(randomOperations(3, LOCAL), randomOperations(4, LOCAL), randomOperations(5, LOCAL)),
            List.of("claims-1", "claims-2", "claims-3"));

    assertNoFailures(failures);
    Set<String> living = new Living(A).now();
    assertEquals(manager.isLoaded(A, LOCAL) ? 1 : 0, living.size(),
        () -> "isLoaded(a.example, traced_local) is " + manager.isLoaded(A, LOCAL) + ", living: " + living);
    assertNoViolations("instances overlapping", overlapping(Trace.calls(), LOCAL, A));
    assertCallbackRulesAndEventOrder();
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

  /**
   * Where a dependency's {@code @Unload} began while a dependent of it lived on the host
   * (constructor begun, {@code @Unload} not returned), or a dependent's constructor began while no
   * instance of the dependency was loaded there ({@code @Load} returned, {@code @Unload} not
   * begun): each a link that an unload missed or that landed on an entry being unloaded.
   */
  private static List<String> missedLinks(List<Call> calls, String dependent, String dependency, String host) {
    List<String> violations = new ArrayList<>();
    Living dependents = new Living(host);
    Set<String> loaded = new TreeSet<>();
    for (Call call : calls) {
      if (!call.host().equals(host)) {
        continue;
      }
      dependents.accept(call);
      if (isOf(call, dependent) && call.step().equals("new") && call.phase() == Phase.BEGIN && loaded.isEmpty()) {
        violations.add(call + ": no " + dependency + " loaded on " + host);
      } else if (isOf(call, dependency) && call.step().equals("load") && call.phase() == Phase.END) {
        loaded.add(call.instance());
      } else if (isOf(call, dependency) && call.step().equals("unload") && call.phase() == Phase.BEGIN) {
        loaded.remove(call.instance());
        Set<String> living = dependents.of(dependent);
        if (!living.isEmpty()) {
          violations.add(call + " while its dependents " + living + " lived");
        }
      }
    }
    return violations;
  }

  /** Where an instance of the module began on the host while another one lived there. */
  private static List<String> overlapping(List<Call> calls, String module, String host) {
    List<String> violations = new ArrayList<>();
    Living living = new Living(host);
    for (Call call : calls) {
      living.accept(call);
      if (isOf(call, module) && call.step().equals("new") && call.phase() == Phase.BEGIN && living.of(module).size() > 1) {
        violations.add(call + " while " + living.of(module) + " lived on " + host);
      }
    }
    return violations;
  }

  private static boolean isOf(Call call, String module) {
    return call.instance().startsWith(module + "@");
  }

  /**
   * What lives on a host by the trace: each instance made for it from its constructor's beginning
   * until its {@code @Unload} ended (or its constructor or {@code @Load} threw), and each host part
   * ({@code "<instance> / <host>"}) from its {@code @AddHost}'s beginning until its {@code
   * @Unload(HostContext)} ended (or {@code @AddHost} threw).
   */
  private static final class Living {
    private final String host;
    private final Set<String> living = new TreeSet<>();
    private int read;

    Living(String host) {
      this.host = host;
    }

    /** What lives there now: after the calls recorded since the last look. */
    Set<String> now() {
      List<Call> calls = Trace.since(read);
      calls.forEach(this::accept);
      read += calls.size();
      return Set.copyOf(living);
    }

    /** Those living of one module. */
    Set<String> of(String module) {
      return living.stream().filter(key -> key.startsWith(module + "@")).collect(Collectors.toCollection(TreeSet::new));
    }

    void accept(Call call) {
      if (!call.host().equals(host)) {
        return;
      }
      boolean hostPart = Trace.isHostStep(call.step());
      String key = hostPart ? call.instance() + " / " + host : call.instance();
      String step = call.step();
      boolean begins = step.equals(hostPart ? "addHost" : "new");
      boolean ends = step.equals(hostPart ? "unloadHost" : "unload");
      if (call.phase() == Phase.BEGIN && begins) {
        living.add(key);
      } else if (call.phase() == Phase.END && ends || call.phase() == Phase.THREW && (begins || ends || step.equals("load"))) {
        living.remove(key); // a @Save or @Restore that threw leaves its instance loaded
      }
    }
  }

  private static void assertNoViolations(String what, List<String> violations) {
    if (!violations.isEmpty()) {
      fail(violations.size() + " " + what + ", first:\n" + String.join("\n", violations.subList(0, Math.min(5, violations.size()))));
    }
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

  private void unloadIfLoaded(String host, String module) {
    if (manager.isLoaded(host, module)) {
      manager.unload(host, module);
    }
  }

  /**
   * Loads a module, which must succeed, then unloads it, which may find it gone with what it
   * depends on (module-not-loaded).
   */
  private void loadThenUnload(String host, String module) {
    manager.load(host, module);
    refusedOnlyWith(() -> manager.unload(host, module), MODULE_NOT_LOADED);
  }

  /**
   * Unloads a module, which must succeed, then loads it again, which may find it loaded meanwhile
   * by a load that needed it (module-already-loaded).
   */
  private void unloadThenLoad(String host, String module) {
    manager.unload(host, module);
    refusedOnlyWith(() -> manager.load(host, module), MODULE_ALREADY_LOADED);
  }

  private static void pause() {
    spin(PAUSE_NANOS / 4);
  }

  /** Delays a thread of a round by 0 to 15 us, by the round's number: to meet the other at different points. */
  private static void stagger(int round) {
    spin(TimeUnit.MICROSECONDS.toNanos(round % 16));
  }

  private static void spin(long nanos) {
    long until = System.nanoTime() + nanos;
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
   * {@code iterations} rounds ran, the deadline passed, or a body failed. After the barrier, each
   * thread spins until all have woken, so that the bodies start within a microsecond or so of each
   * other rather than one waking tens of microseconds after the thread that ran the setup.
   */
  private static List<String> rounds(
      int iterations, ThrowingIntConsumer setup, List<ThrowingIntConsumer> bodies, List<String> names)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger round = new AtomicInteger(-1);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger awake = new AtomicInteger();
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
          int all = bodies.size() * (round.get() + 1);
          awake.incrementAndGet();
          while (awake.get() < all) {
            Thread.onSpinWait();
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
