package io.hostmod.runtime.tests;

import io.hostmod.runtime.ModuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the test modules' constructors and lifecycle methods did, in order, and which of those
 * steps a test has set to fail.
 *
 * <p>A step reads {@code "<module>.<step> <host>"}, for example {@code "chat.addHost a.example"}.
 * It is static because the manager, not the test, creates the modules; {@link ManagerTestBase}
 * resets it around every test.
 */
public final class Journal {

  private static final List<String> steps = new ArrayList<>();
  private static final Set<String> failing = new HashSet<>();
  private static final Set<String> failingOnce = new HashSet<>();

  private Journal() {}

  /** Records a step of the module running with {@code context}, named as the context says. */
  public static void record(ModuleContext context, String step) {
    record(context.name() + "." + step + " " + context.host());
  }

  /**
   * Records a step, then throws {@link Fault} if the test set it to fail: the step is attempted,
   * so the journal shows that the runtime called it.
   */
  public static synchronized void record(String step) {
    steps.add(step);
    if (failing.contains(step) || failingOnce.remove(step)) {
      throw new Fault(step);
    }
  }

  /** Makes the step throw {@link Fault} every time it runs, until {@link #heal}. */
  public static synchronized void failAt(String step) {
    failing.add(step);
  }

  /** Makes the step throw {@link Fault} the next time it runs, once; {@link #heal} disarms it. */
  public static synchronized void failOnce(String step) {
    failingOnce.add(step);
  }

  public static synchronized void heal(String step) {
    failing.remove(step);
    failingOnce.remove(step);
  }

  /** The steps armed with {@link #failOnce} that have not run since. */
  public static synchronized Set<String> armedOnce() {
    return Set.copyOf(failingOnce);
  }

  /** The steps recorded since the last take, which it forgets. */
  public static synchronized List<String> take() {
    List<String> taken = List.copyOf(steps);
    steps.clear();
    return taken;
  }

  /** How often the step was recorded since the last take. */
  public static synchronized long count(String step) {
    return steps.stream().filter(step::equals).count();
  }

  static synchronized void reset() {
    steps.clear();
    failing.clear();
    failingOnce.clear();
  }

  /** What a step set to fail throws. */
  public static final class Fault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fault(String step) {
      super("injected fault at " + step);
    }
  }
}
