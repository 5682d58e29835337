import io.hostmod.benchmarks.Hosts;
import io.hostmod.benchmarks.Implementation;
import io.hostmod.benchmarks.modules.FiftyModules;
import io.hostmod.runtime.ModuleManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle loops of LifecycleCpuTime, one tree's: {@link Paired} loads this class once per tree,
 * each in a class loader of its own over that tree's jars, and calls {@link #sample} of each in turn.
 * Compiled once, against the API both trees have.
 */
public final class PairedLoop {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static String[] names;
  private static ModuleManager manager;
  private static boolean activation;

  /** "activation": 10,000 hosts x 50 modules; "shared N": the shared module echo on N hosts. */
  public static void setUp(String what, int hosts) {
    activation = what.equals("activation");
    names = Hosts.names(hosts);
    if (activation) {
      manager = Implementation.hostmodManager(FiftyModules.ENABLED, Map.of());
      return;
    }
    manager = Implementation.hostmodManager(List.of(), Map.of());
    for (String host : names) {
      manager.activateHost(host);
    }
  }

  /** CPU time of this thread per loop, in µs: {@code loops} loops. */
  public static double sample(int loops) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int loop = 0; loop < loops; loop++) {
      if (activation) {
        for (String host : names) {
          manager.activateHost(host);
        }
        for (String host : names) {
          manager.deactivateHost(host);
        }
      } else {
        for (String host : names) {
          manager.load(host, "echo");
        }
        for (String host : names) {
          manager.unload(host, "echo");
        }
        manager.unload(ModuleManager.GLOBAL, "echo");
      }
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / loops;
  }
}
