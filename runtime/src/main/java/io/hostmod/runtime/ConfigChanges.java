package io.hostmod.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link ModuleManager#reconfigure} changed: returned by it, and the data of the {@code
 * config-reloaded} event.
 *
 * @param hostsActivated the hosts it activated, in the new configuration's order
 * @param hostsDeactivated the hosts it deactivated, sorted
 * @param modules what changed on each host that stayed active ({@code "*"} included), by host,
 *     sorted; a host with no change is not listed
 * @param failures what went wrong while applying (a module that did not load, a {@code
 *     @Reconfigure} that threw), each also logged and shown in {@link ModuleManager#status()};
 *     every other change was applied
 */
public record ConfigChanges(
    List<String> hostsActivated,
    List<String> hostsDeactivated,
    Map<String, HostChanges> modules,
    List<ModuleException> failures) {

  public ConfigChanges {
    hostsActivated = List.copyOf(hostsActivated);
    hostsDeactivated = List.copyOf(hostsDeactivated);
    modules = Collections.unmodifiableMap(new TreeMap<>(modules));
    failures = List.copyOf(failures);
  }

  /** Whether nothing changed and nothing failed. */
  public boolean isEmpty() {
    return hostsActivated.isEmpty() && hostsDeactivated.isEmpty() && modules.isEmpty() && failures.isEmpty();
  }

  /**
   * What changed on one host, each list in the order it happened. The modules a load brought
   * with it as dependencies, and the dependents an unload took down first, are not listed: their
   * own {@code module-loaded} and {@code module-unloaded} events say so.
   *
   * @param loaded modules the new module set added, loaded
   * @param unloaded modules the new module set dropped, unloaded
   * @param reconfigured modules whose {@code @Reconfigure} took the new option values in place
   * @param reloaded modules reloaded with their {@code @Save} state to take new option values
   */
  public record HostChanges(
      List<String> loaded, List<String> unloaded, List<String> reconfigured, List<String> reloaded) {

    public HostChanges {
      loaded = List.copyOf(loaded);
      unloaded = List.copyOf(unloaded);
      reconfigured = List.copyOf(reconfigured);
      reloaded = List.copyOf(reloaded);
    }
  }
}
