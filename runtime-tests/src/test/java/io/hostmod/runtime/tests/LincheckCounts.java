package io.hostmod.runtime.tests;

import io.hostmod.runtime.ModuleContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lifecycle calls of the {@code lc_} modules, counted per manager, host and module, for the
 * validation functions of {@link LincheckTest}. A manager that counts gives the option {@value
 * #RUN} a value of its own (a run id); a module without it counts nothing, so the other tests may
 * load these modules freely.
 *
 * <p>Not events of the host, as {@link TallyModule}'s are: a host's event handlers go with it when
 * it is deactivated, and one activated again cannot have a handler before another thread may load
 * a module there.
 */
final class LincheckCounts {

  static final String RUN = "lc_run";
  static final String CREATED = "created";
  static final String UNLOADED = "unloaded";
  static final String ADDED = "added";
  static final String REMOVED = "removed";
  static final String SAVED = "saved";
  static final String RESTORED = "restored";

  /** Runs kept: a test makes thousands; only the last few can still be checked. */
  private static final int KEPT = 16;
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final ConcurrentHashMap<Integer, ConcurrentHashMap<String, AtomicInteger>> COUNTS =
      new ConcurrentHashMap<>();

  private LincheckCounts() {}

  /** A run id no other manager of this JVM has; the counts of old runs are dropped. */
  static String newRun() {
    int run = RUNS.incrementAndGet();
    COUNTS.keySet().removeIf(old -> old <= run - KEPT);
    COUNTS.put(run, new ConcurrentHashMap<>());
    return String.valueOf(run);
  }

  /** Counts one call of a module on the host of its context, if its manager counts. */
  static void count(ModuleContext context, String what) {
    context.option(RUN, String.class).ifPresent(run -> {
      ConcurrentHashMap<String, AtomicInteger> counts = COUNTS.get(Integer.valueOf(run));
      if (counts == null) {
        throw new IllegalStateException("the counts of run " + run + " were dropped while it ran");
      }
      counts.computeIfAbsent(key(context.host(), context.name(), what), k -> new AtomicInteger()).incrementAndGet();
    });
  }

  static int get(String run, String host, String module, String what) {
    ConcurrentHashMap<String, AtomicInteger> counts = COUNTS.get(Integer.valueOf(run));
    if (counts == null) {
      throw new IllegalStateException("the counts of run " + run + " were dropped before it was checked");
    }
    AtomicInteger n = counts.get(key(host, module, what));
    return n == null ? 0 : n.get();
  }

  private static String key(String host, String module, String what) {
    return host + " " + module + " " + what;
  }
}
