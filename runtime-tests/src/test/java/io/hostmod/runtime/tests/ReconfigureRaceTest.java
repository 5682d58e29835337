package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ConfigChanges;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A reconfigure racing loads and unloads on the same host, for a bounded time: every module loaded
 * at the end runs with the values of the configuration applied last, the host's module set is what
 * that configuration and the last explicit operation imply, no {@code @Reconfigure} runs on an
 * unloaded instance, and no operation fails but as documented.
 */
class ReconfigureRaceTest extends ManagerTestBase {

  private static final long MILLIS = 1_500;

  /** The two configurations the reconfigure thread alternates: limits differ, plain_tuned comes and goes. */
  private static ServerConfig config(int round) {
    return ServerConfig.builder()
        .option("tuned_limit", round)
        .host(A, a -> {
          if (round % 2 == 0) {
            a.enable("plain_tuned").option("plain_limit", round);
          }
        })
        .host(B)
        .build();
  }

  @Test
  void reconfigureRacingLoadsAndUnloadsKeepsTheRules() throws Exception {
    configure(config(0));
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicReference<Boolean> tunedLoadedLast = new AtomicReference<>(false);
    CountDownLatch done = new CountDownLatch(2);
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS);
    int[] lastRound = {0};

    Thread reconfigurer = new Thread(() -> {
      try {
        for (int round = 1; System.nanoTime() < end; round++) {
          ConfigChanges changes = manager.reconfigure(config(round));
          lastRound[0] = round;
          unexpected.addAll(changes.failures());
        }
      } catch (Throwable failure) {
        unexpected.add(failure);
      } finally {
        done.countDown();
      }
    });
    Thread operator = new Thread(() -> {
      try {
        for (int i = 0; System.nanoTime() < end; i++) {
          if (i % 2 == 0) {
            try {
              manager.load(A, "tuned");
            } catch (ModuleException refused) {
              expect(refused, ModuleException.MODULE_ALREADY_LOADED, unexpected);
            }
            tunedLoadedLast.set(true);
          } else {
            try {
              manager.unload(A, "tuned");
            } catch (ModuleException refused) {
              expect(refused, ModuleException.MODULE_NOT_LOADED, unexpected);
            }
            tunedLoadedLast.set(false);
          }
          try {
            manager.reload(A, "plain_tuned");
          } catch (ModuleException refused) {
            expect(refused, ModuleException.MODULE_NOT_LOADED, unexpected);
          }
        }
      } catch (Throwable failure) {
        unexpected.add(failure);
      } finally {
        done.countDown();
      }
    });
    reconfigurer.start();
    operator.start();
    assertTrue(done.await(MILLIS + 30_000, TimeUnit.MILLISECONDS), "the threads did not finish");

    assertEquals(List.of(), List.copyOf(unexpected));
    int round = lastRound[0];
    assertTrue(round > 1, "only " + round + " reconfigures ran");
    // Quiet now: the last configuration and the last explicit operation decide.
    Set<String> loaded = manager.loadedModules(A);
    assertEquals(tunedLoadedLast.get(), loaded.contains("tuned"), loaded::toString);
    assertEquals(round % 2 == 0, loaded.contains("plain_tuned"), loaded::toString);
    if (loaded.contains("tuned")) {
      assertEquals(round, manager.instance(A, TunedModule.class).limit);
    }
    if (loaded.contains("plain_tuned")) {
      assertEquals(round, manager.instance(A, PlainTunedModule.class).limit);
    }
    assertEquals(Set.of(), manager.loadedModules(B));
  }

  private static void expect(ModuleException refused, String code, ConcurrentLinkedQueue<Throwable> unexpected) {
    if (!refused.code().equals(code)) {
      unexpected.add(refused);
    }
  }
}
