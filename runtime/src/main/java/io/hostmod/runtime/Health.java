package io.hostmod.runtime;

/**
 * How a module says it is doing, as Prosody's {@code module:set_status}: reported with {@link
 * ModuleContext#status}, shown by {@link ModuleManager#status()} beside the lifecycle state.
 */
public enum Health {
  /** Working as it should. */
  OK,
  /** Working, but degraded: a room full, a peer slow, a queue long. */
  WARN,
  /** Not doing its job: a backend unreachable, a timer task that threw. */
  ERROR
}
