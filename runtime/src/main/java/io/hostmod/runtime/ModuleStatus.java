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
 * @param version for a module of a module jar, the version of the code its instance runs (the
 *     jar's file name and last-modified time, {@code chat.jar@2026-05-01T10:00:00Z}); {@code null}
 *     for a module of the class path
 */
public record ModuleStatus(
    String name, ModuleKind kind, ModuleState state, Instant since, String failure, ModuleHealth health,
    String version) {

  /** A module of the class path that reported no health. */
  public ModuleStatus(String name, ModuleKind kind, ModuleState state, Instant since, String failure) {
    this(name, kind, state, since, failure, null, null);
  }
}
