package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every part of one manager shares: the bindings, the configuration and the host table. */
final class Server {

  final Bindings bindings;
  final ServerConfig config;
  final List<String> alwaysLoaded;
  /** Each module's slot in a host's entries (its place among the sorted names), by name. */
  private final Map<String, Integer> slots = new HashMap<>();
  final HostTable table;

  /** The module set of every host the configuration does not list: the same for all of them. */
  private final List<String> unlistedHostModules;

  Server(Bindings bindings, ServerConfig config, List<String> alwaysLoaded) {
    this.bindings = bindings;
    this.config = config;
    this.alwaysLoaded = List.copyOf(alwaysLoaded);
    this.unlistedHostModules = config.modulesFor(ModuleManager.GLOBAL, this.alwaysLoaded);
    for (String name : bindings.names()) {
      slots.put(name, slots.size());
    }
    // Last: the host table makes the global host, whose entries need the slots.
    this.table = new HostTable(this);
  }

  /** The module's slot in every host's entries, or -1 for a name no catalog has. */
  int slot(String module) {
    Integer slot = slots.get(module);
    return slot == null ? -1 : slot;
  }

  /** How many slots a host's entries have: one per module of the catalogs. */
  int slots() {
    return slots.size();
  }

  /** The modules to load when the host is activated, computed once for all unlisted hosts. */
  List<String> modulesFor(String host) {
    return config.hosts().containsKey(host) ? config.modulesFor(host, alwaysLoaded) : unlistedHostModules;
  }

  /** The host a module of this binding lives on when loaded for {@code host}: "*" for a global module. */
  Host homeOf(Host host, ModuleBinding<?> binding) {
    return binding.kind() == ModuleKind.GLOBAL ? table.global() : host;
  }

  /** The loaded entry of a module as seen from a host, or {@code null}. */
  ModuleEntry<?> loadedEntry(Host host, ModuleBinding<?> binding) {
    ModuleEntry<?> entry = homeOf(host, binding).entry(binding.name());
    return entry != null && entry.isLoaded() ? entry : null;
  }

  /**
   * Fires a lifecycle event on a host, and on the server too when the host is a real one; the
   * event is made only when someone listens, which on most loads and unloads nobody does.
   */
  void fireOnHostAndServer(Host host, String event, String module) {
    boolean onHost = host.events.hasHandlers(event);
    boolean onServer = !host.isGlobal() && table.global().events.hasHandlers(event);
    if (onHost || onServer) {
      Event fired = new Event(event, host.name, module, null);
      if (onHost) {
        host.events.fire(fired);
      }
      if (onServer) {
        table.global().events.fire(fired);
      }
    }
  }

  /** Fires an event on a host, and on the server too when the host is a real one. */
  void fireOnHostAndServer(Host host, Event event) {
    host.events.fire(event);
    if (!host.isGlobal()) {
      table.global().events.fire(event);
    }
  }
}
