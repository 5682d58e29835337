package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/** Activating a host: it becomes active, {@code host-activated} fires, then its module set loads. */
final class HostActivation extends Operation {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  HostActivation(Server server) {
    super(server);
  }

  /**
   * @return the failures of the modules of its set that did not load (each logged too), in order
   * @throws ModuleException {@code host-already-active}, {@code unknown-host}, {@code
   *     invalid-name}: decided before anything changes
   */
  List<ModuleException> run(String name) {
    if (name.equals(ModuleManager.GLOBAL)) {
      throw ModuleException.globalHostIsFixed(name);
    }
    String malformed = ServerConfig.malformedHostName(name);
    if (malformed != null) {
      throw ModuleException.invalidHostName(name, malformed);
    }
    return server.observers.measure(LifecycleObservation.Step.HOST_ACTIVATION, name, null, () -> activate(name));
  }

  private List<ModuleException> activate(String name) {
    Server.Configured configured = server.configured();
    requireListed(configured.config(), name);
    Host host = server.table.activate(name);
    try {
      if (server.configured() != configured) {
        // A reconfigure swapped the configuration meanwhile, and may have looked at the active
        // hosts before this one was among them: this activation follows the new configuration.
        configured = server.configured();
        if (isUnlisted(configured.config(), name)) {
          // Through a deactivation: a load on it by another thread may have started meanwhile.
          new HostDeactivation(server).run(name);
          throw ModuleException.hostNotConfigured(name);
        }
      }
      post(host, Event.HOST_ACTIVATED, null);
      deliver();
      return loadModules(host, server.modulesFor(configured, name));
    } finally {
      host.activated();
    }
  }

  private List<ModuleException> loadModules(Host host, List<String> modules) {
    List<ModuleException> failures = List.of();
    // One load operation for all of them: a host's activation allocates little besides its modules.
    LoadOperation load = new LoadOperation(server);
    for (int i = 0; i < modules.size(); i++) {
      String module = modules.get(i);
      try {
        // Read for each module: one installed meanwhile may be loaded by the next.
        Bindings bindings = server.bindings();
        Bindings.Installed installed = bindings.moduleSet(modules).installed(i);
        // A global module loaded for an earlier host already serves this one.
        load.run(host, installed.binding(), installed.slot(), bindings, LoadOperation.IfLoaded.SKIP);
      } catch (ModuleException failure) {
        LOG.log(Level.ERROR, () -> "module '" + module + "' did not load on host '" + host.name
            + "' while activating it: " + failure.getMessage(), failure);
        if (failures.isEmpty()) {
          failures = new ArrayList<>();
        }
        failures.add(failure);
      }
    }
    return failures;
  }

  private static void requireListed(ServerConfig config, String name) {
    if (isUnlisted(config, name)) {
      throw ModuleException.hostNotConfigured(name);
    }
  }

  /** Whether the configuration lists hosts, and not this one: then it cannot be activated. */
  static boolean isUnlisted(ServerConfig config, String name) {
    return !config.hosts().isEmpty() && !config.hosts().containsKey(name);
  }
}
