package io.hostmod.runtime;

import java.time.Instant;

/**
 * Where a {@link ModuleManager} reads the time: the timers of its modules ({@link
 * ModuleContext#schedule}, {@link ModuleContext#every}, {@code @Every}) and the times {@link
 * ModuleManager#status()} shows. A server uses {@link #system()}, the default; a test gives the
 * manager a {@link ManualClock} and moves it, so timers fire without anyone sleeping:
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * ModuleManager modules = ModuleManager.builder().discoverCatalogs().clock(clock).build();
 * ...
 * clock.advance(Duration.ofMinutes(5));   // every timer due by then fires once
 * modules.awaitTimers(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>An implementation is safe to use from many threads. One that flows with real time needs only
 * {@link #nanoTime()} and {@link #instant()}; one whose time jumps (a test clock) calls the
 * listeners of {@link #onJump} after each jump, so that the scheduler looks again at once.
 */
public interface TimeSource {

  /** The system's time: {@link System#nanoTime()} and {@link System#currentTimeMillis()}. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }

  /** A monotonic reading in nanoseconds, for timers: only differences between readings count. */
  long nanoTime();

  /** The wall-clock time now, for status. */
  Instant instant();

  /** The wall-clock time now in milliseconds since the epoch. */
  default long millis() {
    return instant().toEpochMilli();
  }

  /**
   * Calls {@code listener} after every jump of this time source until the registration is
   * closed. A time source that flows with real time never jumps: this default keeps nothing.
   */
  default Registration onJump(Runnable listener) {
    return () -> {};
  }

  /** The system time source. */
  enum SystemTime implements TimeSource {
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant instant() {
      return Instant.now();
    }

    @Override
    public long millis() {
      return System.currentTimeMillis();
    }
  }
}
