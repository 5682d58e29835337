package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.util.List;

/** Activating a host: it becomes active, {@code host-activated} fires, then its module set loads. */
final class HostActivation extends Operation {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  HostActivation(Server server) {
    super(server);
  }

  /**
   * @throws ModuleException {@code host-already-active}, {@code unknown-host}, {@code
   *     invalid-name}: decided before anything changes
   */
  void run(String name) {
    if (name.equals(ModuleManager.GLOBAL)) {
      throw ModuleException.globalHostIsFixed(name);
    }
    String malformed = ServerConfig.malformedHostName(name);
    if (malformed != null) {
      throw ModuleException.invalidHostName(name, malformed);
    }
    if (!server.config.hosts().isEmpty() && !server.config.hosts().containsKey(name)) {
      throw ModuleException.hostNotConfigured(name);
    }
    List<String> modules = server.modulesFor(name);
    Host host = server.table.activate(name);
    post(host, Event.HOST_ACTIVATED, null);
    deliver();
    // One load operation for all of them: a host's activation allocates little besides its modules.
    LoadOperation load = new LoadOperation(server);
    for (String module : modules) {
      try {
        // A global module loaded for an earlier host already serves this one.
        Bindings bindings = server.bindings();
        load.run(host, bindings.named(module), bindings, LoadOperation.IfLoaded.SKIP);
      } catch (ModuleException failure) {
        LOG.log(Level.ERROR, () -> "module '" + module + "' did not load on host '" + name
            + "' while activating it: " + failure.getMessage(), failure);
      }
    }
  }
}
