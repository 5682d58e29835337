package io.hostmod.benchmarks;

import io.hostmod.benchmarks.modules.Calls;
import io.hostmod.benchmarks.modules.FiftyModules;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Retained heap per (host, module) pair: activates N hosts (10,000 by default) on each
 * implementation and measures the heap the server then holds, after full collections, beyond what
 * it held before. The module instances' own size (their object headers: the benchmark modules have
 * no fields) is measured the same way and subtracted. Run with {@code -XX:+UseSerialGC}, whose
 * heap usage after a full collection is exactly the live data.
 *
 * <p>Three configurations: the 50 mixed modules of the activation benchmark (global modules cost a
 * host nothing, which the per-pair average includes), the 30 per-host ones alone, and the 10
 * shared ones alone.
 *
 * <p>usage: {@code HeapPerPair [hosts] [results file]}
 */
public final class HeapPerPair {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private record Configuration(String label, List<String> modules) {}

  private HeapPerPair() {}

  public static void main(String[] args) throws InterruptedException {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Results results = Results.fromArgument(args, 1);
    List<Configuration> configurations = List.of(
        new Configuration("mixed", FiftyModules.ENABLED),
        new Configuration("per-host", FiftyModules.ENABLED.stream().filter(m -> m.startsWith("p")).toList()),
        new Configuration("shared", FiftyModules.ENABLED.stream().filter(m -> m.startsWith("s")).toList()));
    List<Map.Entry<String, BiFunction<List<String>, Map<String, Object>, Implementation>>> implementations = List.of(
        Map.entry("hostmod", Implementation::hostmod),
        Map.entry("hand-written", Implementation::handWritten),
        Map.entry("reflective", Implementation::reflective));

    double moduleSize = moduleInstanceSize();
    System.out.printf(Locale.ROOT, "heap: %d hosts; a module instance's own size: %.1f bytes%n", hosts, moduleSize);
    for (Configuration configuration : configurations) {
      for (var implementation : implementations) {
        double perPair = bytesPerPair(implementation.getValue().apply(configuration.modules, Map.of()),
            configuration.modules.size(), hosts, moduleSize);
        System.out.printf(Locale.ROOT, "heap %-12s %-8s (%2d modules): %7.1f bytes per (host, module) pair%n",
            implementation.getKey(), configuration.label, configuration.modules.size(), perPair);
        results.put("heap." + configuration.label + "." + implementation.getKey(), perPair);
      }
    }
  }

  /** Heap held per pair after activating the hosts, beyond the module instances themselves. */
  static double bytesPerPair(Implementation server, int modules, int hosts, double moduleSize)
      throws InterruptedException {
    String[] names = Hosts.names(hosts);
    long before = usedAfterGc();
    long createdBefore = Calls.created;
    for (String host : names) {
      server.activateHost(host);
    }
    long after = usedAfterGc();
    long created = Calls.created - createdBefore;
    int loaded = server.loadedCount(names[0]);
    for (String host : names) {
      server.deactivateHost(host);
    }
    Reference.reachabilityFence(server);
    if (loaded == 0 && modules > 0) {
      throw new IllegalStateException(server.label() + " loaded nothing");
    }
    return (after - before - created * moduleSize) / ((double) hosts * modules);
  }

  /** The size of one benchmark module instance, measured as the pairs are. */
  static double moduleInstanceSize() throws InterruptedException {
    int count = 200_000;
    Object[] instances = new Object[count];
    long before = usedAfterGc();
    for (int i = 0; i < count; i++) {
      instances[i] = new FiftyModules.P01();
    }
    long after = usedAfterGc();
    Reference.reachabilityFence(instances);
    return (after - before) / (double) count;
  }

  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(20);
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
