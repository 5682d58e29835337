package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleOption;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One reconfigure: a new {@link ServerConfig} checked whole against the installed modules, then
 * made the configuration at one instant, then its difference to the old one applied, host by
 * host, through the other operations.
 *
 * <p>Reconfigures run one at a time ({@link Server#beginReconfigure}); loads, unloads and reloads
 * run alongside. Each of those reads one configuration when it starts, the old or the new one;
 * this one looks at each host's entries only after the swap, and claims each entry it
 * reconfigures, so an entry another thread was loading with the old values is waited for and then
 * takes the new ones. A host that another thread is activating is waited for before its module
 * set is changed.
 *
 * <p>The rules:
 * <ul>
 *   <li>An active host (other than {@code "*"}) stays if the new configuration lists it, or if it
 *       lists no host at all (any host may then be activated) and the old one did not list it
 *       either; every other active host is deactivated. Hosts it lists that are not active are
 *       activated, last, under the new configuration.
 *   <li>On every host that stays, the modules the new module set drops are unloaded (newest
 *       first, each after what depends on it), those it adds are loaded, and so is a module of
 *       both sets that one of those unloads took down as a dependent. A global module lives on
 *       {@code "*"}: dropping it from a host's set leaves it loaded, as a host's deactivation does.
 *   <li>A loaded entry whose values of its {@code @Option} keys changed on its host ({@code "*"}
 *       for a global module and a shared module's global instance: the global section) takes the
 *       new values: in place through its {@code @Reconfigure} if it has one and no key lost its
 *       value (a field's default is known only to a new instance), else by a reload with its
 *       {@code @Save} state. A shared module's host part has no fields: it is reloaded on its host
 *       ({@code @Unload(HostContext)}, then {@code @AddHost} reading the new values), unless its
 *       global instance was reloaded by this reconfigure, which attached it again already.
 *   <li>A {@code @Reconfigure} that throws is reported ({@code reconfigure-failed}) and the module
 *       reloaded on that host, so that a new instance runs with the new values.
 *   <li>A failure is logged, shown in {@code status()} where it is a module's, and listed in the
 *       {@link ConfigChanges}; every other change is still applied.
 * </ul>
 */
final class ReconfigureOperation extends Operation {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  /** How an entry takes new option values. */
  private enum Change {
    NONE,
    IN_PLACE,
    RELOAD
  }

  private final List<String> activated = new ArrayList<>();
  private final List<String> deactivated = new ArrayList<>();
  private final Map<String, HostLog> changed = new TreeMap<>();
  private final List<ModuleException> failures = new ArrayList<>();
  /** Shared modules reloaded on "*" by this reconfigure: their host parts were attached again. */
  private final Set<String> reloadedGlobally = new HashSet<>();

  ReconfigureOperation(Server server) {
    super(server);
  }

  /**
   * @throws ModuleException {@code bad-config} listing every problem (nothing changed); {@code
   *     module-busy} if called from a callback of a reconfigure, or of an operation it waits for
   */
  ConfigChanges run(ServerConfig next) {
    ConfigChanges changes;
    server.beginReconfigure();
    try {
      try {
        changes = apply(next);
      } finally {
        deliver();
      }
    } finally {
      server.endReconfigure();
    }
    // Once no reconfigure runs: a listener may reconfigure again.
    server.table.global().events.fire(new Event(Event.CONFIG_RELOADED, ModuleManager.GLOBAL, null, changes));
    return changes;
  }

  private ConfigChanges apply(ServerConfig next) {
    Bindings bindings = server.bindings();
    Set<String> active = server.table.activeHosts();
    active.remove(ModuleManager.GLOBAL);
    Collection<String> hosts = next.hosts().isEmpty() ? active : next.hosts().keySet();
    List<String> problems = ConfigCheck.problems(next, bindings, server.alwaysLoaded, hosts);
    if (!problems.isEmpty()) {
      throw ModuleException.badConfig(problems);
    }
    Server.Configured before = server.configured();
    server.swap(next);
    Server.Configured after = server.configured();
    List<Host> staying = new ArrayList<>();
    for (String name : server.table.activeHosts()) {
      Host host = server.table.find(name);
      if (host == null || host.isGlobal()) {
        continue;
      }
      if (stays(name, before.config(), next)) {
        staying.add(host);
      } else {
        deactivate(name);
      }
    }
    takeNewOptions(server.table.global(), before.config(), next);
    for (Host host : staying) {
      awaitActivation(host);
      if (!host.closing) {
        changeModules(host, before, after);
      }
    }
    Set<String> activeNow = server.table.activeHosts();
    for (String name : next.hosts().keySet()) {
      if (!activeNow.contains(name)) {
        activate(name);
      }
    }
    Map<String, ConfigChanges.HostChanges> modules = new TreeMap<>();
    changed.forEach((host, log) -> modules.put(host, log.build()));
    return new ConfigChanges(activated, deactivated, modules, failures);
  }

  /** Whether an active host stays active under the new configuration (see the class's rules). */
  static boolean stays(String host, ServerConfig before, ServerConfig next) {
    return next.hosts().containsKey(host) || (next.hosts().isEmpty() && !before.hosts().containsKey(host));
  }

  private void deactivate(String name) {
    try {
      new HostDeactivation(server).run(name);
      deactivated.add(name);
    } catch (ModuleException failure) {
      if (!failure.code().equals(ModuleException.UNKNOWN_HOST)) { // else: gone meanwhile
        failed(failure);
      }
    }
  }

  private void activate(String name) {
    try {
      failures.addAll(new HostActivation(server).run(name));
      activated.add(name);
    } catch (ModuleException failure) {
      if (!failure.code().equals(ModuleException.HOST_ALREADY_ACTIVE)) { // else: activated meanwhile
        failed(failure);
      }
    }
  }

  /**
   * Waits for another thread's activation of the host to load its module set, so that the
   * difference is taken against what it loaded. A callback of that activation that calls
   * reconfigure meanwhile fails with {@code module-busy} ({@link Server#beginReconfigure}).
   */
  private void awaitActivation(Host host) {
    Thread activating = host.activatingBy();
    if (activating != null && activating != Thread.currentThread()) {
      server.awaitActivationBy(activating, host::awaitActivated);
    }
  }

  /** Drops, reconfigures, then adds modules on a host that stays active. */
  private void changeModules(Host host, Server.Configured before, Server.Configured after) {
    Bindings bindings = server.bindings();
    List<String> was = server.modulesFor(before, host.name);
    List<String> is = server.modulesFor(after, host.name);
    Set<String> loadedBefore = new HashSet<>();
    for (String module : is) {
      if (isLoaded(host, bindings, module)) {
        loadedBefore.add(module);
      }
    }
    for (int i = was.size() - 1; i >= 0; i--) {
      if (!is.contains(was.get(i))) {
        unload(host, was.get(i));
      }
    }
    takeNewOptions(host, before.config(), after.config());
    for (String module : is) {
      boolean wanted = !was.contains(module) || loadedBefore.contains(module);
      if (wanted && !isLoaded(host, bindings, module)) {
        load(host, bindings, module);
      }
    }
  }

  private boolean isLoaded(Host host, Bindings bindings, String module) {
    return bindings.has(module) && server.loadedEntry(host, bindings.named(module)) != null;
  }

  /** Unloads a module the host's set dropped, if it is loaded there (a global one lives on "*"). */
  private void unload(Host host, String module) {
    ModuleEntry<?> entry = host.entry(module);
    if (entry == null || !entry.isLoaded()) {
      return;
    }
    try {
      new UnloadOperation(server).run(host, module, entry.slot);
      log(host).unloaded.add(module);
    } catch (ModuleException failure) {
      if (!failure.code().equals(ModuleException.MODULE_NOT_LOADED) && !failure.code().equals(ModuleException.MODULE_NOT_FOUND)) {
        // else: unloaded meanwhile (and, for module-not-found, its module jar withdrawn too)
        failed(failure);
      }
    }
  }

  private void load(Host host, Bindings bindings, String module) {
    try {
      new LoadOperation(server).run(host, bindings.named(module), server.slot(module), bindings, LoadOperation.IfLoaded.SKIP);
      log(host).loaded.add(module);
    } catch (ModuleException failure) {
      failed(failure);
    }
  }

  /** Gives every loaded entry of the host whose option values changed there the new ones. */
  private void takeNewOptions(Host host, ServerConfig before, ServerConfig after) {
    for (ModuleEntry<?> entry : host.entries()) {
      Change change = change(entry.binding, host.name, before, after);
      if (change == Change.NONE || (entry.isHostPart() && reloadedGlobally.contains(entry.name))) {
        continue;
      }
      if (change == Change.IN_PLACE && !entry.isHostPart()) {
        reconfigure(entry);
      } else {
        reload(host, entry.name);
      }
    }
  }

  /** How a module's values of its option keys changed on a host, if they did. */
  private static Change change(ModuleBinding<?> binding, String host, ServerConfig before, ServerConfig after) {
    Change change = Change.NONE;
    for (ModuleOption option : binding.options()) {
      Object was = before.option(host, option.key()).orElse(null);
      Object is = after.option(host, option.key()).orElse(null);
      if (!Objects.equals(was, is)) {
        if (is == null || !binding.reconfigurable()) {
          return Change.RELOAD;
        }
        change = Change.IN_PLACE;
      }
    }
    return change;
  }

  /** Calls the entry's {@code @Reconfigure} under its claim; a reload if it throws. */
  private <M> void reconfigure(ModuleEntry<M> entry) {
    Claim<M> claim = entry.claim(Claim.Purpose.RECONFIGURE, server.waits);
    if (claim == null) {
      return; // unloaded meanwhile
    }
    try {
      Callbacks.reconfigure(claim);
    } catch (ModuleException failure) {
      entry.release(claim);
      failed(failure);
      reload(entry.host, entry.name);
      return;
    }
    queued(entry.host, entry.post(claim, Event.MODULE_RECONFIGURED));
    entry.release(claim);
    log(entry.host).reconfigured.add(entry.name);
  }

  private void reload(Host host, String module) {
    try {
      new ReloadOperation(server).run(host, module);
      log(host).reloaded.add(module);
      if (host.isGlobal()) {
        reloadedGlobally.add(module);
      }
    } catch (ModuleException failure) {
      if (!failure.code().equals(ModuleException.MODULE_NOT_LOADED)) { // else: unloaded meanwhile
        failed(failure);
      }
    }
  }

  private void failed(ModuleException failure) {
    LOG.log(Level.ERROR, () -> "reconfigure: " + failure.getMessage(), failure);
    failures.add(failure);
  }

  private HostLog log(Host host) {
    return changed.computeIfAbsent(host.name, name -> new HostLog());
  }

  /** What changed on one host so far. */
  private static final class HostLog {
    final List<String> loaded = new ArrayList<>();
    final List<String> unloaded = new ArrayList<>();
    final List<String> reconfigured = new ArrayList<>();
    final List<String> reloaded = new ArrayList<>();

    ConfigChanges.HostChanges build() {
      return new ConfigChanges.HostChanges(loaded, unloaded, reconfigured, reloaded);
    }
  }
}
