package io.hostmod.runtime;

import java.time.Instant;

/**
 * One module on one host, for an admin view.
 *
 * @param name the module
 * @param kind per-host, global or shared
 * @param state where it is in its lifecycle
 * @param since when it entered that state
 * @param failure for {@link ModuleState#FAILED}, what went wrong; otherwise {@code null}
 * @param health what its instance last reported of its health ({@link ModuleContext#status}, or a
 *     timer task that threw); {@code null} if it reported nothing since it was loaded
 */
public record ModuleStatus(
    String name, ModuleKind kind, ModuleState state, Instant since, String failure, ModuleHealth health) {

  /** A module that reported no health. */
  public ModuleStatus(String name, ModuleKind kind, ModuleState state, Instant since, String failure) {
    this(name, kind, state, since, failure, null);
  }
}
