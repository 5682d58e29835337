package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one owner of the host -> module map. Every change to which host is active and which module
 * entry exists goes through here; each touches one host and one entry, never all of them.
 */
final class HostTable {

  private final Server server;
  private final Host global;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  HostTable(Server server) {
    this.server = server;
    this.global = new Host(ModuleManager.GLOBAL, server);
    hosts.put(global.name, global);
  }

  Host global() {
    return global;
  }

  /** The active host of that name, or {@code unknown-host} ({@code invalid-name} for a name no host can have). */
  Host active(String host, String module) {
    Host found = hosts.get(host);
    if (found == null || found.closing) {
      throw notActive(host, module);
    }
    return found;
  }

  private static ModuleException notActive(String host, String module) {
    String malformed = ServerConfig.malformedHostName(host);
    return malformed != null
        ? ModuleException.invalidHostName(host, malformed)
        : ModuleException.unknownHost(host, module);
  }

  Set<String> activeHosts() {
    Set<String> names = new TreeSet<>();
    hosts.forEach((name, host) -> {
      if (!host.closing) {
        names.add(name);
      }
    });
    return names;
  }

  Host activate(String name) {
    if (name.equals(ModuleManager.GLOBAL)) {
      throw ModuleException.globalHostIsFixed(name);
    }
    Host host = new Host(name, server);
    if (hosts.putIfAbsent(name, host) != null) {
      throw ModuleException.hostAlreadyActive(name);
    }
    return host;
  }

  /**
   * Marks the host as closing, so that no module can be loaded on it any more.
   *
   * @throws ModuleException {@code module-busy} if the current thread is loading, unloading or
   *     reloading a module of the host (a lifecycle method deactivating its own host): nothing
   *     is changed then
   */
  Host beginDeactivation(String name) {
    if (name.equals(ModuleManager.GLOBAL)) {
      throw ModuleException.globalHostIsFixed(name);
    }
    Host host = hosts.get(name);
    if (host == null) {
      throw notActive(name, null);
    }
    synchronized (host) {
      if (host.closing) {
        throw ModuleException.unknownHost(name, null);
      }
      for (ModuleEntry<?> entry : host.entries()) {
        if (entry.isClaimedByCurrentThread()) {
          throw ModuleException.busy(name, entry.name());
        }
      }
      host.closing = true;
    }
    return host;
  }

  /** Undoes {@link #beginDeactivation} when a module of the host could not be unloaded. */
  void reopen(Host host) {
    synchronized (host) {
      host.closing = false;
    }
  }

  void remove(Host host) {
    hosts.remove(host.name, host);
  }

  /** The host's entries, newest first: the order to unload them in. */
  List<ModuleEntry<?>> entriesNewestFirst(Host host) {
    List<ModuleEntry<?>> entries = host.entries();
    entries.sort((a, b) -> Integer.compare(b.sequence, a.sequence));
    return entries;
  }

  /** The host of that name, active or closing, or {@code null}. */
  Host find(String name) {
    return hosts.get(name);
  }

  /**
   * Claims a new entry for the module on the host, or, if the module is loaded there already,
   * returns that entry unclaimed. Waits while another thread loads or unloads it.
   */
  <M> ModuleEntry<M> claimOrFind(Host host, ModuleBinding<M> binding) {
    return claimOrFind(host, binding, server.slot(binding.name()));
  }

  /** {@link #claimOrFind(Host, ModuleBinding)} with the module's slot, known already. */
  @SuppressWarnings("unchecked") // a module's slot holds only entries of its binding
  <M> ModuleEntry<M> claimOrFind(Host host, ModuleBinding<M> binding, int slot) {
    while (true) {
      // Looked up first: most calls for a global entry find it, and need no new entry.
      ModuleEntry<?> existing = host.entry(slot);
      ModuleEntry<M> fresh = null;
      if (existing == null) {
        fresh = new ModuleEntry<>(host, binding, slot);
        existing = host.addIfAbsent(fresh);
      }
      if (existing == null) {
        if (host.closing) {
          drop(fresh);
          throw ModuleException.unknownHost(host.name, binding.name());
        }
        return fresh;
      }
      if (existing.awaitSettled()) {
        return (ModuleEntry<M>) existing;
      }
      // It was unloaded while we waited: try again.
    }
  }

  /** Claims a loaded entry for an unload, or {@code module-not-loaded}. */
  ModuleEntry<?> acquire(Host host, String name) {
    return acquire(host, name, false);
  }

  /**
   * Claims a loaded entry for an unload or reload, or {@code module-not-loaded} (saying why, if
   * its last load there failed).
   */
  ModuleEntry<?> acquire(Host host, String name, boolean forReload) {
    while (true) {
      ModuleEntry<?> entry = host.entry(name);
      if (entry == null) {
        Host.Failure failure = host.failure(name);
        throw failure == null
            ? ModuleException.notLoaded(host.name, name)
            : ModuleException.lastLoadFailed(host.name, name, failure.cause());
      }
      if (entry.acquire(forReload)) {
        return entry;
      }
    }
  }

  /** Removes a claimed entry from its host and ends the claim: the module is not loaded there. */
  void drop(ModuleEntry<?> entry) {
    entry.host.remove(entry);
    entry.settleGone();
  }
}
