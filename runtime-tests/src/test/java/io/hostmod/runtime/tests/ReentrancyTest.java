package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_BUSY;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleRegistrations;
import io.hostmod.runtime.Registration;
import io.hostmod.runtime.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lifecycle methods and event handlers that call back into the manager. What they may do (see
 * docs/reliability.md): anything for other modules and other hosts; for their own module, for a
 * module they depend on or that depends on them while either is being changed, or for their own
 * host's deactivation, the call fails fast with {@code module-busy}. Either way nothing deadlocks
 * and nothing is left half done: every module ends loaded or not, and another thread can always
 * operate on it afterwards (each such check runs on a second thread, with a timeout).
 */
class ReentrancyTest extends ManagerTestBase {

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @BeforeEach
  void noActions() {
    Callbacks.reset();
  }

  @AfterEach
  void stopOtherThread() {
    Callbacks.reset();
    other.shutdownNow();
  }

  // ---- allowed: other modules, other hosts

  @Test
  void loadMayLoadOtherModulesOnItsOwnHostAndOthers() {
    Callbacks.on("callback.load", context -> {
      manager.load(context.host(), "callback_peer");
      manager.load(B, "callback_peer");
    });

    manager.load(A, "callback");

    assertEquals(Set.of("callback", "callback_peer"), manager.loadedModules(A));
    assertEquals(Set.of("callback_peer"), manager.loadedModules(B));
    // What it loaded is no dependency of it: it stays when the module goes.
    manager.unload(A, "callback");
    assertEquals(Set.of("callback_peer"), manager.loadedModules(A));
    log.assertQuiet();
  }

  @Test
  void loadMayActivateAndDeactivateOtherHosts() {
    given(B, "callback_peer");
    Callbacks.on("callback.load", context -> {
      manager.deactivateHost(B);
      manager.activateHost("c.example");
      manager.load("c.example", "callback_peer");
    });

    manager.load(A, "callback");

    assertEquals(Set.of(GLOBAL, A, "c.example"), manager.activeHosts());
    assertTrue(manager.isLoaded(A, "callback"));
    assertTrue(manager.isLoaded("c.example", "callback_peer"));
  }

  @Test
  void hookHandlerMayReloadItsOwnModule() {
    Callbacks.on("callback.load", context -> context.hook("reload-me", 0, event -> manager.reload(context.host(), "callback")));
    given(A, "callback");
    CallbackModule before = manager.instance(A, CallbackModule.class);

    manager.fire(A, "reload-me", null);

    assertNotSame(before, manager.instance(A, CallbackModule.class));
    assertEquals(List.of("callback.unload a.example", "callback.new a.example", "callback.load a.example"), Journal.take());
    log.assertQuiet();
  }

  @Test
  void moduleLoadedListenerMayUnloadTheModuleJustLoaded() {
    EventLog events = EventLog.listen(manager, A, Event.MODULE_LOADED, Event.MODULE_UNLOADED);
    AtomicBoolean once = new AtomicBoolean();
    Registration listener = manager.hook(A, Event.MODULE_LOADED, 1, event -> {
      if ("callback".equals(event.module()) && once.compareAndSet(false, true)) {
        manager.unload(A, "callback");
      }
    });

    manager.load(A, "callback");

    assertFalse(manager.isLoaded(A, "callback"));
    // The unload's event reaches listeners after the load's has reached all of them: in the
    // order the operations happened.
    assertEquals(List.of("module-loaded callback a.example", "module-unloaded callback a.example"), events.take());
    assertEquals(1, Journal.count("callback.unload a.example"));
    listener.close();
    assertUsableFromAnotherThread(A, "callback");
  }

  // ---- refused: the module's own operations

  @ParameterizedTest
  @ValueSource(strings = {"load", "unload", "reload"})
  void loadCallingBackForItsOwnModuleFailsWithModuleBusyAndLeavesNothing(String operation) {
    Callbacks.on("callback.load", context -> operate(operation, context.host(), "callback"));

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "callback"));

    ModuleException busy = assertInstanceOf(ModuleException.class, failure.getCause());
    assertEquals(MODULE_BUSY, busy.code());
    assertReport(busy, "callback", A, "this same thread", "after the lifecycle method returns");
    assertFalse(manager.isLoaded(A, "callback"));
    assertUsableFromAnotherThread(A, "callback");
  }

  @Test
  void loadThatCatchesModuleBusyLoadsNormally() {
    Callbacks.on("callback.load", context -> {
      try {
        manager.unload(context.host(), "callback");
      } catch (ModuleException busy) {
        Journal.record(context, "got " + busy.code());
      }
    });

    manager.load(A, "callback");

    assertEquals(List.of("callback.new a.example", "callback.load a.example", "callback.got module-busy a.example"),
        Journal.take());
    assertTrue(manager.isLoaded(A, "callback"));
    assertUsableFromAnotherThread(A, "callback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unload", "reload"})
  void unloadCallingBackForItsOwnModuleIsLoggedAndTheUnloadCompletes(String operation) {
    given(A, "callback");
    Callbacks.on("callback.unload", context -> operate(operation, context.host(), "callback"));

    manager.unload(A, "callback");

    assertFalse(manager.isLoaded(A, "callback"));
    log.assertOneWarningCausedBy(MODULE_BUSY, "@Unload", "'callback'");
    assertUsableFromAnotherThread(A, "callback");
  }

  @Test
  void addHostThatUnloadsItsModuleFromStarFailsWithModuleBusyAndTheOtherHostsStay() {
    given(A, "callback_shared");
    CallbackSharedModule shared = manager.instance(GLOBAL, CallbackSharedModule.class);
    Callbacks.on("callback_shared.addHost", context -> manager.unload(GLOBAL, "callback_shared"));

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(B, "callback_shared"));

    assertEquals(MODULE_BUSY, ((ModuleException) failure.getCause()).code());
    assertFalse(manager.isLoaded(B, "callback_shared"));
    assertSame(shared, manager.instance(A, CallbackSharedModule.class));
    assertSame(shared, manager.instance(GLOBAL, CallbackSharedModule.class));
    assertUsableFromAnotherThread(GLOBAL, "callback_shared");
  }

  @Test
  void firstAddHostThatUnloadsItsModuleFromStarLeavesNothing() {
    Callbacks.on("callback_shared.addHost", context -> manager.unload(GLOBAL, "callback_shared"));

    fails(LOAD_FAILED, () -> manager.load(A, "callback_shared"));

    assertFalse(manager.isLoaded(GLOBAL, "callback_shared"));
    assertEquals(1, Journal.count("callback_shared.unload *"), "the global instance it created is unloaded");
    Callbacks.reset();
    assertUsableFromAnotherThread(A, "callback_shared");
  }

  // ---- refused: what a module depends on, or what depends on it

  @ParameterizedTest
  @ValueSource(strings = {"unload", "reload"})
  void loadCallingBackToChangeWhatItDependsOnFailsWithModuleBusy(String operation) {
    given(A, "callback");
    CallbackModule dependency = manager.instance(A, CallbackModule.class);
    Callbacks.on("callback_user.load", context -> operate(operation, context.host(), "callback"));

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "callback_user"));

    assertEquals(MODULE_BUSY, ((ModuleException) failure.getCause()).code());
    assertFalse(manager.isLoaded(A, "callback_user"));
    assertSame(dependency, manager.instance(A, CallbackModule.class), "the dependency is untouched");
    assertUsableFromAnotherThread(A, "callback");
  }

  /**
   * The dependency cannot go first (its dependent is being unloaded further up this thread's
   * stack): it stays loaded and free, rather than claimed forever.
   */
  @ParameterizedTest
  @ValueSource(strings = {"unload", "reload"})
  void unloadOfADependentThatChangesItsDependencyLeavesTheDependencyLoadedAndFree(String operation) {
    given(A, "callback_user");
    CallbackModule dependency = manager.instance(A, CallbackModule.class);
    Callbacks.on("callback_user.unload", context -> operate(operation, context.host(), "callback"));

    manager.unload(A, "callback_user");

    assertFalse(manager.isLoaded(A, "callback_user"));
    assertSame(dependency, manager.instance(A, CallbackModule.class));
    log.assertOneWarningCausedBy(MODULE_BUSY, "@Unload", "'callback_user'");
    assertUsableFromAnotherThread(A, "callback");
  }

  /** A reload sets the dependent aside; its @Save calling back for the dependency cannot wait. */
  @Test
  void dependentsSaveThatReloadsItsDependencyDuringThatReloadGetsModuleBusy() {
    given(A, "callback_user");
    Callbacks.on("callback_user.save", context -> manager.reload(context.host(), "callback"));

    manager.reload(A, "callback");

    assertTrue(manager.isLoaded(A, "callback"));
    assertTrue(manager.isLoaded(A, "callback_user"), "set aside, then loaded back");
    log.assertOneWarningCausedBy(MODULE_BUSY, "@Save", "'callback_user'");
    assertUsableFromAnotherThread(A, "callback");
  }

  // ---- refused: deactivating one's own host, shutting down

  @Test
  void loadThatDeactivatesItsOwnHostFailsWithModuleBusyAndTheHostKeepsEverything() {
    given(A, "callback_peer");
    Callbacks.on("callback.load", context -> manager.deactivateHost(context.host()));

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "callback"));

    assertEquals(MODULE_BUSY, ((ModuleException) failure.getCause()).code());
    assertTrue(manager.activeHosts().contains(A));
    assertEquals(Set.of("callback_peer"), manager.loadedModules(A), "nothing was unloaded");
    Callbacks.reset();
    manager.deactivateHost(A);
    assertFalse(manager.activeHosts().contains(A));
  }

  @Test
  void shutdownFromALifecycleMethodFailsWithModuleBusy() {
    Callbacks.on("callback.load", context -> manager.shutdown());

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "callback"));

    assertEquals(MODULE_BUSY, ((ModuleException) failure.getCause()).code());
    assertEquals(Set.of(GLOBAL, A, B), manager.activeHosts());
    Callbacks.reset();
    manager.shutdown();
    assertEquals(Set.of(GLOBAL), manager.activeHosts());
  }

  // ---- two threads each waiting for the other

  /**
   * Two loads, each of whose {@code @Load} waits until both run, then unloads the other's module,
   * which the other thread is still loading. Without detection both would wait forever; here the
   * second one to wait gets {@code module-busy} naming the first thread, its load fails, and the
   * first then finds that module gone.
   */
  @Test
  void threadsWaitingForEachOtherGetModuleBusyInsteadOfADeadlock() throws Exception {
    CyclicBarrier bothLoading = new CyclicBarrier(2);
    Callbacks.on("callback.load", context -> {
      await(bothLoading);
      manager.unload(B, "callback_peer");
    });
    Callbacks.on("callback_peer.load", context -> {
      await(bothLoading);
      manager.unload(A, "callback");
    });
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<Throwable> onA = two.submit(() -> outcome(() -> manager.load(A, "callback")));
      Future<Throwable> onB = two.submit(() -> outcome(() -> manager.load(B, "callback_peer")));
      List<String> causes = new ArrayList<>();
      for (Future<Throwable> load : List.of(onA, onB)) {
        ModuleException failure = assertInstanceOf(ModuleException.class, load.get(30, TimeUnit.SECONDS));
        assertEquals(LOAD_FAILED, failure.code());
        ModuleException cause = assertInstanceOf(ModuleException.class, failure.getCause());
        causes.add(cause.code());
        if (cause.code().equals(MODULE_BUSY)) {
          assertTrue(cause.getMessage().contains("waiting would deadlock"), cause::getMessage);
        }
      }
      causes.sort(null);
      assertEquals(List.of(MODULE_BUSY, MODULE_NOT_LOADED), causes);
    } finally {
      two.shutdownNow();
    }
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of(), manager.loadedModules(B));
    Callbacks.reset();
    assertUsableFromAnotherThread(A, "callback");
    assertUsableFromAnotherThread(B, "callback_peer");
  }

  /**
   * A reconfigure called from {@code @Load} while another thread's reconfigure runs waits for its
   * turn; when the running one then comes to wait for the load's claim (it drops the module a
   * reload of b.example is loading), the waiting one is refused with {@code module-busy} at once:
   * the new wait wakes it, it does not look again now and then.
   */
  @Test
  void aReconfigureWaitingForTheRunningOneIsRefusedOnceThatOneWaitsForItsCaller() throws Exception {
    ServerConfig neither = ServerConfig.builder().host(A).host(B).build();
    configure(ServerConfig.builder()
        .host(A, a -> a.enable("callback"))
        .host(B, b -> b.enable("callback"))
        .build());

    Throwable refused = reconfigureFromLoadWhileAnotherRuns("callback", neither, () -> manager.reload(B, "callback"));

    assertEquals(MODULE_BUSY, assertInstanceOf(ModuleException.class, refused).code());
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of(), manager.loadedModules(B));
  }

  /**
   * The same with the running reconfigure waiting for a host's activation rather than a claim:
   * c.example, listed but not active, is activated by the thread whose {@code @Load} calls
   * reconfigure; the running reconfigure comes to c.example and waits for that activation.
   */
  @Test
  void aReconfigureWaitingForTheRunningOneIsRefusedOnceThatOneWaitsForItsCallersActivation() throws Exception {
    String c = "c.example";
    ServerConfig next = ServerConfig.builder().host(A).host(B).host(c, host -> host.enable("callback_peer")).build();
    configure(ServerConfig.builder()
        .host(A, a -> a.enable("callback"))
        .host(B)
        .host(c, host -> host.enable("callback_peer"))
        .build());

    Throwable refused = reconfigureFromLoadWhileAnotherRuns("callback_peer", next, () -> manager.activateHost(c));

    assertEquals(MODULE_BUSY, assertInstanceOf(ModuleException.class, refused).code());
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of("callback_peer"), manager.loadedModules(c));
  }

  /**
   * Runs {@code operation}, whose {@code @Load} of {@code module} calls {@code reconfigure(next)};
   * once that {@code @Load} runs, runs {@code reconfigure(next)} on another thread, which drops
   * {@code callback} from a.example and pauses in its {@code @Unload} there. Then lets the
   * {@code @Load} call reconfigure, checks that it waits for its turn without a timeout (a timed
   * wait would be looking again now and then), and lets the running reconfigure go on. Both
   * operations must complete.
   *
   * @return what the reconfigure called from {@code @Load} threw, or {@code null}
   */
  private Throwable reconfigureFromLoadWhileAnotherRuns(String module, ServerConfig next, Runnable operation)
      throws Exception {
    CountDownLatch inLoad = new CountDownLatch(1);
    CountDownLatch unloadingA = new CountDownLatch(1);
    CountDownLatch callReconfigure = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    AtomicReference<Throwable> refused = new AtomicReference<>();
    Callbacks.on(module + ".load", context -> {
      inLoad.countDown();
      await(callReconfigure);
      refused.set(outcome(() -> manager.reconfigure(next)));
    });
    Callbacks.on("callback.unload", context -> {
      if (context.host().equals(A)) {
        unloadingA.countDown();
        await(goOn);
      }
    });
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<Throwable> first = two.submit(() -> outcome(operation));
      await(inLoad);
      Future<Throwable> running = two.submit(() -> outcome(() -> manager.reconfigure(next)));
      await(unloadingA);
      callReconfigure.countDown();
      assertEquals(Thread.State.WAITING, awaitThreadIn("beginReconfigure").getState());
      goOn.countDown();

      assertNull(first.get(30, TimeUnit.SECONDS));
      assertNull(running.get(30, TimeUnit.SECONDS));
    } finally {
      two.shutdownNow();
    }
    return refused.get();
  }

  // ---- a context outlives its instance, uselessly

  @Test
  void contextOfAnUnloadedInstanceAddsNoHookOrItem() {
    AtomicReference<ModuleContext> kept = new AtomicReference<>();
    Callbacks.on("callback.load", kept::set);
    given(A, "callback");
    manager.unload(A, "callback");

    assertRefusesToRegister(kept.get());
  }

  @Test
  void contextOfAFailedLoadAddsNoHookOrItem() {
    AtomicReference<ModuleContext> kept = new AtomicReference<>();
    Callbacks.on("callback.load", context -> {
      kept.set(context);
      throw new IllegalStateException("refuses to load");
    });
    fails(LOAD_FAILED, () -> manager.load(A, "callback"));

    assertRefusesToRegister(kept.get());
  }

  /**
   * A context closes in two steps: when its instance's unload starts, for every thread but the
   * unloading one. While {@code @Unload} runs (held on a latch), another thread's hook, item and
   * unload action are refused with the closed context's report, and nothing of them stays or
   * runs, then or after the unload.
   */
  @Test
  void contextRefusesOtherThreadsOnceItsUnloadStarted() throws Exception {
    AtomicReference<ModuleContext> kept = new AtomicReference<>();
    CountDownLatch unloading = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Callbacks.on("callback.load", kept::set);
    Callbacks.on("callback.unload", context -> {
      unloading.countDown();
      await(finish);
    });
    given(A, "callback");
    Future<?> unload = other.submit(() -> manager.unload(A, "callback"));
    List<Event> heard = new CopyOnWriteArrayList<>();
    List<String> ran = new CopyOnWriteArrayList<>();
    try {
      assertTrue(unloading.await(30, TimeUnit.SECONDS), "@Unload did not start");

      assertRefusesToRegister(kept.get(), heard, ran);
      assertTrue(manager.isLoaded(A, "callback"), "the refusals came while @Unload ran");
    } finally {
      finish.countDown();
    }
    unload.get(30, TimeUnit.SECONDS);
    assertEquals(List.of(), ran, "a refused unload action ran");
    assertNothingRegistered(heard);
  }

  /**
   * The unloading thread may still add a hook, an item and an unload action from {@code @Unload}
   * (its context closes for it once {@code @Unload} returned): they work there, and are released
   * right after, the action run once. From then on the context refuses that thread too: in that
   * action, which the release runs while the thread still holds the entry's claim, and after the
   * unload.
   */
  @Test
  void unloadingThreadMayRegisterFromUnloadAndItIsReleasedRightAfter() {
    AtomicReference<ModuleContext> kept = new AtomicReference<>();
    AtomicReference<ModuleRegistrations> duringUnload = new AtomicReference<>();
    List<String> ran = new CopyOnWriteArrayList<>();
    List<Event> heard = new CopyOnWriteArrayList<>();
    Callbacks.on("callback.load", kept::set);
    Callbacks.on("callback.unload", context -> {
      context.hook("late", 0, heard::add);
      context.addItem("late", "item");
      context.onUnload(() -> {
        try {
          context.hook("later", 0, heard::add);
          ran.add("a hook added after @Unload returned");
        } catch (ModuleException refused) {
          ran.add(refused.code());
        }
      });
      duringUnload.set(manager.registrations(A, "callback"));
      manager.fire(A, "late", null);
    });
    given(A, "callback");

    manager.unload(A, "callback");

    assertEquals(Map.of("late", 1), duringUnload.get().hooks(), "hooks added in @Unload");
    assertEquals(Map.of("late", 1), duringUnload.get().items(), "items added in @Unload");
    assertEquals(1, duringUnload.get().unloadActions(), "unload actions added in @Unload");
    assertEquals(1, heard.size(), "the hook added in @Unload handled the event fired there");
    assertEquals(List.of(MODULE_NOT_LOADED), ran, "the unload action added in @Unload: run once, its hook refused");
    heard.clear();
    assertNothingRegistered(heard);
    assertRefusesToRegister(kept.get());
  }

  /**
   * An unload action that throws is logged, naming module and host; the unload completes (the
   * other actions run, the entry is gone, not left claimed), and the module loads again.
   */
  @Test
  void unloadActionThatThrowsIsLoggedAndTheUnloadCompletes() {
    List<String> ran = new CopyOnWriteArrayList<>();
    Callbacks.on("callback.load", context -> {
      context.onUnload(() -> ran.add("first"));
      context.onUnload(() -> {
        throw new IllegalStateException("refuses to stop");
      });
      context.onUnload(() -> ran.add("last"));
    });
    given(A, "callback");

    manager.unload(A, "callback");

    assertEquals(List.of("last", "first"), ran, "the other unload actions, newest first");
    assertFalse(manager.isLoaded(A, "callback"));
    log.assertOneWarningNaming("onUnload action", "'callback'", "'" + A + "'");
    Callbacks.on("callback.load", context -> {});
    manager.load(A, "callback");
    assertTrue(manager.isLoaded(A, "callback"), "loaded again: the unload left nothing claimed");
  }

  private void assertRefusesToRegister(ModuleContext context) {
    List<String> ran = new ArrayList<>();
    assertRefusesToRegister(context, new ArrayList<>(), ran);
    assertEquals(List.of(), ran, "a refused unload action ran");
  }

  /**
   * Checks that the context of callback on a.example refuses a hook (which would add to {@code
   * heard}), an item and an unload action (which would add to {@code ran}), and that nothing of
   * them is registered.
   */
  private void assertRefusesToRegister(ModuleContext context, List<Event> heard, List<String> ran) {
    assertReport(fails(MODULE_NOT_LOADED, () -> context.hook("late", 0, heard::add)),
        "callback", A, "unloaded or failed to load", "@Unload");
    assertReport(fails(MODULE_NOT_LOADED, () -> context.addItem("late", "item")),
        "callback", A, "unloaded or failed to load");
    assertReport(fails(MODULE_NOT_LOADED, () -> context.onUnload(() -> ran.add("refused action"))),
        "callback", A, "unloaded or failed to load");
    assertNothingRegistered(heard);
  }

  /** Callback has nothing registered on a.example: no hook, item or unload action; "late" reaches no handler of it. */
  private void assertNothingRegistered(List<Event> heard) {
    ModuleRegistrations registered = manager.registrations(A, "callback");
    assertTrue(registered.isEmpty(), registered::toString);
    manager.fire(A, "late", null);
    assertEquals(List.of(), heard, "events its handlers handled");
    assertEquals(List.of(), manager.items(A, "late"), "items under 'late'");
  }

  // ---- helpers

  private void operate(String operation, String host, String module) {
    switch (operation) {
      case "load" -> manager.load(host, module);
      case "unload" -> manager.unload(host, module);
      case "reload" -> manager.reload(host, module);
      default -> throw new IllegalArgumentException(operation);
    }
  }

  /**
   * Checks, from another thread and with a timeout, that the module is settled: it can be loaded
   * (if it is not) and unloaded again. A claim left behind would make this wait forever.
   */
  private void assertUsableFromAnotherThread(String host, String module) {
    BiConsumer<String, String> loadAndUnload = (h, m) -> {
      if (!manager.isLoaded(h, m)) {
        manager.load(h, m);
      }
      manager.unload(h, m);
    };
    Callbacks.reset();
    Future<?> done = other.submit(() -> loadAndUnload.accept(host, module));
    try {
      done.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(module + " on " + host + " is not usable from another thread", e);
    }
    assertFalse(manager.isLoaded(host, module));
  }

  private static Throwable outcome(Runnable call) {
    try {
      call.run();
      return null;
    } catch (RuntimeException failure) {
      return failure;
    }
  }

  /** The thread whose stack runs {@code method} (of the runtime) and waits there, once one does. */
  private static Thread awaitThreadIn(String method) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
        Thread.State state = thread.getKey().getState();
        boolean waits = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        for (StackTraceElement frame : thread.getValue()) {
          if (waits && frame.getClassName().startsWith("io.hostmod.runtime.") && frame.getMethodName().equals(method)) {
            return thread.getKey();
          }
        }
      }
      Thread.sleep(1);
    }
    throw new IllegalStateException("no thread waits in " + method + " after 30 s");
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released in 30 s");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
