package io.hostmod.runtime;

import io.hostmod.runtime.spi.HostPart;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleHook;
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
    load(host, binding, System.currentTimeMillis());
  }

  /**
   * {@link #load(Host, ModuleBinding)} for an operation that read the clock at {@code at}, the time
   * the entries it loads are loaded since: a host's activation reads it once for all its modules.
   */
  <M> void load(Host host, ModuleBinding<M> binding, long at) {
    LoadCall call = new LoadCall(at);
    try {
      loadWithDependencies(host, binding, call);
    } catch (RuntimeException | Error failure) {
      // Newest first, so that what this call loaded on top of an entry is gone before it. An entry
      // that another load has started to use since stays: it is that load's now.
      List<ModuleEntry<?>> loadedHere = call.loadedOnTheWay();
      for (int i = loadedHere.size() - 1; i >= 0; i--) {
        ModuleEntry<?> loaded = loadedHere.get(i);
        try {
          if (loaded.acquireUnused()) {
            unloadAcquired(loaded);
          }
        } catch (RuntimeException | Error notRolledBack) {
          // Busy with an operation that waits for this one: it stays loaded, and the failure says so.
          failure.addSuppressed(notRolledBack);
        }
      }
      throw failure;
    }
  }

  /**
   * One call of {@link #load}: when it started, and the entries it loaded on the way besides the
   * module itself (dependencies, a shared module's global instance), oldest first, to unload
   * them again if it fails.
   */
  private static final class LoadCall {
    final long at;
    /** Made when the first is loaded: most loads load nothing on the way. */
    private List<ModuleEntry<?>> loadedOnTheWay;

    LoadCall(long at) {
      this.at = at;
    }

    void loadedOnTheWay(ModuleEntry<?> entry) {
      if (loadedOnTheWay == null) {
        loadedOnTheWay = new ArrayList<>();
      }
      loadedOnTheWay.add(entry);
    }

    List<ModuleEntry<?>> loadedOnTheWay() {
      return loadedOnTheWay == null ? List.of() : loadedOnTheWay;
    }
  }

  /**
   * Loads the dependencies the host does not have yet (recording them in {@code call}, with the
   * global instance of a shared one if this created it), then the module, linked to its
   * dependencies before any of its code runs, so that unloading one always unloads it first.
   */
  private <M> ModuleEntry<M> loadWithDependencies(Host host, ModuleBinding<M> binding, LoadCall call) {
    if (binding.dependencies().isEmpty()) {
      // Nothing to load, pin or link first: most modules.
      return loadOne(host, binding, List.of(), call);
    }
    while (true) {
      List<ModuleEntry<?>> dependencies = new ArrayList<>();
      try {
        try {
          loadDependencies(host, binding, call, dependencies);
        } catch (RuntimeException | Error failure) {
          // The module did not load, for a cause outside it: shown as its failure all the same.
          failed(server.homeOf(host, binding), binding.name(), failure);
          throw failure;
        }
        return loadOne(host, binding, dependencies, call);
      } catch (Relink raced) {
        // Another thread took a dependency for an unload or reload before this module was linked
        // to it, and none of this module's code ran yet: wait for that, then resolve them again.
        raced.dependency.awaitSettled();
      } finally {
        dependencies.forEach(ModuleEntry::unpin);
      }
    }
  }

  /**
   * Thrown, and caught by {@link #loadWithDependencies}, when a dependency could not be linked to
   * because another thread claimed it after it was pinned: the load starts over.
   */
  private static final class Relink extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ModuleEntry<?> dependency;

    Relink(ModuleEntry<?> dependency) {
      super(null, null, false, false);
      this.dependency = dependency;
    }
  }

  /**
   * Adds the entries of the module's dependencies on the host to {@code dependencies}, loading
   * those it does not have yet, each pinned until the module is linked to it.
   */
  private void loadDependencies(
      Host host,
      ModuleBinding<?> binding,
      LoadCall call,
      List<ModuleEntry<?>> dependencies) {
    for (String name : binding.dependencies()) {
      ModuleBinding<?> dependency = server.bindings.dependency(binding.name(), name);
      if (server.config.isDisabled(host.name, name)) {
        throw ModuleException.dependencyDisabled(host.name, binding.name(), name);
      }
      dependencies.add(pinnedDependency(host, dependency, call));
    }
  }

  /** The dependency's entry on the host, loaded first if it is not there, and pinned. */
  private ModuleEntry<?> pinnedDependency(
      Host host, ModuleBinding<?> dependency, LoadCall call) {
    while (true) {
      ModuleEntry<?> entry = server.loadedEntry(host, dependency);
      if (entry == null) {
        try {
          entry = loadWithDependencies(host, dependency, call);
          call.loadedOnTheWay(entry);
        } catch (ModuleException raced) {
          // Another thread loaded it meanwhile: that is as good.
          entry = server.loadedEntry(host, dependency);
          if (entry == null) {
            throw raced;
          }
        }
      }
      if (entry.pin()) {
        return entry;
      }
      // Another thread is unloading or reloading it: wait, then take it or load it again.
      entry.awaitSettled();
    }
  }

  private <M> ModuleEntry<M> loadOne(
      Host host,
      ModuleBinding<M> binding,
      List<ModuleEntry<?>> dependencies,
      LoadCall call) {
    return switch (binding.kind()) {
      case PER_HOST -> loadInstance(host, binding, host, dependencies, call);
      case GLOBAL -> loadInstance(host, binding, table.global(), dependencies, call);
      case SHARED ->
          host.isGlobal()
              ? loadInstance(host, binding, host, dependencies, call)
              : attach(host, binding, dependencies, call);
    };
  }

  /** Creates the module's instance on {@code target}: the host asked for, or "*" for a global module. */
  private <M> ModuleEntry<M> loadInstance(
      Host asked, ModuleBinding<M> binding, Host target, List<ModuleEntry<?>> dependencies, LoadCall call) {
    ModuleEntry<M> entry = table.claimOrFind(target, binding);
    if (!entry.isClaimedByCurrentThread()) {
      throw asked == target
          ? ModuleException.alreadyLoaded(asked.name, binding.name())
          : ModuleException.globalAlreadyLoaded(asked.name, binding.name());
    }
    try {
      linkTo(entry, dependencies);
      entry.setPart(create(entry));
      requireDependencies(entry);
    } catch (RuntimeException | Error failure) {
      HostPart<M> part = entry.partOrNull();
      if (part != null) {
        // It finished loading, but a lifecycle method of its own took away what it depends on.
        callUnload(entry);
      }
      abandon(entry, failure);
      throw failure;
    }
    entry.settleLoaded(call.at);
    loaded(entry);
    return entry;
  }

  /**
   * Links a claimed entry to the modules it depends on, before any of its code runs: from then on
   * an unload of one of them waits for this load, then unloads this module first.
   *
   * @throws Relink if another thread has claimed one of them since it was pinned
   */
  private static void linkTo(ModuleEntry<?> entry, List<ModuleEntry<?>> dependencies) {
    for (ModuleEntry<?> dependency : dependencies) {
      if (!dependency.addDependent(entry)) {
        throw new Relink(dependency);
      }
    }
  }

  /**
   * Fails a load whose module's own lifecycle method unloaded, directly or not, a module it
   * depends on (which no other thread can, as it waits for this load to finish first).
   */
  private static void requireDependencies(ModuleEntry<?> entry) {
    ModuleEntry<?> lost = entry.lostDependency();
    if (lost != null) {
      throw ModuleException.dependencyGone(lost.host(), entry.name(), lost.name());
    }
  }

  /**
   * Loads a shared module on a real host: creates the global instance if this is the first host
   * (the global entry stays claimed until this host's {@code @AddHost} returned, so the creation
   * and the first attach succeed or fail together), then calls {@code @AddHost}. A global instance
   * it created is recorded in {@code call}.
   */
  private <M> ModuleEntry<M> attach(
      Host host,
      ModuleBinding<M> binding,
      List<ModuleEntry<?>> dependencies,
      LoadCall call) {
    ModuleEntry<M> entry = table.claimOrFind(host, binding);
    if (!entry.isClaimedByCurrentThread()) {
      throw ModuleException.alreadyLoaded(host.name, binding.name());
    }
    ModuleEntry<M> global;
    try {
      linkTo(entry, dependencies);
      global = joinGlobal(entry);
    } catch (RuntimeException | Error failure) {
      abandon(entry, failure);
      throw failure;
    }
    boolean first = global.isClaimedByCurrentThread();
    try {
      entry.setPart(addHost(entry, global.part().module()));
      requireDependencies(entry);
    } catch (RuntimeException | Error failure) {
      HostPart<M> part = entry.partOrNull();
      if (part != null) {
        callUnloadHost(entry, part);
      }
      entry.detachFromGlobal();
      abandon(entry, failure);
      if (first) {
        callUnload(global);
        global.releaseOwned();
        table.drop(global);
      }
      throw failure;
    }
    entry.settleLoaded(call.at);
    if (first) {
      global.settleLoaded(call.at);
      call.loadedOnTheWay(global);
      loaded(global);
    }
    loaded(entry);
    return entry;
  }

  /** Attaches the host entry to the module's global entry, creating the global instance if needed. */
  private <M> ModuleEntry<M> joinGlobal(ModuleEntry<M> hostEntry) {
    while (true) {
      ModuleEntry<M> global = table.claimOrFind(table.global(), hostEntry.binding, hostEntry.slot);
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
    Context context = new Context(entry);
    M module;
    try {
      module = binding.create(context);
    } catch (Throwable failure) {
      context.close();
      throw asLoadFailure(entry, "the constructor", failure);
    }
    try {
      binding.load(module, context);
    } catch (Throwable failure) {
      // It never finished loading, so its @Unload is not called; what it registered is removed.
      context.close();
      throw asLoadFailure(entry, "@Load", failure);
    }
    HostPart<M> part = new HostPart<>(module, context);
    if (entry.kind != ModuleKind.SHARED) {
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
    Context context = new Context(hostEntry);
    try {
      hostEntry.binding.addHost(module, context);
    } catch (Throwable failure) {
      context.close();
      throw asLoadFailure(hostEntry, "@AddHost", failure);
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
          hook.event(), hook.priority(), event -> handler.handle(part.module(), part.context(), event)), null);
    }
  }

  /**
   * Drops an entry whose load failed: removes what it registered and its links to the modules it
   * depends on, and records the failure.
   */
  private void abandon(ModuleEntry<?> entry, Throwable failure) {
    entry.releaseOwned();
    entry.unlinkFromDependencies();
    if (!(failure instanceof Relink)) {
      failed(entry.host, entry.name(), failure);
    }
    table.drop(entry);
  }

  /** Records why the module's last load on the host failed, for {@link ModuleManager#status()}. */
  private static void failed(Host host, String module, Throwable failure) {
    host.failures().put(module, new Host.Failure(String.valueOf(failure.getMessage()), Instant.now()));
  }

  private void loaded(ModuleEntry<?> entry) {
    entry.host.clearFailure(entry.name);
    server.fireOnHostAndServer(entry.host, Event.MODULE_LOADED, entry.name);
  }

  // ---- unload

  void unload(Host host, String name) {
    unloadAcquired(table.acquire(host, name));
  }

  /**
   * Unloads every module of a closing host, newest first, then removes the host. If a module
   * cannot be unloaded ({@code module-busy}), the host stays active, without the modules already
   * unloaded.
   */
  void deactivate(Host host) {
    try {
      unloadAll(host);
    } catch (RuntimeException | Error refused) {
      table.reopen(host);
      throw refused;
    }
    table.remove(host);
    host.clearFailures();
    // Its own listeners (those of the manager: module hooks are gone by now) hear it too.
    server.fireOnHostAndServer(host, new Event(Event.HOST_DEACTIVATED, host.name, null, null));
  }

  /** Unloads every module of a host, dependents first (newest first). */
  void unloadAll(Host host) {
    List<ModuleEntry<?>> entries;
    while (!(entries = table.entriesNewestFirst(host)).isEmpty()) {
      for (ModuleEntry<?> entry : entries) {
        unloadEntry(entry);
      }
    }
  }

  /** Unloads an entry if it is still loaded. */
  private void unloadEntry(ModuleEntry<?> entry) {
    if (entry.acquire()) {
      unloadAcquired(entry);
    }
  }

  /**
   * Unloads a claimed entry: first the modules that depend on it, then the module itself (for a
   * shared module from "*", {@link #unloadFromEveryHost}).
   *
   * <p>If a module that must go first cannot be claimed ({@code module-busy}: the current thread
   * is loading or unloading it further up its stack, or waiting would deadlock), the entry stays
   * loaded and the exception leaves; the modules that depend on it and were already unloaded stay
   * unloaded.
   */
  private <M> void unloadAcquired(ModuleEntry<M> entry) {
    if (entry.kind == ModuleKind.SHARED && entry.host.isGlobal()) {
      unloadFromEveryHost(entry);
      return;
    }
    try {
      unloadDependents(entry);
    } catch (RuntimeException | Error refused) {
      entry.settleUnchanged();
      throw refused;
    }
    if (entry.kind == ModuleKind.SHARED) {
      unloadHostPart(entry);
    } else {
      callUnload(entry);
      gone(entry);
    }
  }

  /**
   * Unlike Prosody, unloading a shared module from "*" first unloads it from every host: every
   * host part is claimed before anything is unloaded, so that the module leaves every host at
   * once for whoever looks. Then as {@link #unloadAcquired}, for the global entry and each host
   * part.
   */
  private <M> void unloadFromEveryHost(ModuleEntry<M> entry) {
    List<ModuleEntry<M>> hostEntries = new ArrayList<>();
    try {
      claimAttached(entry, false, hostEntries);
      unloadDependents(entry);
      for (ModuleEntry<M> hostEntry : hostEntries) {
        unloadDependents(hostEntry);
      }
    } catch (RuntimeException | Error refused) {
      hostEntries.forEach(ModuleEntry::settleUnchanged);
      entry.settleUnchanged();
      throw refused;
    }
    entry.drop();
    for (ModuleEntry<M> hostEntry : hostEntries) {
      unloadHostPart(hostEntry);
    }
    callUnload(entry);
    gone(entry);
  }

  private void unloadDependents(ModuleEntry<?> entry) {
    for (ModuleEntry<?> dependent : entry.dependentEntries()) {
      unloadEntry(dependent);
    }
  }

  /**
   * Claims, into {@code claimed}, every host entry attached to a shared module's global entry
   * that the current thread has claimed; waits for those another thread is working on.
   */
  private static <M> void claimAttached(
      ModuleEntry<M> global, boolean forReload, List<ModuleEntry<M>> claimed) {
    for (ModuleEntry<M> hostEntry : global.attachedEntries()) {
      if (hostEntry.acquire(forReload)) {
        claimed.add(hostEntry);
      }
    }
  }

  private <M> void unloadHostPart(ModuleEntry<M> hostEntry) {
    HostPart<M> part = hostEntry.partOrNull();
    hostEntry.setPart(null);
    hostEntry.detachFromGlobal();
    callUnloadHost(hostEntry, part);
    gone(hostEntry);
  }

  /** Calls a host part's {@code @Unload(HostContext)}, then closes its context. */
  private static <M> void callUnloadHost(ModuleEntry<M> hostEntry, HostPart<M> part) {
    try {
      hostEntry.binding.unloadHost(part.module(), part.context());
    } catch (Throwable failure) {
      report("@Unload(HostContext)", hostEntry, failure);
    }
    close(part);
  }

  /** Calls the instance's {@code @Unload()}, then closes its context. */
  private <M> void callUnload(ModuleEntry<M> entry) {
    HostPart<M> part = entry.partOrNull();
    entry.setPart(null);
    try {
      entry.binding.unload(part.module());
    } catch (Throwable failure) {
      report("@Unload", entry, failure);
    }
    close(part);
  }

  /**
   * Ends an unloaded part's context: from now on it refuses to add hooks and items, so that an
   * unloaded instance (a thread it left running, say) cannot register anything that outlives it.
   */
  private static void close(HostPart<?> part) {
    ((Context) part.context()).close();
  }

  /** Removes an unloaded entry with everything it registered, and says so. */
  private void gone(ModuleEntry<?> entry) {
    entry.releaseOwned();
    entry.unlinkFromDependencies();
    table.drop(entry);
    server.fireOnHostAndServer(entry.host, Event.MODULE_UNLOADED, entry.name);
  }

  // ---- reload

  void reload(Host host, String name) {
    ModuleEntry<?> entry = table.acquire(host, name, true);
    long at = System.currentTimeMillis();
    ModuleException notBack = null;
    if (entry.kind == ModuleKind.SHARED && !host.isGlobal()) {
      reattach(entry, at);
    } else {
      notBack = reloadInstance(entry, at);
    }
    server.fireOnHostAndServer(host, new Event(Event.MODULE_RELOADED, host.name, name, null));
    if (notBack != null) {
      // The new instance is loaded; report the hosts and dependents that did not come back.
      throw notBack;
    }
  }

  /**
   * Reloads a shared module on one host, as Prosody does: that host's {@code @Unload(HostContext)}
   * then {@code @AddHost} again; the global instance and its state are left alone, and so are
   * the modules that depend on it (they reach it through the same entry).
   */
  private <M> void reattach(ModuleEntry<M> hostEntry, long at) {
    HostPart<M> old = hostEntry.partOrNull();
    hostEntry.setPart(null);
    callUnloadHost(hostEntry, old);
    hostEntry.releaseOwned();
    try {
      hostEntry.setPart(addHost(hostEntry, old.module()));
    } catch (RuntimeException | Error failure) {
      hostEntry.detachFromGlobal();
      try {
        unloadDependents(hostEntry);
      } catch (RuntimeException | Error refused) {
        // A dependent that this thread is loading: its load fails when it finds this gone.
        failure.addSuppressed(refused);
      }
      abandon(hostEntry, failure);
      server.fireOnHostAndServer(hostEntry.host,
          new Event(Event.MODULE_UNLOADED, hostEntry.host(), hostEntry.name(), null));
      throw failure;
    }
    hostEntry.settleLoaded(at);
  }

  /** A module unloaded for its dependency's reload, with its state, to be loaded back after. */
  private record SetAside(Host host, ModuleBinding<?> binding, Object state) {}

  /**
   * Replaces an instance: dependents are saved and unloaded, then this module is saved, unloaded,
   * created and restored, then the dependents are loaded back and restored. Dependents go first so
   * that what the module saves is its own state, with nothing of theirs left in it; if its
   * {@code @Save} throws, they are loaded back and the old instance stays. For a shared module's
   * global instance the host parts are unloaded first and attached to the new instance after,
   * unlike Prosody, which leaves them pointing at the old one.
   *
   * @return the failures of host parts and dependents that did not come back, or {@code null}
   */
  private <M> ModuleException reloadInstance(ModuleEntry<M> entry, long at) {
    ModuleBinding<M> binding = entry.binding;
    List<ModuleEntry<M>> hostEntries = new ArrayList<>();
    List<SetAside> setAside = new ArrayList<>();
    Object state;
    try {
      claimAttached(entry, true, hostEntries);
      setAsideDependents(entry, setAside);
      for (ModuleEntry<M> hostEntry : hostEntries) {
        setAsideDependents(hostEntry, setAside);
      }
      try {
        state = binding.save(entry.part().module());
      } catch (Throwable failure) {
        throw ModuleException.saveFailed(entry.host(), binding.name(), failure);
      }
    } catch (RuntimeException | Error aborted) {
      // @Save threw, or a module to set aside could not be claimed: the old instance stays, with
      // its host parts, and the dependents already set aside are loaded back.
      hostEntries.forEach(ModuleEntry::settleUnchanged);
      entry.settleUnchanged();
      ModuleException notBack = loadBack(setAside);
      if (notBack != null) {
        aborted.addSuppressed(notBack);
      }
      throw aborted;
    }
    for (ModuleEntry<M> hostEntry : hostEntries) {
      HostPart<M> part = hostEntry.partOrNull();
      hostEntry.setPart(null);
      callUnloadHost(hostEntry, part);
      hostEntry.releaseOwned();
    }
    callUnload(entry);
    entry.releaseOwned();
    HostPart<M> fresh;
    try {
      fresh = create(entry);
    } catch (RuntimeException | Error failure) {
      // Gone from every host at once for whoever looks, then unloaded host by host.
      entry.drop();
      for (ModuleEntry<M> hostEntry : hostEntries) {
        hostEntry.detachFromGlobal();
        gone(hostEntry);
      }
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
        hostEntry.settleLoaded(at);
      } catch (ModuleException failure) {
        hostEntry.detachFromGlobal();
        gone(hostEntry);
        refused = collect(refused, failure);
      }
    }
    entry.settleLoaded(at);
    return collect(refused, loadBack(setAside));
  }

  /**
   * Unloads the modules that depend on the entry, each after the modules that depend on it and
   * right after its own {@code @Save}; adds them to {@code setAside} with their state, each before
   * the modules that depend on it: the order to load them back in. If one cannot be claimed
   * ({@code module-busy}), the exception leaves and those already set aside are in the list.
   */
  private void setAsideDependents(ModuleEntry<?> entry, List<SetAside> setAside) {
    for (ModuleEntry<?> dependent : entry.dependentEntries()) {
      if (!dependent.acquire(true)) {
        continue;
      }
      int at = setAside.size();
      try {
        setAsideDependents(dependent, setAside);
      } catch (RuntimeException | Error refused) {
        dependent.settleUnchanged();
        throw refused;
      }
      Object state = saveForDependencyReload(dependent);
      unloadAcquired(dependent);
      setAside.add(at, new SetAside(dependent.host, dependent.binding, state));
    }
  }

  /** Loads set-aside dependents back, with their state; returns the failures, or {@code null}. */
  private ModuleException loadBack(List<SetAside> setAside) {
    ModuleException notBack = null;
    for (SetAside dependent : setAside) {
      try {
        loadBack(dependent);
      } catch (ModuleException failure) {
        notBack = collect(notBack, failure);
      }
    }
    return notBack;
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
    if (next != null) {
      first.addSuppressed(next);
    }
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
