import io.hostmod.benchmarks.Hosts;
import io.hostmod.benchmarks.Implementation;
import io.hostmod.benchmarks.modules.FiftyModules;
import io.hostmod.runtime.ModuleManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;

/**
 * The lifecycle loops of HostActivationBenchmark and SharedModuleBenchmark, timed in the CPU time
 * of the thread that runs them rather than in wall-clock time: on a machine that other work shares,
 * a wall-clock figure also measures that work, the thread's CPU time much less. Compiled by
 * benchmarks/ab.sh, with PairedLoop (whose shared-module loop it runs), against each tree's
 * benchmarks jar (they use only classes both trees have).
 *
 * <p>usage: LifecycleCpuTime activation ROUNDS | shared HOSTS LOOPS_PER_SAMPLE; prints one line:
 * the minimum and median over the samples after a third (activation) or 20 samples (shared) of
 * warm-up.
 */
public final class LifecycleCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    if (args[0].equals("activation")) {
      activation(Integer.parseInt(args[1]));
    } else {
      shared(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
  }

  /** Activating then deactivating 10,000 hosts with 50 modules, per round: ms of CPU time. */
  private static void activation(int rounds) {
    String[] names = Hosts.names(10_000);
    ModuleManager manager = Implementation.hostmodManager(FiftyModules.ENABLED, Map.of());
    double[] activate = new double[rounds];
    double[] deactivate = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (String host : names) {
        manager.activateHost(host);
      }
      long activated = THREADS.getCurrentThreadCpuTime();
      for (String host : names) {
        manager.deactivateHost(host);
      }
      long deactivated = THREADS.getCurrentThreadCpuTime();
      activate[round] = (activated - start) / 1e6;
      deactivate[round] = (deactivated - activated) / 1e6;
    }
    int warmUp = rounds / 3;
    double[] total = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      total[round] = activate[round] + deactivate[round];
    }
    System.out.printf("activation 10000x50 ms: total %s | activate %s | deactivate %s%n",
        stats(total, warmUp), stats(activate, warmUp), stats(deactivate, warmUp));
  }

  /** The shared module echo onto N hosts and off, then off "*": µs of CPU time per loop (PairedLoop's). */
  private static void shared(int hosts, int loops) {
    PairedLoop.setUp("shared", hosts);
    int warmUp = 20;
    double[] perLoop = new double[warmUp + 40];
    for (int sample = 0; sample < perLoop.length; sample++) {
      perLoop[sample] = PairedLoop.sample(loops);
    }
    System.out.printf("shared hosts=%d us: %s%n", hosts, stats(perLoop, warmUp));
  }

  private static String stats(double[] samples, int warmUp) {
    double[] kept = Arrays.copyOfRange(samples, warmUp, samples.length);
    Arrays.sort(kept);
    return String.format("min %.3f med %.3f", kept[0], kept[kept.length / 2]);
  }
}
