package io.hostmod.runtime;

import java.util.function.BooleanSupplier;

/** Waiting on a monitor the way every wait of the runtime does. */
final class Monitors {

  private Monitors() {}

  /**
   * Waits on the monitor, which the caller holds, until {@code done} is true. An interrupt does
   * not end the wait, as operations are short and must not be left half done; it is kept as the
   * thread's flag.
   */
  static void awaitUninterruptibly(Object monitor, BooleanSupplier done) {
    boolean interrupted = false;
    while (!done.getAsBoolean()) {
      try {
        monitor.wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
