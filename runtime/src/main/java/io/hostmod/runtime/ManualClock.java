package io.hostmod.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link TimeSource} that stands still until it is moved: for tests, which give it to {@link
 * ModuleManager.Builder#clock} and {@link #advance} it instead of sleeping. Moving it makes every
 * timer due by the new time fire (a periodic one once, however many periods passed); {@link
 * ModuleManager#awaitTimers} then waits until their tasks have run. Safe to use from many threads.
 */
public final class ManualClock implements TimeSource {

  private final Instant start;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  /** Nanoseconds moved since {@link #start}. */
  private long elapsed;

  /** A clock standing at 2000-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2000-01-01T00:00:00Z"));
  }

  /** A clock standing at {@code start}. */
  public ManualClock(Instant start) {
    if (start == null) {
      throw new NullPointerException("start");
    }
    this.start = start;
  }

  /**
   * Moves the clock forward, then tells the schedulers that use it, which start the tasks now due
   * before this returns (on their own threads: a task that blocks does not block this call).
   *
   * @throws IllegalArgumentException for a negative duration: time does not go back
   */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + by);
    }
    synchronized (this) {
      elapsed += by.toNanos();
    }
    for (Runnable listener : listeners) {
      listener.run();
    }
  }

  @Override
  public synchronized long nanoTime() {
    return elapsed;
  }

  @Override
  public synchronized Instant instant() {
    return start.plusNanos(elapsed);
  }

  @Override
  public Registration onJump(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "ManualClock at " + instant();
  }
}
