package io.hostmod.benchmarks.modules;

/**
 * How often the benchmark modules' lifecycle methods ran, whichever implementation called them:
 * the one thing their bodies do, so that the calls cannot be optimized away and the three
 * implementations can be checked to have done the same work. Single-threaded, like the benchmarks.
 */
public final class Calls {

  public static long created;
  public static long loads;
  public static long addHosts;
  public static long unloadHosts;
  public static long unloads;

  private Calls() {}

  public static void reset() {
    created = 0;
    loads = 0;
    addHosts = 0;
    unloadHosts = 0;
    unloads = 0;
  }

  /** The counts as one line, for comparing implementations. */
  public static String snapshot() {
    return "created=" + created + " loads=" + loads + " addHosts=" + addHosts
        + " unloadHosts=" + unloadHosts + " unloads=" + unloads;
  }
}
