package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * One load: a module on a host, after the dependencies the host does not have yet.
 *
 * <p>Every refusal is decided before any module code runs or any event fires: the dependencies
 * are checked (missing, disabled) first, then the module's entry is claimed, which tells whether
 * it is loaded already. Then each missing dependency is loaded (on the module's home: {@code "*"}
 * for a global module, so a global module never depends on a host), the module is linked to its
 * dependencies, all or none, and only then does its code run. What it loads on the way stays
 * claimed until it is over, so a failure unloads it again before any other operation used it.
 */
final class LoadOperation extends LoadingOperation {

  /** What a load does when the module is loaded already. */
  enum IfLoaded {
    /** Refuse: {@code module-already-loaded} or {@code global-module-already-loaded}. */
    REFUSE,
    /** Leave it: a host's activation, where a global module may serve every host already. */
    SKIP
  }

  /**
   * The claims of the entries loaded on the way (dependencies, a shared module's global instance),
   * oldest first. They read as loaded, but stay claimed until this load is over: no other operation
   * uses or unloads them before, so the load takes effect at one instant for writers, and a failed
   * one can take them back.
   */
  private List<Claim<?>> loadedOnTheWay = List.of();
  /** The modules installed when this load started: its module's binding is one of them. */
  private Bindings bindings;
  /**
   * The next load number of this operation's block; 0 until the first. A block starts at a multiple
   * of its size, so the number that ends one needs no field of its own (every operation object
   * is made per call: 8 bytes of each).
   */
  private long nextLoadNumber;

  /** Load numbers per block: far more entries than one operation makes. */
  private static final int BLOCK_BITS = 20;
  private static final long IN_BLOCK = (1L << BLOCK_BITS) - 1;

  LoadOperation(Server server) {
    super(server);
  }

  /**
   * Loads the module on the host; on failure, unloads what it loaded on the way. A host's
   * activation runs one operation object for each of its modules in turn.
   *
   * @param slot the module's slot ({@link Slots})
   * @param from the installed modules the binding was found in, in which its dependencies are
   *     resolved too
   */
  void run(Host asked, ModuleBinding<?> binding, int slot, Bindings from, IfLoaded ifLoaded) {
    bindings = from;
    if (server.observers.isIdle(LifecycleObservation.Step.LOAD)) {
      // Called directly: through measure, the operation object escapes into a lambda called at a
      // site every operation shares. With the host's check for lifecycle listeners and smaller
      // operation objects, 6% of a shared module's load and unload on 100 hosts (docs/benchmarks.md).
      load(asked, binding, slot, ifLoaded);
      return;
    }
    server.observers.measure(LifecycleObservation.Step.LOAD, asked.name, binding.name(), () -> {
      load(asked, binding, slot, ifLoaded);
      return null;
    });
  }

  private void load(Host asked, ModuleBinding<?> binding, int slot, IfLoaded ifLoaded) {
    try {
      Host home = server.homeOf(asked, binding);
      checkDependencies(home, binding);
      while (!tryLoad(asked, home, binding, slot, ifLoaded)) {
        // Started again, holding no claim: another load wanted what this one held, or the reverse.
      }
    } finally {
      deliver();
    }
  }

  /**
   * One attempt of {@link #run}.
   *
   * @return {@code false} if its wait for another thread would have closed a cycle while it held
   *     entries it loaded on the way: it unloaded them, released its claims, waited, and must start
   *     again
   */
  private boolean tryLoad(Host asked, Host home, ModuleBinding<?> binding, int slot, IfLoaded ifLoaded) {
    loadedOnTheWay = List.of();
    Claim<?> claim = claimNew(home, binding, slot);
    if (claim == null) {
      if (ifLoaded == IfLoaded.REFUSE) {
        throw home == asked
            ? ModuleException.alreadyLoaded(asked.name, binding.name())
            : ModuleException.globalAlreadyLoaded(asked.name, binding.name());
      }
      return true;
    }
    try {
      bringUp(claim, false);
    } catch (Closure.Blocked blocked) {
      rollBack(blocked);
      blocked.entry.awaitSettled(server.waits);
      return false;
    } catch (RuntimeException | Error failure) {
      rollBack(failure);
      throw failure;
    }
    // Indexed: an iterator over the empty list is an allocation per load that escape analysis
    // left in place (24 of 275 bytes per host part's load and unload, SharedModuleBenchmark).
    for (int i = 0; i < loadedOnTheWay.size(); i++) {
      release(loadedOnTheWay.get(i));
    }
    return true;
  }

  /**
   * Waits for an entry another thread holds. Two loads that each loaded on the way a dependency
   * the other needs would wait for each other: the one whose wait closes that cycle ({@link
   * WaitGraph}) gives up instead ({@link Closure.Blocked}, caught by {@link #tryLoad}), unloads
   * what it loaded on the way, waits holding no claim but its own new entry's, and starts again.
   */
  private void await(ModuleEntry<?> entry) {
    try {
      entry.awaitSettled(server.waits);
    } catch (ModuleException cycle) {
      if (loadedOnTheWay.isEmpty() || !cycle.code().equals(ModuleException.MODULE_BUSY)) {
        throw cycle;
      }
      throw new Closure.Blocked(entry);
    }
  }

  /**
   * The next number of the load order, for an entry this operation makes: numbers only grow, and
   * an operation that starts after another ended gives greater ones. They are handed out in
   * blocks, one shared atomic step per block ({@link Server#loadBlocks}) rather than one per entry
   * under its host's monitor, which was a tenth of activating 10,000 hosts x 50 modules
   * (docs/benchmarks.md, "A/B against the previous runtime"). Two operations that overlap may
   * number their entries in either order, as they may load them in either.
   */
  long loadNumber() {
    if ((nextLoadNumber & IN_BLOCK) == 0) {
      // None yet, or the block is used up: the next one.
      nextLoadNumber = server.loadBlocks.incrementAndGet() << BLOCK_BITS;
    }
    return nextLoadNumber++;
  }

  /**
   * Refuses a load whose dependencies, direct or not, are missing ({@code module-not-found}) or
   * disabled where they would load ({@code dependency-disabled}).
   */
  private void checkDependencies(Host home, ModuleBinding<?> binding) {
    List<String> names = binding.dependencies();
    if (names.isEmpty()) {
      return; // most modules: without an iterator, which escape analysis left in place
    }
    ServerConfig config = server.config();
    for (String name : names) {
      ModuleBinding<?> dependency = bindings.dependency(binding.name(), name);
      try {
        if (config.isDisabled(home.name, name)) {
          throw ModuleException.dependencyDisabled(home.name, binding.name(), name);
        }
        checkDependencies(server.homeOf(home, dependency), dependency);
      } catch (ModuleException refused) {
        // The module did not load, for a cause outside it: shown as its failure all the same.
        home.failed(binding, refused);
        throw refused;
      }
    }
  }

  /**
   * Claims a new entry for the module on its home host.
   *
   * @return the claim, or {@code null} if the module is loaded there (waiting first for another
   *     thread that is loading, unloading or reloading it)
   */
  private <M> Claim<M> claimNew(Host home, ModuleBinding<M> binding, int slot) {
    while (true) {
      ModuleEntry<?> existing = home.entry(slot);
      if (existing == null) {
        Claim<M> fresh = ModuleEntry.create(home, binding, slot, loadNumber());
        existing = home.addIfAbsent(fresh);
        if (existing == null) {
          if (server.modules.confirm(binding, bindings)) {
            return fresh;
          }
          // Uninstalled meanwhile.
          fresh.entry.settleGone(fresh, null);
          throw ModuleException.moduleNotFound(binding.name());
        }
      }
      await(existing);
      if (existing.isLoaded()) {
        return null;
      }
      // It went away while we waited: try again.
    }
  }

  /**
   * Links the claimed entry to its dependencies, then makes its instance (or host part); the
   * claim ends, or for an entry loaded on the way, joins {@link #loadedOnTheWay}.
   */
  private <M> void bringUp(Claim<M> claim, boolean onTheWay) {
    ModuleEntry<M> entry = claim.entry;
    try {
      linkDependencies(claim);
    } catch (RuntimeException | Error failure) {
      abandon(claim, failure);
      throw failure;
    }
    if (entry.isHostPart()) {
      attach(claim, onTheWay);
      return;
    }
    try {
      Callbacks.create(claim);
      requireDependencies(claim);
    } catch (RuntimeException | Error failure) {
      // It finished loading, but a lifecycle method of its own took away what it depends on.
      Callbacks.unload(claim);
      abandon(claim, failure);
      throw failure;
    }
    entry.host.clearFailure(entry.name);
    loaded(claim, onTheWay);
  }

  /** Ends the load of a claimed entry, or marks it loaded and keeps the claim if it is on the way. */
  private <M> void loaded(Claim<M> claim, boolean onTheWay) {
    if (onTheWay) {
      queued(claim.entry.host, claim.entry.markLoaded(claim, at(), Event.MODULE_LOADED));
      loadedOnTheWay(claim);
    } else {
      settle(claim, Event.MODULE_LOADED);
    }
  }

  /**
   * Resolves the module's dependencies on its home host, loading those not there, and links the
   * claimed entry to all of them at once. If one is taken by another thread before the link, none
   * is linked: this waits for that thread, then resolves them again.
   */
  private void linkDependencies(Claim<?> claim) {
    ModuleEntry<?> entry = claim.entry;
    List<String> names = entry.binding.dependencies();
    if (names.isEmpty()) {
      return;
    }
    while (true) {
      List<ModuleEntry<?>> dependencies = new ArrayList<>(names.size());
      for (String name : names) {
        dependencies.add(resolve(entry.host, bindings.dependency(entry.name, name)));
      }
      ModuleEntry<?> taken = link(claim, dependencies);
      if (taken == null) {
        return;
      }
      await(taken);
    }
  }

  private <M> ModuleEntry<?> link(Claim<M> claim, List<ModuleEntry<?>> dependencies) {
    return claim.entry.linkTo(claim, dependencies, loadedOnTheWay);
  }

  /** The dependency's loaded entry as seen from the host, loaded first if it is not there. */
  private ModuleEntry<?> resolve(Host host, ModuleBinding<?> dependency) {
    Host home = server.homeOf(host, dependency);
    while (true) {
      ModuleEntry<?> loaded = server.loadedEntry(home, dependency);
      if (loaded != null) {
        return loaded;
      }
      Claim<?> claim = claimNew(home, dependency, server.slot(dependency.name()));
      if (claim != null) {
        bringUp(claim, true);
        return claim.entry;
      }
    }
  }

  /**
   * Loads a shared module's claimed host part: creates the global instance if this is the first
   * host (its entry stays claimed until this host's {@code @AddHost} returned, so creation and
   * first attach succeed or fail together, and take effect together), attaches the host part,
   * then calls {@code @AddHost}.
   */
  private <M> void attach(Claim<M> hostPart, boolean onTheWay) {
    ModuleEntry<M> entry = hostPart.entry;
    Host globalHost = server.table.global();
    Claim<M> first = null;
    ModuleEntry.SharedGlobal<M> global;
    try {
      while (true) {
        first = claimNew(globalHost, entry.binding, entry.slot);
        if (first != null) {
          try {
            Callbacks.create(first);
          } catch (RuntimeException | Error failure) {
            abandon(first, failure);
            throw failure;
          }
        }
        global = globalEntry(globalHost, entry);
        if (global != null && global.attach(hostPart)) {
          break;
        }
        if (global != null) {
          // Being unloaded or reloaded by another thread: wait, then attach to what is there.
          await(global);
        }
      }
    } catch (RuntimeException | Error failure) {
      abandon(hostPart, failure);
      throw failure;
    }
    try {
      Callbacks.addHost(hostPart, global.part().module());
      requireDependencies(hostPart);
    } catch (RuntimeException | Error failure) {
      Callbacks.unload(hostPart);
      abandon(hostPart, failure);
      if (first != null) {
        Callbacks.unload(first);
        abandon(first, failure);
      }
      throw failure;
    }
    entry.host.clearFailure(entry.name);
    if (first != null) {
      // The host part is marked first: it reads as loaded only once its global entry does, so
      // both appear at once. The global entry was loaded on the way.
      entry.markLoaded(hostPart, at(), null);
      globalHost.clearFailure(entry.name);
      loaded(first, true);
      queued(entry.host, entry.post(hostPart, Event.MODULE_LOADED));
      if (onTheWay) {
        loadedOnTheWay(hostPart);
      } else {
        release(hostPart);
      }
      return;
    }
    loaded(hostPart, onTheWay);
  }

  private void loadedOnTheWay(Claim<?> claim) {
    if (loadedOnTheWay.isEmpty()) {
      // Most loads that load anything on the way load one entry: a shared module's global one.
      loadedOnTheWay = List.of(claim);
      return;
    }
    if (loadedOnTheWay.size() == 1) {
      loadedOnTheWay = new ArrayList<>(loadedOnTheWay);
    }
    loadedOnTheWay.add(claim);
  }

  private static <M> void release(Claim<M> claim) {
    claim.entry.release(claim);
  }

  @SuppressWarnings("unchecked") // a module's slot holds only entries of its binding
  private static <M> ModuleEntry.SharedGlobal<M> globalEntry(Host globalHost, ModuleEntry<M> hostPart) {
    return (ModuleEntry.SharedGlobal<M>) globalHost.entry(hostPart.slot);
  }

  /**
   * Fails a load whose module's own lifecycle method unloaded, directly or not, a module it
   * depends on (which no other thread can: an unload of it waits for this load first).
   */
  private static void requireDependencies(Claim<?> claim) {
    ModuleEntry<?> lost = claim.entry.lostDependency();
    if (lost != null) {
      throw ModuleException.dependencyGone(lost.host.name, claim.entry.name, lost.name);
    }
  }

  /**
   * Unloads what this load loaded on the way, newest first: nothing else can have used it, as it
   * stayed claimed. (An entry loaded on the way that a later one of them depends on is unloaded
   * after it, newest first.)
   */
  private void rollBack(Throwable failure) {
    for (int i = loadedOnTheWay.size() - 1; i >= 0; i--) {
      try {
        tearDown(List.of(loadedOnTheWay.get(i)));
      } catch (RuntimeException | Error notRolledBack) {
        failure.addSuppressed(notRolledBack);
      }
    }
  }
}
