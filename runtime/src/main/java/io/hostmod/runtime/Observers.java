package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Measures lifecycle operations: a JDK Flight Recorder event for each (when recording), and a
 * {@link LifecycleObservation} for each {@link LifecycleObserver} of the manager.
 */
final class Observers {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  private final CopyOnWriteArrayList<LifecycleObserver> observers = new CopyOnWriteArrayList<>();

  Registration add(LifecycleObserver observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }

  /**
   * Whether nobody measures the step: no observer, no flight recording of it. A load or unload
   * then runs without {@link #measure} (see {@link LoadOperation#run}).
   */
  boolean isIdle(LifecycleObservation.Step step) {
    return observers.isEmpty() && !FlightEvents.isEnabled(step);
  }

  /** Runs an operation, measured: it ends when {@code operation} returns or throws. */
  <T> T measure(LifecycleObservation.Step step, String host, String module, Supplier<T> operation) {
    if (isIdle(step)) {
      // Nobody measures: no clock read and no object. Measuring always took lifecycle from 1.3x
      // to 2.1x of the runtime before the redesign (LifecycleCpuTime, docs/benchmarks.md).
      return operation.get();
    }
    Measure measure = new Measure(step, host, module);
    Throwable failure = null;
    try {
      return operation.get();
    } catch (RuntimeException | Error failed) {
      failure = failed;
      throw failed;
    } finally {
      measure.end(failure);
    }
  }

  /** One operation being measured. */
  private final class Measure {
    private final LifecycleObservation.Step step;
    private final String host;
    private final String module;
    private final long start = System.nanoTime();
    private final FlightEvents.Lifecycle event;

    private Measure(LifecycleObservation.Step step, String host, String module) {
      this.step = step;
      this.host = host;
      this.module = module;
      FlightEvents.Lifecycle recorded = FlightEvents.of(step);
      if (recorded.isEnabled()) {
        recorded.begin();
        this.event = recorded;
      } else {
        this.event = null;
      }
    }

    /** Ends the measure: {@code failure} is what the operation threw, or {@code null}. */
    private void end(Throwable failure) {
      String outcome = failure == null
          ? LifecycleObservation.OK
          : failure instanceof ModuleException refused ? refused.code() : "error";
      if (event != null) {
        event.end();
        if (event.shouldCommit()) {
          event.module = module;
          event.host = host;
          event.outcome = outcome;
          event.commit();
        }
      }
      if (observers.isEmpty()) {
        return;
      }
      LifecycleObservation observation =
          new LifecycleObservation(step, host, module, Duration.ofNanos(System.nanoTime() - start), outcome);
      for (LifecycleObserver observer : observers) {
        try {
          observer.observed(observation);
        } catch (RuntimeException failed) {
          LOG.log(Level.WARNING, () -> "lifecycle observer " + observer + " threw", failed);
        }
      }
    }
  }
}
