package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hostmod.runtime.ManualClock;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.tests.Trace.Call;
import io.hostmod.runtime.tests.Trace.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timers under concurrent unloads and reloads, as a bounded race (by a count of iterations and a
 * deadline of about a second and a half, whichever comes first; a deadlock fails through the
 * joins' timeout). One thread moves a {@link ManualClock} a minute at a time while others unload,
 * load and reload the traced timer modules ({@link TracedTickModule}, {@link
 * TracedTickSharedModule}), whose ticks pause to widen the windows. The {@link Trace} of every
 * callback and tick, with its instance, thread, beginning and end, must show for each instance (a
 * host part on each host apart): no tick begins before its {@code @Load} (or {@code @AddHost})
 * returned or once its {@code @Unload} began, none is running when {@code @Unload} begins, and its
 * ticks never overlap.
 */
class TimerRaceTest extends ManagerTestBase {

  private static final long DEADLINE_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
  private static final int ITERATIONS = 400;
  private static final Set<String> EXPECTED =
      Set.of(ModuleException.MODULE_NOT_LOADED, ModuleException.MODULE_ALREADY_LOADED);

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  private final ManualClock clock = new ManualClock();
  private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void manualClock() {
    Trace.reset();
    manager = ModuleManager.builder().discoverCatalogs().clock(clock).timerThreads(3).build();
    manager.activateHost(A);
    manager.activateHost(B);
    for (String host : List.of(A, B)) {
      Trace.pauseAt("traced_tick.tick " + host, TimeUnit.MICROSECONDS.toNanos(100));
      Trace.pauseAt("traced_tick_shared.tickHost " + host, TimeUnit.MICROSECONDS.toNanos(100));
    }
  }

  @AfterEach
  void reset() {
    Trace.reset();
  }

  @Test
  void noTickOfAnInstanceRunsBesideOrAfterItsUnload() throws Exception {
    manager.load(A, "traced_tick");
    manager.load(A, "traced_tick_shared");
    manager.load(B, "traced_tick_shared");
    long end = System.nanoTime() + DEADLINE_NANOS;
    List<Runnable> races = List.of(
        () -> clock.advance(Duration.ofMinutes(1)),
        () -> {
          quietly(() -> manager.unload(A, "traced_tick"));
          quietly(() -> manager.load(A, "traced_tick"));
        },
        () -> quietly(() -> manager.reload(A, "traced_tick")),
        () -> quietly(() -> manager.reload(GLOBAL, "traced_tick_shared")),
        () -> {
          quietly(() -> manager.unload(B, "traced_tick_shared"));
          quietly(() -> manager.load(B, "traced_tick_shared"));
        });
    CyclicBarrier start = new CyclicBarrier(races.size());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < races.size(); i++) {
      Runnable race = races.get(i);
      Thread thread = new Thread(() -> {
        try {
          start.await();
          for (int n = 0; n < ITERATIONS && System.nanoTime() < end; n++) {
            race.run();
          }
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }, "race-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertFalse(thread.isAlive(), () -> thread.getName() + " is stuck: a deadlock");
    }
    assertTrue(manager.awaitTimers(Duration.ofSeconds(10)));
    manager.shutdown();

    assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected);
    List<Call> calls = Trace.calls();
    long ticks = calls.stream().filter(call -> call.step().startsWith("tick") && call.phase() == Phase.BEGIN).count();
    assertTrue(ticks > 0, "the race ticked");
    checkTimerRules(calls);
    log.assertQuiet();
  }

  private void quietly(Runnable operation) {
    try {
      operation.run();
    } catch (ModuleException e) {
      if (!EXPECTED.contains(e.code())) {
        unexpected.add(e);
      }
    }
  }

  /** Each instance (a host part on each host apart): ticks only while live, one at a time. */
  static void checkTimerRules(List<Call> calls) {
    Map<String, boolean[]> states = new HashMap<>(); // {live, ticking}
    for (Call call : calls) {
      String step = call.step();
      boolean hostStep = Trace.isHostStep(step) || step.equals("tickHost");
      String key = hostStep ? call.instance() + " / " + call.host() : call.instance();
      boolean[] state = states.computeIfAbsent(key, k -> new boolean[2]);
      String where = call + " (" + key + ")";
      switch (step) {
        case "load", "addHost" -> {
          if (call.phase() == Phase.END) {
            state[0] = true;
          }
        }
        case "unload", "unloadHost" -> {
          if (call.phase() == Phase.BEGIN) {
            if (state[1]) {
              fail("a tick still ran when " + where + " began");
            }
            state[0] = false;
          }
        }
        case "tick", "tickHost" -> {
          if (call.phase() == Phase.BEGIN) {
            assertTrue(state[0], () -> where + ": a tick of an instance not loaded, or after its @Unload began");
            assertFalse(state[1], () -> where + ": two ticks of one instance at once");
            state[1] = true;
          } else {
            state[1] = false;
          }
        }
        default -> { }
      }
    }
    assertEquals(0, states.values().stream().filter(state -> state[1]).count(), "a tick still running at the end");
  }
}
