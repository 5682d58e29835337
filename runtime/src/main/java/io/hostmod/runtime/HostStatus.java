package io.hostmod.runtime;

import java.util.List;

/**
 * One active host and its modules, sorted by name, for an admin view.
 *
 * @param host the host, {@code "*"} for the global host
 * @param modules its modules: loaded, in transition, or failed
 */
public record HostStatus(String host, List<ModuleStatus> modules) {}
