package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The load, unload and reload rules (Prosody's, without its weak spots), applied to entries of
 * the {@link HostTable}. Every call into module code goes through here, with the entry claimed and
 * no lock held. A failed step cleans up what the operation itself did before the exception leaves:
 * the entries it created, the hooks and items they registered, the dependencies it loaded.
 */
final class Lifecycle {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  private final Server server;
  private final HostTable table;

  Lifecycle(Server server) {
    this.server = server;
    this.table = server.table;
  }

  // ---- load

  /** Loads the module on the host, its dependencies first; on failure, unloads those it loaded. */
  <M> void load(Host host, ModuleBinding<M> binding) {
    List<ModuleEntry<?>> loadedHere = new ArrayList<>();
    try {
      loadWithDependencies(host, binding, loadedHere);
    } catch (RuntimeException | Error failure) {
      for (int i = loadedHere.size() - 1; i >= 0; i--) {
        unloadEntry(loadedHere.get(i));
      }
      throw failure;
    }
  }

  /**
   * Loads the dependencies the host does not have yet (recording them in {@code loadedHere}),
   * then the module, and links it to its dependencies so that unloading one unloads it first.
   */
  private <M> ModuleEntry<M> loadWithDependencies(
      Host host, ModuleBinding<M> binding, List<ModuleEntry<?>> loadedHere) {
    List<ModuleEntry<?>> dependencies = new ArrayList<>();
    for (String name : binding.dependencies()) {
      ModuleBinding<?> dependency = server.bindings.dependency(binding.name(), name);
      if (server.config.isDisabled(host.name, name)) {
        throw ModuleException.dependencyDisabled(host.name, binding.name(), name);
      }
      ModuleEntry<?> entry = server.loadedEntry(host, dependency);
      if (entry == null) {
        try {
          entry = loadWithDependencies(host, dependency, loadedHere);
          loadedHere.add(entry);
        } catch (ModuleException raced) {
          // Another thread loaded it meanwhile: that is as good.
          entry = server.loadedEntry(host, dependency);
          if (entry == null) {
            throw raced;
          }
        }
      }
      dependencies.add(entry);
    }
    ModuleEntry<M> entry = loadOne(host, binding);
    for (ModuleEntry<?> dependency : dependencies) {
      if (!dependency.addDependent(entry)) {
        unloadEntry(entry);
        throw ModuleException.dependencyGone(host.name, binding.name(), dependency.name());
      }
    }
    return entry;
  }

  private <M> ModuleEntry<M> loadOne(Host host, ModuleBinding<M> binding) {
    return switch (binding.kind()) {
      case PER_HOST -> loadInstance(host, binding, host);
      case GLOBAL -> loadInstance(host, binding, table.global());
      case SHARED -> host.isGlobal() ? loadInstance(host, binding, host) : attach(host, binding);
    };
  }

  /** Creates the module's instance on {@code target}: the host asked for, or "*" for a global module. */
  private <M> ModuleEntry<M> loadInstance(Host asked, ModuleBinding<M> binding, Host target) {
    ModuleEntry<M> entry = table.claimOrFind(target, binding);
    if (!entry.isClaimedByCurrentThread()) {
      throw asked == target
          ? ModuleException.alreadyLoaded(asked.name, binding.name())
          : ModuleException.globalAlreadyLoaded(asked.name, binding.name());
    }
    try {
      entry.setPart(create(entry));
    } catch (RuntimeException | Error failure) {
      abandon(entry, failure);
      throw failure;
    }
    entry.settle(true);
    loaded(entry);
    return entry;
  }

  /**
   * Loads a shared module on a real host: creates the global instance if this is the first host
   * (the global entry stays claimed until this host's {@code @AddHost} returned, so the creation
   * and the first attach succeed or fail together), then calls {@code @AddHost}.
   */
  private <M> ModuleEntry<M> attach(Host host, ModuleBinding<M> binding) {
    ModuleEntry<M> entry = table.claimOrFind(host, binding);
    if (!entry.isClaimedByCurrentThread()) {
      throw ModuleException.alreadyLoaded(host.name, binding.name());
    }
    ModuleEntry<M> global;
    try {
      global = joinGlobal(entry);
    } catch (RuntimeException | Error failure) {
      abandon(entry, failure);
      throw failure;
    }
    boolean first = global.isClaimedByCurrentThread();
    try {
      entry.setPart(addHost(entry, global.part().module()));
    } catch (RuntimeException | Error failure) {
      entry.detachFromGlobal();
      abandon(entry, failure);
      if (first) {
        callUnload(global);
        global.releaseOwned();
        table.drop(global);
      }
      throw failure;
    }
    entry.settle(true);
    if (first) {
      global.settle(true);
      loaded(global);
    }
    loaded(entry);
    return entry;
  }

  /** Attaches the host entry to the module's global entry, creating the global instance if needed. */
  private <M> ModuleEntry<M> joinGlobal(ModuleEntry<M> hostEntry) {
    while (true) {
      ModuleEntry<M> global = table.claimOrFind(table.global(), hostEntry.binding);
      if (global.isClaimedByCurrentThread()) {
        try {
          global.setPart(create(global));
        } catch (RuntimeException | Error failure) {
          abandon(global, failure);
          throw failure;
        }
      }
      if (global.attach(hostEntry)) {
        return global;
      }
      // The global instance was being unloaded: wait for a new one.
    }
  }

  /** Calls the constructor and {@code @Load}, then registers the module's hooks. */
  private <M> HostPart<M> create(ModuleEntry<M> entry) {
    ModuleBinding<M> binding = entry.binding;
    Context context = new Context(entry, server);
    M module;
    try {
      module = binding.create(context);
    } catch (Throwable failure) {
      throw asLoadFailure(entry, "the constructor", failure);
    }
    try {
      binding.load(module, context);
    } catch (Throwable failure) {
      // It never finished loading, so its @Unload is not called.
      throw asLoadFailure(entry, "@Load", failure);
    }
    HostPart<M> part = new HostPart<>(module, context);
    if (binding.kind() != ModuleKind.SHARED) {
      registerHooks(entry, part);
    }
    return part;
  }

  /**
   * A module's own option problem keeps its code (missing-option, bad-option: the operator must
   * fix the configuration); anything else the module threw becomes load-failed with the cause.
   */
  private static ModuleException asLoadFailure(ModuleEntry<?> entry, String step, Throwable failure) {
    if (failure instanceof ModuleException own
        && (own.code().equals(ModuleException.MISSING_OPTION) || own.code().equals(ModuleException.BAD_OPTION))
        && entry.name().equals(own.module())) {
      return own;
    }
    return ModuleException.loadFailed(entry.host(), entry.name(), step, failure);
  }

  private <M> HostPart<M> addHost(ModuleEntry<M> hostEntry, M module) {
    Context context = new Context(hostEntry, server);
    try {
      hostEntry.binding.addHost(module, context);
    } catch (Throwable failure) {
      throw ModuleException.loadFailed(hostEntry.host(), hostEntry.name(), "@AddHost", failure);
    }
    HostPart<M> part = new HostPart<>(module, context);
    registerHooks(hostEntry, part);
    return part;
  }

  /** Registers the module's {@code @Hook} methods on the entry's host, owned by the entry. */
  private static <M> void registerHooks(ModuleEntry<M> entry, HostPart<M> part) {
    for (ModuleHook<M> hook : entry.binding.hooks()) {
      ModuleHook.Handler<M> handler = hook.handler();
      entry.own(entry.host.events.add(
          hook.event(), hook.priority(), event -> handler.handle(part.module(), part.context(), event)));
    }
  }

  /** Drops an entry whose load failed: removes what it registered and records the failure. */
  private void abandon(ModuleEntry<?> entry, Throwable failure) {
    entry.releaseOwned();
    entry.host.failures.put(entry.name(), new Host.Failure(String.valueOf(failure.getMessage()), Instant.now()));
    table.drop(entry);
  }

  private void loaded(ModuleEntry<?> entry) {
    entry.host.failures.remove(entry.name());
    server.fireOnHostAndServer(entry.host, new Event(Event.MODULE_LOADED, entry.host(), entry.name(), null));
  }

  // ---- unload

  void unload(Host host, String name) {
    unloadAcquired(table.acquire(host, name));
  }

  /** Unloads every module of a closing host, newest first, then removes the host. */
  void deactivate(Host host) {
    List<ModuleEntry<?>> entries;
    while (!(entries = table.entriesNewestFirst(host)).isEmpty()) {
      for (ModuleEntry<?> entry : entries) {
        unloadEntry(entry);
      }
    }
    table.remove(host);
    host.failures.clear();
    table.global().events.fire(new Event(Event.HOST_DEACTIVATED, host.name, null, null));
  }

  /** Unloads an entry if it is still loaded. */
  private void unloadEntry(ModuleEntry<?> entry) {
    if (entry.acquire()) {
      unloadAcquired(entry);
    }
  }

  /**
   * Unloads a claimed entry: first the modules that depend on it, then (from "*", for a shared
   * module) every host part, then the module itself.
   */
  private <M> void unloadAcquired(ModuleEntry<M> entry) {
    for (ModuleEntry<?> dependent : entry.dependentEntries()) {
      unloadEntry(dependent);
    }
    if (entry.binding.kind() == ModuleKind.SHARED) {
      if (!entry.host.isGlobal()) {
        unloadHostPart(entry);
        return;
      }
      // Unlike Prosody, unloading a shared module from "*" first unloads it from every host.
      for (ModuleEntry<M> hostEntry : entry.attachedEntries()) {
        unloadEntry(hostEntry);
      }
    }
    callUnload(entry);
    gone(entry);
  }

  private <M> void unloadHostPart(ModuleEntry<M> hostEntry) {
    HostPart<M> part = hostEntry.partOrNull();
    hostEntry.setPart(null);
    hostEntry.detachFromGlobal();
    try {
      hostEntry.binding.unloadHost(part.module(), part.context());
    } catch (Throwable failure) {
      report("@Unload(HostContext)", hostEntry, failure);
    }
    gone(hostEntry);
  }

  private <M> void callUnload(ModuleEntry<M> entry) {
    HostPart<M> part = entry.partOrNull();
    entry.setPart(null);
    try {
      entry.binding.unload(part.module());
    } catch (Throwable failure) {
      report("@Unload", entry, failure);
    }
  }

  /** Removes an unloaded entry with everything it registered, and says so. */
  private void gone(ModuleEntry<?> entry) {
    entry.releaseOwned();
    entry.unlinkFromDependencies();
    table.drop(entry);
    server.fireOnHostAndServer(entry.host, new Event(Event.MODULE_UNLOADED, entry.host(), entry.name(), null));
  }

  // ---- reload

  void reload(Host host, String name) {
    ModuleEntry<?> entry = table.acquire(host, name, true);
    if (entry.binding.kind() == ModuleKind.SHARED && !host.isGlobal()) {
      reattach(entry);
    } else {
      reloadInstance(entry);
    }
    server.fireOnHostAndServer(host, new Event(Event.MODULE_RELOADED, host.name, name, null));
  }

  /**
   * Reloads a shared module on one host, as Prosody does: that host's {@code @Unload(HostContext)}
   * then {@code @AddHost} again; the global instance and its state are left alone, and so are
   * the modules that depend on it (they reach it through the same entry).
   */
  private <M> void reattach(ModuleEntry<M> hostEntry) {
    HostPart<M> old = hostEntry.partOrNull();
    hostEntry.setPart(null);
    hostEntry.releaseOwned();
    try {
      hostEntry.binding.unloadHost(old.module(), old.context());
    } catch (Throwable failure) {
      report("@Unload(HostContext)", hostEntry, failure);
    }
    try {
      hostEntry.setPart(addHost(hostEntry, old.module()));
    } catch (RuntimeException | Error failure) {
      hostEntry.detachFromGlobal();
      for (ModuleEntry<?> dependent : hostEntry.dependentEntries()) {
        unloadEntry(dependent);
      }
      hostEntry.unlinkFromDependencies();
      abandon(hostEntry, failure);
      server.fireOnHostAndServer(hostEntry.host,
          new Event(Event.MODULE_UNLOADED, hostEntry.host(), hostEntry.name(), null));
      throw failure;
    }
    hostEntry.settle(true);
  }

  /** A module unloaded for its dependency's reload, with its state, to be loaded back after. */
  private record SetAside(Host host, ModuleBinding<?> binding, Object state) {}

  /**
   * Replaces an instance: dependents are saved and unloaded, then this module is saved, unloaded,
   * created and restored, then the dependents are loaded back and restored. For a shared module's
   * global instance the host parts are unloaded first and attached to the new instance after,
   * unlike Prosody, which leaves them pointing at the old one.
   */
  private <M> void reloadInstance(ModuleEntry<M> entry) {
    ModuleBinding<M> binding = entry.binding;
    HostPart<M> old = entry.partOrNull();
    Object state;
    try {
      state = binding.save(old.module());
    } catch (Throwable failure) {
      entry.settle(true);
      throw ModuleException.saveFailed(entry.host(), binding.name(), failure);
    }
    List<SetAside> setAside = setAsideDependents(entry);
    List<ModuleEntry<M>> hostEntries = new ArrayList<>();
    for (ModuleEntry<M> hostEntry : entry.attachedEntries()) {
      if (hostEntry.acquire(true)) {
        setAside.addAll(setAsideDependents(hostEntry));
        hostEntries.add(hostEntry);
        HostPart<M> part = hostEntry.partOrNull();
        hostEntry.setPart(null);
        hostEntry.releaseOwned();
        try {
          binding.unloadHost(part.module(), part.context());
        } catch (Throwable failure) {
          report("@Unload(HostContext)", hostEntry, failure);
        }
      }
    }
    entry.releaseOwned();
    callUnload(entry);
    HostPart<M> fresh;
    try {
      fresh = create(entry);
    } catch (RuntimeException | Error failure) {
      for (ModuleEntry<M> hostEntry : hostEntries) {
        hostEntry.detachFromGlobal();
        gone(hostEntry);
      }
      entry.unlinkFromDependencies();
      abandon(entry, failure);
      server.fireOnHostAndServer(entry.host, new Event(Event.MODULE_UNLOADED, entry.host(), entry.name(), null));
      throw failure;
    }
    restore(entry, fresh, state);
    entry.setPart(fresh);
    ModuleException refused = null;
    for (ModuleEntry<M> hostEntry : hostEntries) {
      try {
        hostEntry.setPart(addHost(hostEntry, fresh.module()));
        hostEntry.settle(true);
      } catch (ModuleException failure) {
        hostEntry.detachFromGlobal();
        gone(hostEntry);
        refused = collect(refused, failure);
      }
    }
    entry.settle(true);
    for (SetAside dependent : setAside) {
      try {
        loadBack(dependent);
      } catch (ModuleException failure) {
        refused = collect(refused, failure);
      }
    }
    if (refused != null) {
      // The new instance is loaded; report the hosts and dependents that did not come back.
      throw refused;
    }
  }

  /** Saves and unloads the modules that depend on the entry, deepest last in the returned order. */
  private List<SetAside> setAsideDependents(ModuleEntry<?> entry) {
    List<SetAside> setAside = new ArrayList<>();
    for (ModuleEntry<?> dependent : entry.dependentEntries()) {
      if (!dependent.acquire(true)) {
        continue;
      }
      Object state = saveForDependencyReload(dependent);
      List<SetAside> deeper = setAsideDependents(dependent);
      unloadAcquired(dependent);
      setAside.add(new SetAside(dependent.host, dependent.binding, state));
      setAside.addAll(deeper);
    }
    return setAside;
  }

  private static <M> Object saveForDependencyReload(ModuleEntry<M> entry) {
    try {
      return entry.binding.save(entry.part().module());
    } catch (Throwable failure) {
      LOG.log(Level.WARNING, () -> "@Save of module '" + entry.name() + "' on host '" + entry.host()
          + "' threw while a module it depends on was reloaded; it is loaded back without its state", failure);
      return null;
    }
  }

  private void loadBack(SetAside dependent) {
    if (server.loadedEntry(dependent.host(), dependent.binding()) == null) {
      load(dependent.host(), dependent.binding());
    }
    restoreInto(server.loadedEntry(dependent.host(), dependent.binding()), dependent.state());
  }

  private <M> void restoreInto(ModuleEntry<M> entry, Object state) {
    if (entry != null && state != null) {
      restore(entry, entry.part(), state);
    }
  }

  private static <M> void restore(ModuleEntry<M> entry, HostPart<M> part, Object state) {
    try {
      entry.binding.restore(part.module(), state);
    } catch (Throwable failure) {
      LOG.log(
          Level.WARNING,
          () -> "@Restore of module '" + entry.name() + "' on host '" + entry.host() + "' threw;"
              + " the new instance stays loaded without the saved state",
          failure);
    }
  }

  private static ModuleException collect(ModuleException first, ModuleException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  /** Reports a failed unload step, which is not fatal. */
  private static void report(String step, ModuleEntry<?> entry, Throwable failure) {
    LOG.log(
        Level.WARNING,
        () -> step + " of module '" + entry.name() + "' on host '" + entry.host() + "' threw;"
            + " the unload completed anyway",
        failure);
  }
}
