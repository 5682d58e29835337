package io.hostmod.runtime;

import io.hostmod.runtime.spi.HostPart;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ProxyTarget;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One module on one host: an entry of the host -> module map that {@link HostTable} owns.
 *
 * <p>An entry is claimed by the thread that loads, unloads or reloads it ({@code LOADING}, {@code
 * UNLOADING}, {@code RELOADING}, {@code DROPPING}); other threads wait for it to settle ({@code
 * LOADED} or {@code GONE}). Lifecycle methods run while the entry is claimed but no monitor is
 * held, so they may call the manager for other modules. A claim is one compare-and-set of the
 * state (from {@code LOADED}) and a settle one volatile write of it; the monitor is taken only to
 * wait, to wake waiters, and to guard what other threads change (dependents, pins, attached hosts,
 * registrations), a few instructions at a time. A wait that would close a cycle of threads each
 * waiting for an entry the next one has claimed fails with {@code module-busy} instead of
 * deadlocking.
 *
 * <p>A shared module's host entry is loaded, and settled, only together with its global entry: it
 * reads as loaded only while the global entry does, and a thread that waits for it also waits
 * for the global entry to be released by another thread. So the first load on a host (which
 * settles the host entry, then the global one) and an unload of {@code "*"} (which marks the
 * global entry {@link #drop DROPPING} before it unloads the host parts one by one) each take
 * effect at one instant for every host.
 *
 * <p>The entry outlives reloads, so host proxies bound to it keep working; {@link #part()} is
 * read without locking. The entry keeps its instance's {@link Context}, which holds the instance,
 * and makes the {@link HostPart} when asked: one object per loaded module and host instead of two
 * (a part that a proxy call reads and drops is not even allocated once compiled). It also records
 * what depends on it, and the hooks and items its module added, so that unloading it removes them.
 */
final class ModuleEntry<M> implements ProxyTarget<M> {

  /** Where an entry stands, in one field: the entry stays within 88 bytes. */
  private enum State {
    LOADING,
    LOADED,
    UNLOADING,
    RELOADING,
    /** A shared module's global entry being unloaded with all its host parts: none reads as loaded. */
    DROPPING,
    GONE;

    /** Claimed by a thread: other threads wait for it to settle. */
    boolean isClaimed() {
      return this != LOADED && this != GONE;
    }

    /** Loaded and not yet unloaded: a reload or an unload in progress counts as loaded. */
    boolean isLoaded() {
      return this == LOADED || this == UNLOADING || this == RELOADING;
    }
  }

  final Host host;
  final ModuleBinding<M> binding;
  /** The binding's name and kind, read once: bindings are reached through an interface with as many implementations as there are modules. */
  final String name;
  final ModuleKind kind;
  /** Where the entry stands in its host's load order, to unload a host's modules newest first. */
  final int sequence;
  /** Its module's slot in its host's entries. */
  final int slot;

  /**
   * Which entry each thread is waiting for, to find a cycle of waits before it forms. Guarded by
   * its own monitor, which is taken inside an entry's monitor and never the other way round.
   */
  private static final Map<Thread, ModuleEntry<?>> WAITING = new HashMap<>();

  private static final VarHandle STATE;
  private static final VarHandle CONTEXT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(ModuleEntry.class, "state", State.class);
      CONTEXT = lookup.findVarHandle(ModuleEntry.class, "context", Context.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The context of the instance loaded here, holding the instance; {@code null} while none is.
   * Read without locking (proxies); written only by the thread that has the entry claimed, in
   * release mode: the settle that follows publishes it with a full fence.
   */
  private volatile Context context;
  /**
   * Claimed or settled. A claim of a loaded entry is a compare-and-set; only the claiming thread
   * changes it afterwards.
   */
  private volatile State state;
  /**
   * When the entry last settled as loaded (0: not yet). The clock is read once per operation (a
   * load, a reload, a host's activation), not per entry, nor when a claim starts, is refused or
   * an entry goes away: a read costs some 20 ns, as much as the rest of a settle.
   */
  private long since;
  /**
   * The thread that has the entry claimed, or {@code null}; also {@code null} for the moment
   * between another thread's claim and its write here, which is then simply waited for. Written
   * only by that thread; others read it after the state (whose writes publish it) or under {@link
   * #WAITING}, which each thread of a cycle of waits takes after writing it.
   */
  private Thread owner = Thread.currentThread();
  /**
   * Threads waiting in {@link #awaitOwnSettled} (changed under the monitor), so that {@link
   * #settle} takes the monitor to wake them only when there are some.
   */
  private volatile int waiters;
  /**
   * A shared module's host entry: the global entry it is attached to. Written before the entry
   * first settles, whose state write publishes it; read after the state.
   */
  private ModuleEntry<M> global;
  /**
   * The host entries attached to a shared module's global entry, in attach order, linked through
   * the entries themselves (no set, no hashing, no node per host): on the global entry these are
   * the first and last attached; on a host entry, the ones attached before and after it. Guarded
   * by the global entry's monitor.
   */
  private ModuleEntry<M> firstOrPrevious;
  private ModuleEntry<M> lastOrNext;
  /**
   * The entries of modules loaded because they depend on this one; {@code null} until the first.
   * Changed under the monitor. Volatile so that a thread that has claimed the entry sees without
   * the monitor that there are none (most entries never have one): see {@link #addDependent}.
   */
  private volatile Set<ModuleEntry<?>> dependents;
  /**
   * The entries this one was linked to as a dependent. Only the thread that has this entry claimed
   * links and unlinks it, so no monitor guards it: claims hand it over.
   */
  private List<ModuleEntry<?>> dependencies;
  /**
   * Hooks and items the module added here, removed when it is unloaded; {@code null} while there
   * are none. Changed under the monitor; volatile so that releasing none takes no monitor: see
   * {@link #own}.
   */
  private volatile List<Registration> owned;
  /** Loads under way that have resolved this entry as a dependency but not linked to it yet. */
  private int pins;

  ModuleEntry(Host host, ModuleBinding<M> binding, int slot) {
    this.host = host;
    this.binding = binding;
    this.name = binding.name();
    this.kind = binding.kind();
    this.sequence = host.nextSequence();
    this.slot = slot;
    // A plain write: the host's map publishes the entry, and a volatile one would cost a fence.
    STATE.set(this, State.LOADING);
  }

  @Override
  public String host() {
    return host.name;
  }

  String name() {
    return name;
  }

  @Override
  public HostPart<M> part() {
    HostPart<M> current = partOrNull();
    if (current == null) {
      throw ModuleException.notLoaded(host.name, binding.name());
    }
    return current;
  }

  /** The part, or {@code null} while the module is not (or no longer) loaded here. */
  @SuppressWarnings("unchecked") // setPart binds a context of this entry only to an instance of its module
  HostPart<M> partOrNull() {
    Context current = context;
    return current == null ? null : new HostPart<>((M) current.instance(), current);
  }

  /**
   * Sets the part of an entry the current thread has claimed (its context, made by the runtime for
   * this entry, bound to its instance); the settle that follows publishes it.
   */
  void setPart(HostPart<M> part) {
    Context current = null;
    if (part != null) {
      current = (Context) part.context();
      current.bind(part.module());
    }
    CONTEXT.setRelease(this, current);
  }

  /**
   * Loaded and not yet unloaded: a reload in progress counts as loaded. A shared module's host
   * entry counts only while its global entry does.
   */
  boolean isLoaded() {
    if (!state.isLoaded()) {
      return false;
    }
    ModuleEntry<M> from = global;
    return from == null || from.isLoaded();
  }

  /**
   * Marks this global entry, claimed by the current thread for an unload, as gone for every host
   * at once: from now on neither it nor any host entry attached to it reads as loaded.
   */
  void drop() {
    state = State.DROPPING;
  }

  ModuleState publicState() {
    return switch (state) {
      case LOADING -> ModuleState.LOADING;
      case LOADED -> ModuleState.LOADED;
      case RELOADING -> ModuleState.RELOADING;
      case UNLOADING, DROPPING, GONE -> ModuleState.UNLOADING;
    };
  }

  /** When the entry last settled as loaded; now, for an entry loading for the first time. */
  long since() {
    long settled = since;
    return settled != 0 ? settled : System.currentTimeMillis();
  }

  boolean isClaimedByCurrentThread() {
    return owner == Thread.currentThread();
  }

  /**
   * Waits until no other thread has the entry claimed, nor, for a shared module's host entry,
   * its global entry.
   *
   * @return whether the entry is loaded ({@code false}: it is gone)
   * @throws ModuleException {@code module-busy} when the current thread has it claimed, or when
   *     waiting would close a cycle of threads waiting for each other
   */
  boolean awaitSettled() {
    while (true) {
      boolean loaded = awaitOwnSettled();
      ModuleEntry<M> from = global;
      if (!loaded || from == null || !from.isClaimedByOtherThread()) {
        return loaded;
      }
      from.awaitOwnSettled();
    }
  }

  /** Claims a loaded entry for an unload; {@code false} if it is gone. */
  boolean acquire() {
    return acquire(false);
  }

  /** Claims a loaded entry for an unload or a reload; {@code false} if it is gone. */
  boolean acquire(boolean forReload) {
    while (true) {
      if (!awaitOwnSettled()) {
        return false;
      }
      ModuleEntry<M> from = global;
      if (from != null && from.isClaimedByOtherThread()) {
        // Its global entry is being loaded, unloaded or reloaded: this entry goes with it.
        from.awaitOwnSettled();
      } else if (claim(forReload)) {
        return true;
      }
      // Otherwise another thread claimed it since it settled: wait for that one.
    }
  }

  /**
   * Claims a loaded entry for the rollback of the failed load that loaded it, unless other modules
   * use it or are about to (linked or pinned dependents, attached hosts); {@code false} then, or
   * if it is gone.
   */
  synchronized boolean acquireUnused() {
    while (true) {
      if (!awaitOwnSettled()) {
        return false;
      }
      // Pins, dependents and attached hosts are added under this monitor, and only to a settled
      // entry: while it is held, none appears before the claim below.
      if (pins > 0
          || (dependents != null && !dependents.isEmpty())
          || (host.isGlobal() && firstOrPrevious != null)) {
        return false;
      }
      if (claim(false)) {
        return true;
      }
    }
  }

  private boolean isClaimedByOtherThread() {
    return state.isClaimed() && owner != Thread.currentThread();
  }

  /**
   * Waits until no other thread has this entry claimed.
   *
   * @return whether the entry is loaded ({@code false}: it is gone)
   * @throws ModuleException {@code module-busy} when the current thread has it claimed, or when
   *     waiting would close a cycle of waits
   */
  private boolean awaitOwnSettled() {
    State current = state;
    if (current == State.LOADED || current == State.GONE) {
      return current == State.LOADED;
    }
    return awaitOwnSettledSlowly();
  }

  /** {@link #awaitOwnSettled} for an entry found claimed: under the monitor, to wait on it. */
  private synchronized boolean awaitOwnSettledSlowly() {
    if (!state.isClaimed()) {
      return state == State.LOADED;
    }
    if (owner == Thread.currentThread()) {
      throw ModuleException.busy(host.name, binding.name());
    }
    Thread current = Thread.currentThread();
    synchronized (WAITING) {
      Thread cycle = closesCycle(current);
      if (cycle != null) {
        throw ModuleException.busyWaiting(host.name, binding.name(), cycle.getName());
      }
      WAITING.put(current, this);
    }
    boolean interrupted = false;
    // Counted before the state is read again: a settle writes the state, then reads the count, so
    // either this sees the new state or the settle sees this waiter and wakes it.
    waiters++;
    try {
      while (state.isClaimed()) {
        try {
          wait();
        } catch (InterruptedException e) {
          // Operations are short and must not be left half done: keep waiting, restore the flag.
          interrupted = true;
        }
      }
      return state == State.LOADED;
    } finally {
      waiters--;
      synchronized (WAITING) {
        WAITING.remove(current);
      }
      if (interrupted) {
        current.interrupt();
      }
    }
  }

  /**
   * Whether waiting for this entry would close a cycle: its owner waits for an entry whose owner
   * waits ... for one the current thread has claimed. Called holding {@link #WAITING}; the
   * threads of a cycle are each registered before they check, so the last one to check sees it.
   *
   * @return the thread the current one would wait for, if that closes a cycle; else {@code null}
   */
  private Thread closesCycle(Thread current) {
    Thread holder = owner;
    ModuleEntry<?> next = this;
    for (int hops = 0; next != null && hops <= WAITING.size(); hops++) {
      Thread nextOwner = next.owner;
      if (nextOwner == null) {
        return null;
      }
      if (nextOwner == current) {
        return holder;
      }
      next = WAITING.get(nextOwner);
    }
    return null;
  }

  /** Claims a loaded entry; {@code false} if another thread claimed it first (or it is not loaded). */
  private boolean claim(boolean forReload) {
    if (!STATE.compareAndSet(this, State.LOADED, forReload ? State.RELOADING : State.UNLOADING)) {
      return false;
    }
    owner = Thread.currentThread();
    return true;
  }

  /** Ends the claim of a load or reload: loaded since {@code at} (the clock, read by the caller). */
  void settleLoaded(long at) {
    since = at;
    settle(State.LOADED);
  }

  /** Ends a claim that changed nothing (an unload or reload refused): loaded as before. */
  void settleUnchanged() {
    settle(State.LOADED);
  }

  /** Ends the claim: gone (the caller has already removed it from its host). */
  void settleGone() {
    if (context != null) {
      CONTEXT.setRelease(this, null);
    }
    settle(State.GONE);
  }

  private void settle(State settled) {
    // Only the thread that has the entry claimed settles it, and no other thread claims it before
    // the state below says it may: the monitor is needed only to wake waiters. The state is the
    // one volatile write, publishing the plain and release writes before it; it comes before the
    // waiter count is read, as awaitOwnSettledSlowly counts itself before it reads the state.
    owner = null;
    state = settled;
    if (waiters > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /**
   * Attaches a host entry to this global entry, if this entry is loaded or being loaded by the
   * current thread; {@code false} if it is being unloaded or gone.
   */
  synchronized boolean attach(ModuleEntry<M> hostEntry) {
    if (!isUsableByCurrentThread()) {
      return false;
    }
    hostEntry.firstOrPrevious = lastOrNext;
    if (lastOrNext != null) {
      lastOrNext.lastOrNext = hostEntry;
    } else {
      firstOrPrevious = hostEntry;
    }
    lastOrNext = hostEntry;
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
    ModuleEntry<M> previous = hostEntry.firstOrPrevious;
    ModuleEntry<M> next = hostEntry.lastOrNext;
    if (previous == null && firstOrPrevious != hostEntry) {
      return; // not attached (any more)
    }
    if (previous != null) {
      previous.lastOrNext = next;
    } else {
      firstOrPrevious = next;
    }
    if (next != null) {
      next.firstOrPrevious = previous;
    } else {
      lastOrNext = previous;
    }
    hostEntry.firstOrPrevious = null;
    hostEntry.lastOrNext = null;
  }

  synchronized List<ModuleEntry<M>> attachedEntries() {
    if (firstOrPrevious == null) {
      return List.of();
    }
    List<ModuleEntry<M>> entries = new ArrayList<>();
    for (ModuleEntry<M> entry = firstOrPrevious; entry != null; entry = entry.lastOrNext) {
      entries.add(entry);
    }
    return entries;
  }

  private boolean isUsableByCurrentThread() {
    return state == State.LOADED || (state != State.GONE && owner == Thread.currentThread());
  }

  /**
   * Records that {@code dependent} needs this module, if this module is still loaded and settled;
   * {@code false} if another thread (or the current one, further up its stack) is unloading or
   * reloading it, or it went away meanwhile.
   */
  boolean addDependent(ModuleEntry<?> dependent) {
    synchronized (this) {
      if (state != State.LOADED) {
        return false;
      }
      Set<ModuleEntry<?>> current = dependents;
      if (current == null) {
        // Published before the state is read again, as a claim sets the state before it reads
        // this without the monitor: either that claim sees the set (and takes the monitor), or
        // this sees the claim.
        dependents = current = new LinkedHashSet<>();
        if (state != State.LOADED) {
          return false;
        }
      }
      current.add(dependent);
    }
    dependent.linkedTo(this);
    return true;
  }

  private void linkedTo(ModuleEntry<?> dependency) {
    if (dependencies == null) {
      dependencies = new ArrayList<>();
    }
    dependencies.add(dependency);
  }

  /**
   * Keeps this entry from being rolled back by another thread's failed load while a module that
   * needs it loads, if it is loaded and settled; {@code false} if it is being loaded, unloaded or
   * reloaded (by any thread: a module cannot depend on one that the current thread is working on
   * further up its stack) or gone. Undone by {@link #unpin} once the dependent is linked or failed.
   */
  synchronized boolean pin() {
    if (state != State.LOADED) {
      return false;
    }
    pins++;
    return true;
  }

  synchronized void unpin() {
    pins--;
  }

  /** The entries that depend on this one, which the current thread has claimed. */
  List<ModuleEntry<?>> dependentEntries() {
    if (dependents == null) {
      return List.of();
    }
    synchronized (this) {
      return new ArrayList<>(dependents);
    }
  }

  /** A module this entry is linked to as a dependent that has been unloaded since, or {@code null}. */
  ModuleEntry<?> lostDependency() {
    if (dependencies != null) {
      for (ModuleEntry<?> dependency : dependencies) {
        if (dependency.state == State.GONE) {
          return dependency;
        }
      }
    }
    return null;
  }

  /** Unlinks this entry from the modules it depends on: it is going away. */
  void unlinkFromDependencies() {
    if (dependencies == null) {
      return;
    }
    for (ModuleEntry<?> dependency : dependencies) {
      dependency.removeDependent(this);
    }
    dependencies = null;
  }

  private synchronized void removeDependent(ModuleEntry<?> dependent) {
    if (dependents != null) {
      dependents.remove(dependent);
    }
  }

  /**
   * Keeps a hook or item registration that {@code context} made, to be closed when the module is
   * unloaded from here; {@code false} (not kept) if that context is closed: its instance has been
   * unloaded, or failed to load. (A context is closed before the entry's registrations are
   * released, so a registration is either kept and released, or refused.)
   */
  synchronized boolean own(Registration registration, Context context) {
    List<Registration> current = owned;
    if (current == null) {
      // Published before the context is read, as the context is closed before releaseOwned reads
      // this without the monitor: either that sees the list (and takes the monitor), or this
      // sees the context closed.
      owned = current = new ArrayList<>();
    }
    if (context != null && context.isClosed()) {
      return false;
    }
    current.add(registration);
    return true;
  }

  /**
   * Closes every hook and item registration the module made here, newest first, once the
   * context they were made through is closed.
   */
  void releaseOwned() {
    if (owned == null) {
      return;
    }
    List<Registration> release;
    synchronized (this) {
      release = owned;
      owned = null;
    }
    for (int i = release.size() - 1; i >= 0; i--) {
      release.get(i).close();
    }
  }

  @Override
  public String toString() {
    return name + "@" + host.name + " " + state;
  }
}
