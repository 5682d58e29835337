package io.hostmod.runtime;

import java.time.Duration;

/**
 * One finished lifecycle operation, as a {@link LifecycleObserver} hears of it (and as the JDK
 * Flight Recorder events {@code io.hostmod.Load}, {@code io.hostmod.Unload}, {@code
 * io.hostmod.Reload} and {@code io.hostmod.HostActivation} record it).
 *
 * @param step what ran
 * @param host the host asked for
 * @param module the module, or {@code null} for a host activation
 * @param duration how long it took, by the system's clock
 * @param outcome {@link #OK}, or the {@link ModuleException#code()} it failed with ({@code
 *     "error"} for any other exception)
 */
public record LifecycleObservation(Step step, String host, String module, Duration duration, String outcome) {

  /** The outcome of an operation that succeeded. */
  public static final String OK = "ok";

  /** The lifecycle operations observed. */
  public enum Step {
    LOAD,
    UNLOAD,
    RELOAD,
    HOST_ACTIVATION
  }

  public boolean succeeded() {
    return OK.equals(outcome);
  }
}
