package io.hostmod.runtime;

import java.util.concurrent.ConcurrentHashMap;

/** An active host and its modules, by name. Owned by {@link HostTable}. */
final class Host {

  final String name;
  final ConcurrentHashMap<String, ModuleEntry<?>> modules = new ConcurrentHashMap<>();
  /** Set when deactivation starts: no module may be loaded from then on. */
  volatile boolean closing;

  Host(String name) {
    this.name = name;
  }

  boolean isGlobal() {
    return name.equals(ModuleManager.GLOBAL);
  }
}
