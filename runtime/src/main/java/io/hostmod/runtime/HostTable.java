package io.hostmod.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Which hosts are active: the global host {@code "*"}, always, and the hosts activated since. */
final class HostTable {

  private final Server server;
  private final Host global;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  HostTable(Server server) {
    this.server = server;
    this.global = new Host(ModuleManager.GLOBAL, server);
    global.activated();
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

  /** Every host, active or closing, "*" included. */
  List<Host> hosts() {
    return new ArrayList<>(hosts.values());
  }

  /**
   * Makes a host active. A host of that name being deactivated by another thread is waited for:
   * every other call already treats it as inactive.
   *
   * @throws ModuleException {@code host-already-active}, also when the current thread is the one
   *     deactivating it (a callback of that deactivation)
   */
  Host activate(String name) {
    Host host = new Host(name, server);
    while (true) {
      Host existing = hosts.putIfAbsent(name, host);
      if (existing == null) {
        return host;
      }
      synchronized (existing) {
        if (!existing.closing || existing.closingBy == Thread.currentThread()) {
          throw ModuleException.hostAlreadyActive(name);
        }
        awaitGoneOrReopened(existing);
      }
    }
  }

  /** Waits, holding its monitor, until a closing host is removed or reopened. */
  private void awaitGoneOrReopened(Host closing) {
    Monitors.awaitUninterruptibly(closing, () -> !closing.closing || hosts.get(closing.name) != closing);
  }

  /**
   * Marks the host as closing, so that no module can be loaded on it any more.
   *
   * @throws ModuleException {@code unknown-host} if it is not active; {@code module-busy} if the
   *     current thread holds a claim on one of its entries (a lifecycle method deactivating its
   *     own host): nothing is changed then
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
      ModuleEntry<?> held = host.entryClaimedByCurrentThread();
      if (held != null) {
        throw ModuleException.busy(name, held.name);
      }
      host.closing = true;
      host.closingBy = Thread.currentThread();
    }
    return host;
  }

  /** Undoes {@link #beginDeactivation} when a module of the host could not be unloaded. */
  void reopen(Host host) {
    synchronized (host) {
      host.closing = false;
      host.closingBy = null;
      host.notifyAll();
    }
  }

  /** Removes a deactivated host, and wakes an activation of the same name waiting for it. */
  void remove(Host host) {
    synchronized (host) {
      hosts.remove(host.name, host);
      host.notifyAll();
    }
  }

  /** The host of that name, active or closing, or {@code null}. */
  Host find(String name) {
    return hosts.get(name);
  }
}
