package io.hostmod.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One module on one host: an entry of the host -> module map that {@link HostTable} owns.
 *
 * <p>An entry is claimed by the thread that loads, unloads or reloads it ({@code LOADING} or
 * {@code BUSY}); other threads wait for it to settle ({@code LOADED} or {@code GONE}). Lifecycle
 * methods run while the entry is claimed but no monitor is held, so they may call the manager for
 * other modules. The monitor guards only the state fields, for a few instructions at a time.
 *
 * <p>The entry outlives reloads, so host proxies bound to it keep working; {@link #part()} is
 * read without locking. It also records what depends on it, and the hooks and items its module
 * added, so that unloading it removes them.
 */
final class ModuleEntry<M> implements HostProxy.Target<M> {

  private enum State {
    LOADING,
    LOADED,
    BUSY,
    GONE
  }

  final Host host;
  final ModuleBinding<M> binding;
  /** When the entry was created, to unload a host's modules in reverse load order. */
  final long sequence;

  private volatile HostPart<M> part;
  private volatile State state = State.LOADING;
  private volatile boolean reloading;
  private volatile long since = System.currentTimeMillis();
  private Thread owner = Thread.currentThread();
  /** A shared module's host entry: the global entry it is attached to. */
  private ModuleEntry<M> global;
  /** A shared module's global entry: the host entries attached to it, in attach order. */
  private Set<ModuleEntry<M>> attached;
  /** The entries of modules loaded because they depend on this one. */
  private Set<ModuleEntry<?>> dependents;
  /** The entries this one was linked to as a dependent. */
  private List<ModuleEntry<?>> dependencies;
  /** Hooks and items the module added here, removed when it is unloaded. */
  private List<Registration> owned;
  /** Loads under way that have resolved this entry as a dependency but not linked to it yet. */
  private int pins;

  ModuleEntry(Host host, ModuleBinding<M> binding, long sequence) {
    this.host = host;
    this.binding = binding;
    this.sequence = sequence;
  }

  @Override
  public String host() {
    return host.name;
  }

  String name() {
    return binding.name();
  }

  @Override
  public HostPart<M> part() {
    HostPart<M> current = part;
    if (current == null) {
      throw ModuleException.notLoaded(host.name, binding.name());
    }
    return current;
  }

  /** The part, or {@code null} while the module is not (or no longer) loaded here. */
  HostPart<M> partOrNull() {
    return part;
  }

  void setPart(HostPart<M> part) {
    this.part = part;
  }

  /** Loaded and not yet unloaded: a reload in progress counts as loaded. */
  boolean isLoaded() {
    State current = state;
    return current == State.LOADED || current == State.BUSY;
  }

  ModuleState publicState() {
    return switch (state) {
      case LOADING -> ModuleState.LOADING;
      case LOADED -> ModuleState.LOADED;
      case BUSY -> reloading ? ModuleState.RELOADING : ModuleState.UNLOADING;
      case GONE -> ModuleState.UNLOADING;
    };
  }

  long since() {
    return since;
  }

  synchronized boolean isClaimedByCurrentThread() {
    return owner == Thread.currentThread();
  }

  /**
   * Waits until no other thread has the entry claimed.
   *
   * @return whether the entry is loaded ({@code false}: it is gone)
   * @throws ModuleException {@code module-busy} when the current thread has it claimed
   */
  synchronized boolean awaitSettled() {
    boolean interrupted = false;
    try {
      while (state == State.LOADING || state == State.BUSY) {
        if (owner == Thread.currentThread()) {
          throw ModuleException.busy(host.name, binding.name());
        }
        try {
          wait();
        } catch (InterruptedException e) {
          // Operations are short and must not be left half done: keep waiting, restore the flag.
          interrupted = true;
        }
      }
      return state == State.LOADED;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Claims a loaded entry for an unload; {@code false} if it is gone. */
  boolean acquire() {
    return acquire(false);
  }

  /** Claims a loaded entry for an unload or a reload; {@code false} if it is gone. */
  synchronized boolean acquire(boolean forReload) {
    if (!awaitSettled()) {
      return false;
    }
    claim(forReload);
    return true;
  }

  /**
   * Claims a loaded entry for the rollback of the failed load that loaded it, unless other modules
   * use it or are about to (linked or pinned dependents, attached hosts); {@code false} then, or
   * if it is gone.
   */
  synchronized boolean acquireUnused() {
    if (!awaitSettled()) {
      return false;
    }
    if (pins > 0
        || (dependents != null && !dependents.isEmpty())
        || (attached != null && !attached.isEmpty())) {
      return false;
    }
    claim(false);
    return true;
  }

  private void claim(boolean forReload) {
    state = State.BUSY;
    reloading = forReload;
    since = System.currentTimeMillis();
    owner = Thread.currentThread();
  }

  /** Ends the claim: loaded, or gone (the caller has already removed it from its host). */
  synchronized void settle(boolean loaded) {
    state = loaded ? State.LOADED : State.GONE;
    since = System.currentTimeMillis();
    owner = null;
    if (!loaded) {
      part = null;
    }
    notifyAll();
  }

  /**
   * Attaches a host entry to this global entry, if this entry is loaded or being loaded by the
   * current thread; {@code false} if it is being unloaded or gone.
   */
  synchronized boolean attach(ModuleEntry<M> hostEntry) {
    if (!isUsableByCurrentThread()) {
      return false;
    }
    if (attached == null) {
      attached = new LinkedHashSet<>();
    }
    attached.add(hostEntry);
    hostEntry.global = this;
    return true;
  }

  /** Detaches a host entry from the global entry it is attached to. */
  void detachFromGlobal() {
    ModuleEntry<M> from = global;
    if (from != null) {
      from.detach(this);
    }
  }

  private synchronized void detach(ModuleEntry<M> hostEntry) {
    if (attached != null) {
      attached.remove(hostEntry);
    }
  }

  synchronized List<ModuleEntry<M>> attachedEntries() {
    return attached == null ? List.of() : new ArrayList<>(attached);
  }

  private boolean isUsableByCurrentThread() {
    return state == State.LOADED || (state != State.GONE && owner == Thread.currentThread());
  }

  /**
   * Records that {@code dependent} needs this module, if this module is still loaded (or is being
   * worked on by the current thread); {@code false} if it went away meanwhile.
   */
  boolean addDependent(ModuleEntry<?> dependent) {
    synchronized (this) {
      if (!isUsableByCurrentThread()) {
        return false;
      }
      if (dependents == null) {
        dependents = new LinkedHashSet<>();
      }
      dependents.add(dependent);
    }
    dependent.linkedTo(this);
    return true;
  }

  private synchronized void linkedTo(ModuleEntry<?> dependency) {
    if (dependencies == null) {
      dependencies = new ArrayList<>();
    }
    dependencies.add(dependency);
  }

  /**
   * Keeps this entry from being rolled back by another thread's failed load while a module that
   * needs it loads, if it is loaded (or worked on by the current thread); {@code false} if it is
   * being unloaded or gone. Undone by {@link #unpin} once the dependent is linked or failed.
   */
  synchronized boolean pin() {
    if (!isUsableByCurrentThread()) {
      return false;
    }
    pins++;
    return true;
  }

  synchronized void unpin() {
    pins--;
  }

  synchronized List<ModuleEntry<?>> dependentEntries() {
    return dependents == null ? List.of() : new ArrayList<>(dependents);
  }

  /** Unlinks this entry from the modules it depends on: it is going away. */
  void unlinkFromDependencies() {
    List<ModuleEntry<?>> from;
    synchronized (this) {
      from = dependencies == null ? List.of() : dependencies;
      dependencies = null;
    }
    for (ModuleEntry<?> dependency : from) {
      dependency.removeDependent(this);
    }
  }

  private synchronized void removeDependent(ModuleEntry<?> dependent) {
    if (dependents != null) {
      dependents.remove(dependent);
    }
  }

  /** Keeps a hook or item registration, to be closed when the module is unloaded from here. */
  synchronized void own(Registration registration) {
    if (owned == null) {
      owned = new ArrayList<>();
    }
    owned.add(registration);
  }

  /** Closes every hook and item registration the module made here, newest first. */
  void releaseOwned() {
    List<Registration> release;
    synchronized (this) {
      release = owned == null ? List.of() : owned;
      owned = null;
    }
    for (int i = release.size() - 1; i >= 0; i--) {
      release.get(i).close();
    }
  }

  @Override
  public String toString() {
    return binding.name() + "@" + host.name + " " + state;
  }
}
