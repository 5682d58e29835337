package io.hostmod.benchmarks.modules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, from inside module code, which monitors and {@code java.util.concurrent} locks the
 * calling thread holds: the runtime must hold none while module code runs.
 */
public final class LockProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Module code that ran, by what it was (load, addHost, ...). */
  public static final List<String> CALLS = new ArrayList<>();
  /** The locks held at some call, described, with the call. */
  public static final List<String> HELD = new ArrayList<>();

  private LockProbe() {}

  public static void reset() {
    CALLS.clear();
    HELD.clear();
  }

  /** Records a call of module code and any lock its thread holds. */
  public static void check(String call) {
    CALLS.add(call);
    ThreadInfo info = THREADS.getThreadInfo(new long[] {Thread.currentThread().getId()}, true, true)[0];
    for (var monitor : info.getLockedMonitors()) {
      HELD.add(call + ": monitor of " + monitor.getClassName() + " at " + monitor.getLockedStackFrame());
    }
    for (var lock : info.getLockedSynchronizers()) {
      HELD.add(call + ": " + lock.getClassName());
    }
  }
}
