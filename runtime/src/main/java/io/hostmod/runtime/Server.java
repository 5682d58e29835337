package io.hostmod.runtime;

import java.util.List;

/** What every part of one manager shares: the bindings, the configuration and the host table. */
final class Server {

  final Bindings bindings;
  final ServerConfig config;
  final List<String> alwaysLoaded;
  final HostTable table = new HostTable();

  Server(Bindings bindings, ServerConfig config, List<String> alwaysLoaded) {
    this.bindings = bindings;
    this.config = config;
    this.alwaysLoaded = List.copyOf(alwaysLoaded);
  }

  /** The host a module of this binding lives on when loaded for {@code host}: "*" for a global module. */
  Host homeOf(Host host, ModuleBinding<?> binding) {
    return binding.kind() == ModuleKind.GLOBAL ? table.global() : host;
  }

  /** The loaded entry of a module as seen from a host, or {@code null}. */
  ModuleEntry<?> loadedEntry(Host host, ModuleBinding<?> binding) {
    ModuleEntry<?> entry = homeOf(host, binding).modules.get(binding.name());
    return entry != null && entry.isLoaded() ? entry : null;
  }

  /** Fires an event on a host, and on the server too when the host is a real one. */
  void fireOnHostAndServer(Host host, Event event) {
    host.events.fire(event);
    if (!host.isGlobal()) {
      table.global().events.fire(event);
    }
  }
}
