package io.hostmod.runtime;

/**
 * Deactivating a host: no module can be loaded on it any more, every module on it is unloaded
 * (newest first, each after what depends on it), then it goes and {@code host-deactivated} fires.
 * Only per-host modules and shared modules' host parts live on a host, so no global module is
 * ever unloaded by it.
 */
final class HostDeactivation extends Operation {

  HostDeactivation(Server server) {
    super(server);
  }

  /**
   * @throws ModuleException {@code unknown-host}; {@code module-busy} if a module of it cannot be
   *     unloaded (the host stays active, without the modules already unloaded)
   */
  void run(String name) {
    Host host = server.table.beginDeactivation(name);
    try {
      try {
        unloadAll(server, host);
      } catch (RuntimeException | Error refused) {
        server.table.reopen(host);
        throw refused;
      }
      server.table.remove(host);
      host.clearFailures();
      post(host, Event.HOST_DEACTIVATED, null);
    } finally {
      deliver();
    }
  }

  /** Unloads every module of a host, newest first; for a shutdown, of {@code "*"} too. */
  static void unloadAll(Server server, Host host) {
    UnloadOperation unload = new UnloadOperation(server);
    try {
      ModuleEntry<?>[] entries;
      while ((entries = host.entriesNewestFirst()).length > 0) {
        for (ModuleEntry<?> entry : entries) {
          Claim<?> claim = entry.claim(Claim.Purpose.UNLOAD, server.waits);
          if (claim != null) {
            unload.unload(claim);
          }
        }
      }
    } finally {
      unload.deliver();
    }
  }
}
