package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import java.util.List;

/** What every part of one manager shares: its modules, configuration, host table and wait graph. */
final class Server {

  final Modules modules;
  final ServerConfig config;
  final List<String> alwaysLoaded;
  final HostTable table;
  /** Who waits for whom among this manager's threads, to refuse a wait that would deadlock. */
  final WaitGraph waits = new WaitGraph();

  /** The module set of every host the configuration does not list: the same for all of them. */
  private final List<String> unlistedHostModules;

  Server(Modules modules, ServerConfig config, List<String> alwaysLoaded) {
    this.modules = modules;
    this.config = config;
    this.alwaysLoaded = List.copyOf(alwaysLoaded);
    this.unlistedHostModules = config.modulesFor(ModuleManager.GLOBAL, this.alwaysLoaded);
    // Last: the host table makes the global host, whose table needs the modules.
    this.table = new HostTable(this);
  }

  Bindings bindings() {
    return modules.current();
  }

  /** The module's slot in every host's table, or -1 for a name never installed. */
  int slot(String module) {
    return modules.current().slot(module);
  }

  /** The modules to load when the host is activated, computed once for all unlisted hosts. */
  List<String> modulesFor(String host) {
    return config.hosts().containsKey(host) ? config.modulesFor(host, alwaysLoaded) : unlistedHostModules;
  }

  /** The host a module lives on when loaded for {@code host}: "*" for a global module. */
  Host homeOf(Host host, ModuleBinding<?> binding) {
    return binding.kind() == ModuleKind.GLOBAL ? table.global() : host;
  }

  /** The loaded entry of a module as seen from a host, or {@code null}. */
  ModuleEntry<?> loadedEntry(Host host, ModuleBinding<?> binding) {
    ModuleEntry<?> entry = homeOf(host, binding).entry(binding.name());
    return entry != null && entry.isLoaded() ? entry : null;
  }
}
