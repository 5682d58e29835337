package io.hostmod.runtime;

import java.util.List;

/**
 * One active host and its modules, sorted by name, for an admin view.
 *
 * @param host the host, {@code "*"} for the global host
 * @param modules its modules: loaded, in transition, or failed
 * @param heldVersions on {@code "*"} only (empty elsewhere): module jar versions whose last
 *     instance was unloaded and whose class loader was closed but is still reachable: normal until
 *     the garbage collector runs; for long, something keeps the old code alive (a leak)
 */
public record HostStatus(String host, List<ModuleStatus> modules, List<String> heldVersions) {

  /** A host without held versions. */
  public HostStatus(String host, List<ModuleStatus> modules) {
    this(host, modules, List.of());
  }
}
