package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Health;
import io.hostmod.runtime.ManualClock;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleHealth;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.Registration;
import io.hostmod.runtime.ServerConfig;
import io.hostmod.runtime.tests.Trace.Call;
import io.hostmod.runtime.tests.Trace.Phase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timers of modules ({@code @Every}, {@code schedule}, {@code every}) on a manager whose time is a
 * {@link ManualClock}: the tests move the clock and wait for the scheduler to come to rest, never
 * for a timer's period. Ticks are traced ({@link Trace}) with their instance and thread.
 */
class TimersTest extends ManagerTestBase {

  private static final Duration REST = Duration.ofSeconds(10);
  private static final String TICK = "traced_tick";
  private static final String TICK_SHARED = "traced_tick_shared";

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  private final ManualClock clock = new ManualClock();

  @BeforeEach
  void manualClock() {
    Trace.reset();
    manager = ModuleManager.builder().discoverCatalogs().clock(clock).config(ServerConfig.empty()).build();
    manager.activateHost(A);
    manager.activateHost(B);
  }

  @AfterEach
  void stop() {
    manager.shutdown();
    Trace.reset();
  }

  private void advance(Duration by) throws InterruptedException {
    clock.advance(by);
    assertTrue(manager.awaitTimers(REST), "the timers came to rest");
  }

  /** Each traced call of {@code step}, as {@code "<instance> <host>"}, beginnings only. */
  private static List<String> began(String step) {
    return Trace.calls().stream()
        .filter(call -> call.step().equals(step) && call.phase() == Phase.BEGIN)
        .map(call -> call.instance() + " " + call.host())
        .toList();
  }

  @Test
  void anEveryMethodRunsOncePerPeriodOnATimerThread() throws InterruptedException {
    manager.load(A, TICK);

    advance(Duration.ofSeconds(59));
    assertEquals(List.of(), began("tick"), "nothing before one period");

    advance(Duration.ofSeconds(1));
    assertEquals(List.of("traced_tick@a.example#1 a.example"), began("tick"));
    Call tick = Trace.calls().stream().filter(call -> call.step().equals("tick")).findFirst().orElseThrow();
    assertTrue(tick.thread().startsWith("hostmod-timer-task-"), tick.thread());

    advance(Duration.ofMinutes(1));
    assertEquals(2, began("tick").size());
  }

  @Test
  void periodsMissedAtOnceFireOnce() throws InterruptedException {
    manager.load(A, TICK);

    advance(Duration.ofMinutes(10));

    assertEquals(1, began("tick").size(), "ten periods passed in one jump: one run, none made up");
    advance(Duration.ofMinutes(1));
    assertEquals(2, began("tick").size(), "and the next period on the same rate");
  }

  @Test
  void noTickAfterUnload() throws InterruptedException {
    manager.load(A, TICK);
    manager.unload(A, TICK);

    advance(Duration.ofMinutes(5));

    assertEquals(List.of(), began("tick"));
  }

  @Test
  void anUnloadWaitsForTheRunningTickBeforeUnload() throws InterruptedException {
    manager.load(A, TICK);
    Trace.pauseAt("traced_tick.tick a.example", TimeUnit.MILLISECONDS.toNanos(200));
    clock.advance(Duration.ofMinutes(1));
    awaitBegun("tick");

    manager.unload(A, TICK);

    List<Call> calls = Trace.calls();
    int tickEnd = indexOf(calls, "tick", Phase.END);
    int unloadBegin = indexOf(calls, "unload", Phase.BEGIN);
    assertTrue(tickEnd >= 0 && tickEnd < unloadBegin, () -> "the tick ended before @Unload began: " + calls);
  }

  @Test
  void aReloadMovesTheTimerToTheNewInstance() throws InterruptedException {
    manager.load(A, TICK);
    advance(Duration.ofMinutes(1));

    manager.reload(A, TICK);
    advance(Duration.ofMinutes(1));
    advance(Duration.ofMinutes(1));

    assertEquals(
        List.of(
            "traced_tick@a.example#1 a.example",
            "traced_tick@a.example#2 a.example",
            "traced_tick@a.example#2 a.example"),
        began("tick"));
  }

  @Test
  void aTaskThatThrowsIsReportedAndKeepsItsSchedule() throws InterruptedException {
    manager.load(A, TICK);
    Journal.failAt("traced_tick.tick a.example");

    advance(Duration.ofMinutes(1));

    log.assertOneWarning("traced_tick.tick a.example", "timer task", "'traced_tick'", "'a.example'");
    ModuleHealth health = statusOf(A, TICK).health();
    assertNotNull(health, "the failure shows in status()");
    assertEquals(Health.ERROR, health.health());
    assertTrue(health.message().contains("injected fault at traced_tick.tick a.example"), health.message());

    Journal.heal("traced_tick.tick a.example");
    advance(Duration.ofMinutes(1));
    assertEquals(2, began("tick").size(), "the timer went on");
  }

  @Test
  void aSharedModulesHostPartsHaveTimersOfTheirOwn() throws InterruptedException {
    manager.load(A, TICK_SHARED);
    manager.load(B, TICK_SHARED);

    advance(Duration.ofMinutes(1));
    assertEquals(
        List.of("traced_tick_shared@*#1 a.example", "traced_tick_shared@*#1 b.example"),
        began("tickHost").stream().sorted().toList());
    assertEquals(List.of(), began("tick"));

    manager.unload(B, TICK_SHARED);
    advance(Duration.ofMinutes(4));
    assertEquals(List.of("traced_tick_shared@*#1 *"), began("tick"), "the global instance's own timer");
    assertEquals(1, began("tickHost").stream().filter(tick -> tick.endsWith("b.example")).count(),
        "b.example's host part ticked once, before its unload");
    assertEquals(2, began("tickHost").stream().filter(tick -> tick.endsWith("a.example")).count());
  }

  @Test
  void reloadingASharedModuleOnStarMovesEveryHostPartsTimer() throws InterruptedException {
    manager.load(A, TICK_SHARED);
    manager.reload(GLOBAL, TICK_SHARED);

    advance(Duration.ofMinutes(1));

    assertEquals(List.of("traced_tick_shared@*#2 a.example"), began("tickHost"));
  }

  @Test
  void aTaskThatBlocksDoesNotStopOtherModulesTimers() throws Exception {
    manager.load(A, "health");
    manager.load(B, "health");
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger blockedRuns = new AtomicInteger();
    AtomicInteger otherRuns = new AtomicInteger();
    HealthModule blocked = manager.instance(A, HealthModule.class);
    HealthModule other = manager.instance(B, HealthModule.class);
    blocked.every(Duration.ofSeconds(1), () -> {
      blockedRuns.incrementAndGet();
      await(release);
    });
    other.every(Duration.ofSeconds(1), otherRuns::incrementAndGet);

    for (int i = 1; i <= 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      long deadline = System.nanoTime() + REST.toNanos();
      while (otherRuns.get() < i && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(i, otherRuns.get(), "b.example's timer ran every period while a.example's task blocked");
    }

    assertEquals(1, blockedRuns.get(), "a.example's task ran once: its missed periods were not queued");
    release.countDown();
    assertTrue(manager.awaitTimers(REST));
    assertTrue(blockedRuns.get() <= 2, "at most the one run that came due while it blocked: " + blockedRuns);
  }

  /**
   * A period that comes due while the last run is still running is queued behind it, not dropped:
   * only a run that has not started yet keeps the next from being queued. (Dropping it made
   * aTaskThatBlocksDoesNotStopOtherModulesTimers fail in CI, when the test moved the clock after
   * the other timer's run had counted but before it had ended.)
   */
  @Test
  void aPeriodDueWhileTheLastRunIsStillRunningRunsAfterIt() throws InterruptedException {
    manager.load(A, "health");
    HealthModule module = manager.instance(A, HealthModule.class);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    module.every(Duration.ofSeconds(1), () -> {
      if (runs.incrementAndGet() == 1) {
        running.countDown();
        await(release);
      }
    });

    clock.advance(Duration.ofSeconds(1));
    assertTrue(running.await(REST.toMillis(), TimeUnit.MILLISECONDS), "the first run started");
    clock.advance(Duration.ofSeconds(1));
    release.countDown();

    assertTrue(manager.awaitTimers(REST));
    assertEquals(2, runs.get(), "the period due during the first run ran after it");
  }

  @Test
  void aTaskMayUnloadItsOwnModule() throws InterruptedException {
    manager.load(A, "health");
    HealthModule module = manager.instance(A, HealthModule.class);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    module.schedule(Duration.ofSeconds(1), () -> {
      try {
        manager.unload(A, "health");
      } catch (Throwable e) {
        failure.set(e);
      }
    });

    advance(Duration.ofSeconds(1));

    assertNull(failure.get());
    assertFalse(manager.isLoaded(A, "health"));
  }

  @Test
  void aTaskMayReloadItsOwnModuleWhoseNewInstanceTicks() throws InterruptedException {
    manager.load(A, TICK);
    Journal.failAt("traced_tick.tick a.example");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    manager.instance(A, TracedTickModule.class).context.schedule(Duration.ofSeconds(30), () -> {
      try {
        manager.reload(A, TICK);
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    Journal.heal("traced_tick.tick a.example");

    advance(Duration.ofSeconds(30));
    advance(Duration.ofSeconds(30));
    advance(Duration.ofSeconds(30));

    assertNull(failure.get());
    assertEquals(List.of("traced_tick@a.example#2 a.example"), began("tick"),
        "the old instance's tick at 1 min was cancelled, the new one's came at 1.5 min");
  }

  /**
   * A task calls the manager for its own module while another thread unloads it: the unload waits
   * for the running task, and the task's call would wait for the unload's claim. The task's call
   * fails at once with {@code module-busy} instead, and the unload completes.
   */
  @Test
  void aTaskWaitingForTheUnloadThatWaitsForItGetsModuleBusy() throws Exception {
    manager.load(A, "health");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<String> outcome = new AtomicReference<>();
    manager.instance(A, HealthModule.class).schedule(Duration.ofSeconds(1), () -> {
      started.countDown();
      await(go);
      try {
        manager.reload(A, "health");
        outcome.set("reloaded");
      } catch (ModuleException e) {
        outcome.set(e.code());
      }
    });
    clock.advance(Duration.ofSeconds(1));
    assertTrue(started.await(10, TimeUnit.SECONDS));
    Thread unloader = new Thread(() -> manager.unload(A, "health"), "unloader");
    unloader.start();
    long deadline = System.nanoTime() + REST.toNanos();
    while (unloader.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();   // until the unload waits for the running task
    }
    assertEquals(Thread.State.WAITING, unloader.getState(), "the unload waits for the running task");

    go.countDown();
    unloader.join(TimeUnit.SECONDS.toMillis(10));

    assertFalse(unloader.isAlive(), "the unload completed: no deadlock");
    assertTrue(manager.awaitTimers(REST));
    assertEquals(ModuleException.MODULE_BUSY, outcome.get());
    assertFalse(manager.isLoaded(A, "health"));
  }

  @Test
  void scheduleRunsOnceAndAClosedRegistrationNever() throws InterruptedException {
    manager.load(A, "health");
    HealthModule module = manager.instance(A, HealthModule.class);
    AtomicInteger once = new AtomicInteger();
    AtomicInteger cancelled = new AtomicInteger();
    module.schedule(Duration.ofSeconds(10), once::incrementAndGet);
    Registration registration = module.every(Duration.ofSeconds(10), cancelled::incrementAndGet);
    registration.close();

    advance(Duration.ofSeconds(10));
    advance(Duration.ofSeconds(10));

    assertEquals(1, once.get());
    assertEquals(0, cancelled.get());
  }

  /**
   * Bounded race: another thread schedules on an instance while it is unloaded, its first timer
   * making the instance's lane as the unload closes it. Each schedule either lands before the
   * timers close (and its timer is cancelled with the instance) or is refused with
   * {@code module-not-loaded}; no task of the unloaded instance ever runs.
   */
  @Test
  void scheduleRacingAnUnloadIsCancelledOrRefusedAndNeverRuns() throws InterruptedException {
    AtomicInteger ran = new AtomicInteger();
    for (int round = 0; round < 200; round++) {
      manager.load(A, "health");
      HealthModule module = manager.instance(A, HealthModule.class);
      CountDownLatch started = new CountDownLatch(1);
      AtomicReference<Throwable> unexpected = new AtomicReference<>();
      Thread scheduler = new Thread(() -> {
        started.countDown();
        try {
          while (true) {
            module.every(Duration.ofSeconds(1), ran::incrementAndGet);
          }
        } catch (ModuleException refused) {
          if (!refused.code().equals(ModuleException.MODULE_NOT_LOADED)) {
            unexpected.set(refused);
          }
        } catch (Throwable other) {
          unexpected.set(other);
        }
      }, "scheduler-" + round);
      scheduler.start();
      await(started);

      manager.unload(A, "health");
      scheduler.join(REST.toMillis());
      advance(Duration.ofSeconds(1));

      assertFalse(scheduler.isAlive(), "the scheduling thread was refused once the instance was unloaded");
      assertNull(unexpected.get(), () -> "round " + unexpected.get());
      assertEquals(0, ran.get(), "round " + round + ": a task of the unloaded instance ran");
    }
  }

  @Test
  void anUnloadedInstanceCannotScheduleAndBadDurationsAreRefused() {
    manager.load(A, "health");
    HealthModule module = manager.instance(A, HealthModule.class);
    assertThrows(IllegalArgumentException.class, () -> module.every(Duration.ZERO, () -> {}));
    assertThrows(IllegalArgumentException.class, () -> module.schedule(Duration.ofSeconds(-1), () -> {}));
    manager.unload(A, "health");

    fails(ModuleException.MODULE_NOT_LOADED, () -> module.schedule(Duration.ofSeconds(1), () -> {}));
    fails(ModuleException.MODULE_NOT_LOADED, () -> module.every(Duration.ofSeconds(1), () -> {}));
  }

  @Test
  void shutdownStopsTheTimerThreadsAndALaterTimerStartsThemAgain() throws InterruptedException {
    manager.load(A, TICK);
    advance(Duration.ofMinutes(1));
    assertTrue(timerThreadAlive());

    manager.shutdown();

    long deadline = System.nanoTime() + REST.toNanos();
    while (timerThreadAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertFalse(timerThreadAlive(), "hostmod-timers stopped");
    manager.activateHost(A);
    manager.load(A, TICK);
    advance(Duration.ofMinutes(1));
    assertEquals(2, began("tick").size());
  }

  @Test
  void timersUseTheirOwnContext() {
    manager.load(A, "health");
    ModuleContext context = manager.instance(A, HealthModule.class).context();

    assertContext("health", A, context);
  }

  private static boolean timerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("hostmod-timers") && thread.isAlive());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitBegun(String step) throws InterruptedException {
    long deadline = System.nanoTime() + REST.toNanos();
    while (began(step).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, step + " began");
      Thread.sleep(1);
    }
  }

  private static int indexOf(List<Call> calls, String step, Phase phase) {
    for (Call call : calls) {
      if (call.step().equals(step) && call.phase() == phase) {
        return call.at();
      }
    }
    return -1;
  }

  static Map<String, List<String>> steps() {
    return Trace.stepsByInstance(Trace.calls());
  }
}
