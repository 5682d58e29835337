package io.hostmod.runtime;

import java.util.Arrays;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of the lifecycle operations, in category {@code hostmod}: each
 * with the module, the host, how it ended, and the event's own duration. {@code jcmd <pid>
 * JFR.start} records them, so a recording shows where a slow start goes. Made by {@link Observers}.
 */
final class FlightEvents {

  private FlightEvents() {}

  @Category("hostmod")
  @StackTrace(false)
  abstract static class Lifecycle extends Event {
    @Label("Module")
    @Description("The module, or null for a host activation")
    String module;

    @Label("Host")
    String host;

    @Label("Outcome")
    @Description("ok, or the error code it failed with")
    String outcome;
  }

  @Name("io.hostmod.Load")
  @Label("Module Load")
  @Description("A module loaded on a host, its dependencies included")
  static final class Load extends Lifecycle {}

  @Name("io.hostmod.Unload")
  @Label("Module Unload")
  @Description("A module unloaded from a host, its dependents included")
  static final class Unload extends Lifecycle {}

  @Name("io.hostmod.Reload")
  @Label("Module Reload")
  @Description("A module's instance replaced on a host")
  static final class Reload extends Lifecycle {}

  @Name("io.hostmod.HostActivation")
  @Label("Host Activation")
  @Description("A host activated, with its module set loaded")
  static final class HostActivation extends Lifecycle {}

  /**
   * One event of each type, never begun or committed: asked only whether its type is recorded now,
   * which is a property of the type, so that an operation nobody records makes no event.
   */
  private static final Lifecycle[] PROBES =
      Arrays.stream(LifecycleObservation.Step.values()).map(FlightEvents::of).toArray(Lifecycle[]::new);

  /** Whether a recording wants events of this step now. */
  static boolean isEnabled(LifecycleObservation.Step step) {
    return PROBES[step.ordinal()].isEnabled();
  }

  static Lifecycle of(LifecycleObservation.Step step) {
    return switch (step) {
      case LOAD -> new Load();
      case UNLOAD -> new Unload();
      case RELOAD -> new Reload();
      case HOST_ACTIVATION -> new HostActivation();
    };
  }
}
