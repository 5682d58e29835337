package io.hostmod.runtime;

import io.hostmod.runtime.spi.HostPart;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ProxyTarget;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * One module on one host: an entry of a {@link Host}'s table, from the load that creates it until
 * it is gone. Reloads keep the entry and replace its instance, so host proxies bound to it keep
 * working.
 *
 * <p><b>Claims.</b> At any time at most one {@link Claim} holds the entry. Everything that changes
 * it (its instance, its links, its registrations, whether it is loaded) takes that claim as an
 * argument and checks it; other threads wait on the entry's monitor until the claim ends, through
 * the manager's {@link WaitGraph}. A claim is taken by one compare-and-set (a shared module's
 * global entry's, under the monitor: see {@link #tryClaim}); the monitor guards the plain
 * collections below, a few instructions at a time, and is never held while module code runs.
 *
 * <p><b>Links.</b> A dependent or host part may link to this entry only while it is settled (or
 * claimed by the linking load itself). A dependent's link and a claim are checked against each
 * other with {@link #linked}: the link counts itself, then reads the claim, and undoes itself if a
 * claim was taken meanwhile; a claimer takes the claim, then reads the count. So either the link
 * sees the claim, or the claimer sees the link, and an unload never misses what depends on its
 * entry. A host part attaches under its global entry's monitor, under which that entry is claimed
 * (see {@link #tryClaim}): the monitor orders them, and the count needs no check.
 *
 * <p><b>Reads.</b> Whether it is loaded and its current instance are volatile fields, read without
 * locking ({@code isLoaded}, host proxy calls). A shared module's host part reads as loaded only
 * while its global entry does, so dropping the global entry takes the module off every host at
 * one instant.
 */
sealed class ModuleEntry<M> implements ProxyTarget<M> permits ModuleEntry.SharedGlobal {

  // Writes by the claim's holder that readers only need to see in order (a release store), not
  // at once (a volatile store's fence): three fences fewer per load and per unload, about a third
  // of unloading a host's 40 entries (docs/benchmarks.md, "A/B against the previous runtime"). The
  // end of a claim stays a volatile store: see waiters.
  private static final VarHandle CLAIM;
  private static final VarHandle LOADED;
  private static final VarHandle CONTEXT;
  private static final VarHandle LINKED;
  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      CLAIM = lookup.findVarHandle(ModuleEntry.class, "claim", Claim.class);
      LOADED = lookup.findVarHandle(ModuleEntry.class, "loaded", boolean.class);
      CONTEXT = lookup.findVarHandle(ModuleEntry.class, "context", Context.class);
      LINKED = lookup.findVarHandle(ModuleEntry.class, "linked", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Host host;
  /**
   * The binding (the code, for a module jar: its version) that made the current instance, or that
   * the next one is made from. A reload onto a module jar's new code replaces it (see {@link
   * #useBinding}); written by the claim's holder only.
   */
  volatile ModuleBinding<M> binding;
  /**
   * The binding's name, and whether its module is shared, read once: reached through an interface
   * on every call otherwise. A flag rather than the kind: 8 bytes of each entry (see {@link
   * SharedGlobal}).
   */
  final String name;
  final boolean shared;
  /** Its module's slot in its host's table. */
  final int slot;
  /**
   * Where the entry stands in the load order, to unload a host's modules newest first: the
   * number its load gave it ({@link LoadOperation#loadNumber}), unique in the manager.
   */
  final long sequence;

  /**
   * The current claim, or {@code null} once settled. Taken by compare-and-set (but see {@link
   * #tryClaim}) and ended by a volatile write (see {@link #waiters}): the monitor's two atomic
   * steps per claim were a tenth of deactivating 10,000 hosts x 50 modules (docs/benchmarks.md,
   * "A/B against the previous runtime"). A link checks it again after counting itself (see {@link
   * #linked}).
   */
  private volatile Claim<M> claim;
  /**
   * How many dependents and host parts are linked to this entry, counted under the monitor (for a
   * dependent, by a volatile write before the link reads the claim again); read by a claimer after
   * it took its claim. A count that stays above zero for a moment after an unlink only sends an unload the
   * longer way ({@link Closure}); decrements are release writes.
   */
  private volatile int linked;
  /**
   * Threads waiting on the monitor for the claim to end, changed under it. A release ends the
   * claim, then reads this; a waiter counts itself, then reads the claim: so either the release
   * sees the waiter and wakes it, or the waiter sees the claim ended. That spares every release
   * the monitor and Object.notifyAll, a call into the VM that was the top frame of a profile of
   * deactivating 10,000 hosts × 50 modules (docs/benchmarks.md, "A/B against the previous
   * runtime").
   */
  private volatile int waiters;
  /** Loaded (a reload or unload in progress included). Written by the claim's holder. */
  private volatile boolean loaded;
  /** The current instance's context (which holds the instance), or {@code null}. */
  private volatile Context context;
  /** When the entry last settled as loaded; written by the claim's holder, read after {@link #loaded}. */
  private long since;
  /**
   * A shared module's host part: its global entry. Set by the claim's holder before the first
   * settle, which publishes it.
   */
  private SharedGlobal<M> global;

  /**
   * On a host part: the host parts attached before and after it in its global entry's list ({@link
   * SharedGlobal}). Guarded by the global entry's monitor.
   */
  private ModuleEntry<M> previousAttached;
  private ModuleEntry<M> nextAttached;

  // Null until the first element, as most entries have none; an entry with none is unloaded without
  // taking the monitor for them (three monitors fewer per unload: see waiters).
  /** The entries linked to this one as its dependents. Guarded by the monitor. */
  private List<ModuleEntry<?>> dependents;
  /**
   * The entries this one is linked to as a dependent. Written and read by the claim's holder
   * only, so it needs no monitor: claims hand it from one thread to the next.
   */
  private List<ModuleEntry<?>> dependencies;
  /**
   * Hooks and items the module added here, closed when its instance is unloaded. Changed under
   * the monitor; volatile so that a release finds "none" without it (see {@link #own}).
   */
  private volatile List<Registration> registrations;

  private ModuleEntry(Host host, ModuleBinding<M> binding, int slot, long sequence) {
    this.host = host;
    this.binding = binding;
    this.name = binding.name();
    this.shared = binding.kind() == ModuleKind.SHARED;
    this.slot = slot;
    this.sequence = sequence;
  }

  /**
   * A new entry, claimed for its load by the current thread; not yet in its host's table.
   *
   * @param sequence its place in the load order ({@link LoadOperation#loadNumber})
   */
  static <M> Claim<M> create(Host host, ModuleBinding<M> binding, int slot, long sequence) {
    ModuleEntry<M> entry = binding.kind() == ModuleKind.SHARED && host.isGlobal()
        ? new SharedGlobal<>(host, binding, slot, sequence)
        : new ModuleEntry<>(host, binding, slot, sequence);
    Claim<M> claim = new Claim<>(entry, Claim.Purpose.LOAD);
    // Published with the entry, by the host's table.
    CLAIM.set(entry, claim);
    return claim;
  }

  // ---- reads, without locking

  @Override
  public String host() {
    return host.name;
  }

  String name() {
    return name;
  }

  /** Loaded here: also while being unloaded or reloaded, not while loading for the first time. */
  boolean isLoaded() {
    if (!loaded) {
      return false;
    }
    ModuleEntry<M> from = global;
    return from == null || from.loaded;
  }

  @Override
  public HostPart<M> part() {
    HostPart<M> current = partOrNull();
    if (current == null) {
      throw ModuleException.notLoaded(host.name, name);
    }
    return current;
  }

  /** The current instance with its context, or {@code null} while there is none. */
  @SuppressWarnings("unchecked") // setContext binds a context of this entry only to an instance of its module
  HostPart<M> partOrNull() {
    Context current = context;
    return current == null ? null : new HostPart<>((M) current.instance(), current);
  }

  /** The current instance's context, or {@code null} while there is none. */
  Context context() {
    return context;
  }

  /** A shared module's host part: its global entry; {@code null} for other entries. */
  SharedGlobal<M> global() {
    return global;
  }

  boolean isSharedGlobal() {
    return this instanceof SharedGlobal;
  }

  boolean isHostPart() {
    return shared && !host.isGlobal();
  }

  /** Settled and not loaded: out of its host's table, for good. */
  boolean isGone() {
    return claim == null && !loaded;
  }

  boolean isClaimedBy(Claim<?> held) {
    return claim == held;
  }

  boolean isClaimedByCurrentThread() {
    Claim<M> current = claim;
    return current != null && current.isHeldByCurrentThread();
  }

  ModuleState publicState() {
    Claim<M> current = claim;
    if (current == null) {
      return ModuleState.LOADED;
    }
    return switch (current.purpose) {
      case LOAD -> ModuleState.LOADING;
      case UNLOAD -> ModuleState.UNLOADING;
      case RELOAD -> ModuleState.RELOADING;
      case RECONFIGURE -> ModuleState.RECONFIGURING;
    };
  }

  /** When the entry last settled as loaded; now, for an entry loading for the first time. */
  long since() {
    long settled = since;
    return settled != 0 ? settled : host.server.timers.clock.millis();
  }

  // ---- claiming and waiting

  /**
   * Waits until neither this entry nor, for a host part, its global entry is claimed by another
   * thread.
   *
   * @throws ModuleException {@code module-busy} if the current thread holds the claim, or the
   *     wait would close a cycle
   */
  void awaitSettled(WaitGraph waits) {
    while (true) {
      awaitUnclaimed(waits);
      ModuleEntry<M> from = global;
      Claim<M> globalClaim = from == null ? null : from.claim;
      if (globalClaim == null || globalClaim.isHeldByCurrentThread()) {
        return;
      }
      from.awaitUnclaimed(waits);
    }
  }

  private void awaitUnclaimed(WaitGraph waits) {
    // Most entries an operation looks at are settled: no monitor for those.
    if (claim != null) {
      awaitClaimEnded(waits);
    }
  }

  private synchronized void awaitClaimEnded(WaitGraph waits) {
    Claim<M> current = claim;
    if (current == null) {
      return;
    }
    if (current.isHeldByCurrentThread()) {
      throw ModuleException.busy(host.name, name);
    }
    waits.enter(current);
    waiters++;
    try {
      Monitors.awaitUninterruptibly(this, () -> claim != current);
    } finally {
      waiters--;
      waits.leave();
    }
  }

  /**
   * Claims this settled, loaded entry, waiting while another thread holds it (or, for a host part,
   * its global entry).
   *
   * @return the claim, or {@code null} if the entry is gone
   * @throws ModuleException {@code module-busy} as {@link #awaitSettled}
   */
  Claim<M> claim(Claim.Purpose purpose, WaitGraph waits) {
    while (true) {
      awaitSettled(waits);
      Claim<M> taken = tryClaim(purpose);
      if (taken != null || !loaded) {
        return taken;
      }
    }
  }

  /**
   * Claims this entry if no other thread holds it or, for a host part, its global entry.
   *
   * @return the claim; {@code null} if the entry is gone or held by another thread (see {@link
   *     #isLoaded()} and {@link #isClaimedByCurrentThread()} to tell which)
   * @throws ModuleException {@code module-busy} if the current thread holds it already
   */
  Claim<M> tryClaim(Claim.Purpose purpose) {
    return isSharedGlobal() ? tryClaimUnderMonitor(purpose) : tryClaimByCas(purpose);
  }

  /**
   * A shared module's global entry is claimed under its monitor, as its host parts attach under
   * it: an attach then needs no count-and-check (see {@link #attach}). Every host part's load
   * attaches, while the global entry is claimed only by an operation on {@code "*"}: the attach's
   * fence was a twentieth of loading a shared module onto 100 hosts and off (docs/benchmarks.md).
   */
  private synchronized Claim<M> tryClaimUnderMonitor(Claim.Purpose purpose) {
    return tryClaimByCas(purpose);
  }

  private Claim<M> tryClaimByCas(Claim.Purpose purpose) {
    Claim<M> current = claim;
    if (current != null) {
      if (current.isHeldByCurrentThread()) {
        throw ModuleException.busy(host.name, name);
      }
      return null;
    }
    ModuleEntry<M> from = global;
    Claim<M> globalClaim = from == null ? null : from.claim;
    if (!loaded || (globalClaim != null && !globalClaim.isHeldByCurrentThread())) {
      return null;
    }
    Claim<M> taken = new Claim<>(this, purpose);
    if (!CLAIM.compareAndSet(this, (Claim<M>) null, taken)) {
      return null; // another thread claimed it since it was read
    }
    if (!loaded) {
      // Claimed, unloaded and settled by another thread between the read above and the claim:
      // only a claim's holder changes whether it is loaded, so this read, holding it, is final.
      release(taken);
      return null;
    }
    return taken;
  }

  private void requireHeld(Claim<M> held) {
    if (claim != held || !held.isHeldByCurrentThread()) {
      throw new IllegalStateException(this + " is not claimed by " + held);
    }
  }

  // ---- settling: each ends the claim

  /**
   * Ends a load's or reload's claim: loaded since {@code at}, and says so.
   *
   * @return whether the event was queued, to deliver
   */
  boolean settleLoaded(Claim<M> held, long at, String event) {
    boolean queued = markLoaded(held, at, event);
    release(held);
    return queued;
  }

  /**
   * Marks the claimed entry loaded without ending the claim, and says so unless {@code event} is
   * {@code null}: a dependency a load loaded on the way, which other operations may use only once
   * that load is over; a shared module's first host part, which reads as loaded only once its
   * global entry does.
   *
   * @return whether the event was queued, to deliver
   */
  boolean markLoaded(Claim<M> held, long at, String event) {
    requireHeld(held);
    since = at;
    LOADED.setRelease(this, true);
    return event != null && post(held, event);
  }

  /** Says something of the claimed entry, in order with its other lifecycle events. */
  boolean post(Claim<M> held, String event) {
    requireHeld(held);
    return host.postLifecycle(event, name);
  }

  /** Ends a claim that changed nothing: as before (loaded). */
  void release(Claim<M> held) {
    requireHeld(held);
    claim = null;
    if (waiters > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /**
   * Ends the claim with the entry gone: out of its host's table, and, if {@code event} is not
   * {@code null} (it was loaded), says so.
   *
   * @return whether the event was queued, to deliver
   */
  boolean settleGone(Claim<M> held, String event) {
    requireHeld(held);
    LOADED.setRelease(this, false);
    if (context != null) {
      CONTEXT.setRelease(this, null); // every path unloads the instance first; this guards against one that did not
    }
    // Said before the entry leaves its host: from then on another load may make a new entry
    // there, whose module-loaded must come after this.
    boolean queued = event != null && host.postLifecycle(event, name);
    host.remove(this);
    release(held);
    return queued;
  }

  /**
   * Takes this claimed shared global entry off every host at once: from now on neither it nor
   * any of its host parts reads as loaded.
   */
  void drop(Claim<M> held) {
    requireHeld(held);
    loaded = false;
  }

  /**
   * Makes the claimed entry's next instance from another binding of its module: a module jar's
   * other version (same name and kind), or for a host part, its global entry's.
   */
  @SuppressWarnings("unchecked") // the same module, in another class loader: M is erased
  void useBinding(Claim<M> held, ModuleBinding<?> next) {
    requireHeld(held);
    binding = (ModuleBinding<M>) next;
  }

  /** The entries the claimed entry is linked to as a dependent (for a reload's plan). */
  List<ModuleEntry<?>> dependencies(Claim<M> held) {
    requireHeld(held);
    return dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  /** Sets the instance (through its context) of the claimed entry; {@code null}: none. */
  void setContext(Claim<M> held, Context current) {
    requireHeld(held);
    CONTEXT.setRelease(this, current);
  }

  // ---- a shared module's host parts

  /** Detaches a claimed host part from its global entry, after its last callback returned. */
  void detach(Claim<M> hostPart) {
    requireHeld(hostPart);
    SharedGlobal<M> from = global;
    if (from != null) {
      from.unlinkPart(this);
    }
  }

  /**
   * Counts a link just made to this entry, which was settled or held by the linking thread
   * ({@code checked}), then reads the claim again and, if there was none, whether the entry is
   * still loaded: another thread may have claimed it, unloaded it and ended its claim in between,
   * so that the claim reads as before (found by {@code RaceTest}). Under the monitor.
   *
   * @return {@code false} if another thread claimed this entry meanwhile: that claimer may not have
   *     seen the link, so the caller undoes it (the count is undone here)
   */
  private boolean countLink(Claim<M> checked) {
    linked = linked + 1; // a volatile write: ordered before the reads below
    if (claim != checked || (checked == null && !loaded)) {
      uncountLink();
      return false;
    }
    return true;
  }

  /** Uncounts a link undone or removed; under the monitor. */
  private void uncountLink() {
    LINKED.setRelease(this, linked - 1);
  }

  // ---- dependencies

  /**
   * Links the claimed entry to the modules it depends on, all or none, before any of its code
   * runs: from then on an unload of one of them unloads this one first. A dependency may be
   * settled, or claimed by the same load ({@code heldToo}).
   *
   * @return {@code null} if linked; else a dependency that is claimed by another thread or gone,
   *     to wait for before resolving the dependencies again (none is linked then)
   */
  ModuleEntry<?> linkTo(Claim<M> held, List<ModuleEntry<?>> needed, List<Claim<?>> heldToo) {
    requireHeld(held);
    for (int i = 0; i < needed.size(); i++) {
      ModuleEntry<?> dependency = needed.get(i);
      if (!dependency.addDependent(this, heldToo)) {
        for (int j = 0; j < i; j++) {
          needed.get(j).removeDependent(this);
        }
        return dependency;
      }
    }
    dependencies = needed.isEmpty() ? null : new ArrayList<>(needed);
    return null;
  }

  /**
   * Links a dependent, if this entry is loaded and settled, or claimed by the same load (one of
   * {@code heldToo}: a dependency it loaded on the way).
   */
  private synchronized boolean addDependent(ModuleEntry<?> dependent, List<Claim<?>> heldToo) {
    Claim<M> current = claim;
    if ((current != null && !(heldToo.contains(current) && current.isHeldByCurrentThread())) || !isLoaded()) {
      return false;
    }
    if (dependents == null) {
      dependents = new ArrayList<>(2);
    }
    dependents.add(dependent);
    if (!countLink(current)) {
      dependents.remove(dependents.size() - 1);
      return false;
    }
    return true;
  }

  private synchronized void removeDependent(ModuleEntry<?> dependent) {
    if (dependents != null && dependents.remove(dependent)) {
      uncountLink();
    }
  }

  /** Unlinks the claimed entry from the modules it depends on: it is going away. */
  void unlink(Claim<M> held) {
    requireHeld(held);
    List<ModuleEntry<?>> linked = dependencies;
    dependencies = null;
    if (linked != null) {
      for (ModuleEntry<?> dependency : linked) {
        dependency.removeDependent(this);
      }
    }
  }

  /**
   * Whether nothing is linked to this claimed entry: no dependent, no host part. None can link
   * while it is claimed, and one that linked before is counted (see {@link #linked}); one
   * unlinking meanwhile only makes the answer "no" where "yes" would do.
   */
  boolean hasNoLinks(Claim<M> held) {
    requireHeld(held);
    return linked == 0;
  }

  /** The entries linked to this one as dependents, now. */
  synchronized List<ModuleEntry<?>> dependents() {
    return dependents == null ? List.of() : new ArrayList<>(dependents);
  }

  /**
   * A module this entry depends on that is no longer loaded (for a host part, its global entry
   * too), or {@code null}.
   */
  ModuleEntry<?> lostDependency() {
    if (global != null && global.isGone()) {
      return global;
    }
    if (dependencies != null) {
      for (ModuleEntry<?> dependency : dependencies) {
        if (!dependency.loaded) {
          return dependency;
        }
      }
    }
    return null;
  }

  // ---- registrations

  /**
   * Keeps a hook or item registration that {@code context} made, to be closed when its instance
   * is unloaded; {@code false} (not kept) if that context is closed already.
   */
  synchronized boolean own(Registration registration, Context by) {
    List<Registration> current = registrations;
    if (current == null) {
      // Published before the context is read, as an unload closes the context's timers (which
      // closes it for every other thread) before it reads this without the monitor: either that
      // release sees the list, or this sees the context closed.
      registrations = current = new ArrayList<>(2);
    }
    if (by != null && by.isClosed()) {
      return false;
    }
    current.add(registration);
    return true;
  }

  /** The actions its instance gave {@code ModuleContext.onUnload} that are still to run. */
  synchronized int unloadActions() {
    int due = 0;
    if (registrations != null) {
      for (Registration registration : registrations) {
        if (registration instanceof Context.UnloadAction action && action.isDue()) {
          due++;
        }
      }
    }
    return due;
  }

  /**
   * Closes every registration of the claimed entry's instance, newest first; one that throws (an
   * {@code onUnload} action) is logged, and the others are closed all the same.
   */
  void releaseRegistrations(Claim<M> held) {
    requireHeld(held);
    if (registrations == null) {
      return;
    }
    List<Registration> release;
    synchronized (this) {
      release = registrations;
      registrations = null;
    }
    if (release != null) {
      for (int i = release.size() - 1; i >= 0; i--) {
        try {
          release.get(i).close();
        } catch (Throwable failure) {
          // An onUnload action is module code: its failure must not leave the entry claimed.
          LOG.log(System.Logger.Level.WARNING, () -> "an onUnload action of module '" + name + "' on host '"
              + host.name + "' threw; the unload went on", failure);
        }
      }
    }
  }

  @Override
  public String toString() {
    Claim<M> current = claim;
    return name + "@" + host.name + (current != null ? " claimed for " + current.purpose : loaded ? " loaded" : " gone");
  }

  /**
   * A shared module's global entry: it keeps the module's host parts in a list linked through
   * them, so no node per host part, and only it has the list's ends (two fields fewer in every
   * other entry: with the kind read as a flag, an entry is 88 bytes rather than 104, and a shared
   * module's load and unload on 10,000 hosts allocates that much less per host, docs/benchmarks.md).
   * The list is guarded by this entry's monitor, under which it is also claimed ({@link #tryClaim}).
   */
  static final class SharedGlobal<M> extends ModuleEntry<M> {

    /** The first and last host part attached. */
    private ModuleEntry<M> firstAttached;
    private ModuleEntry<M> lastAttached;

    private SharedGlobal(Host host, ModuleBinding<M> binding, int slot, long sequence) {
      super(host, binding, slot, sequence);
    }

    /**
     * Attaches a claimed host part to this global entry, if it is loaded and settled or claimed by
     * the current thread; {@code false} otherwise (being unloaded, reloaded or loaded by another
     * thread, or gone).
     */
    boolean attach(Claim<M> hostPart) {
      ModuleEntry<M> part = hostPart.entry;
      part.requireHeld(hostPart);
      synchronized (this) {
        ModuleEntry<M> self = this; // its fields as an entry: private to ModuleEntry
        Claim<M> current = self.claim;
        boolean usable = current == null ? self.loaded : current.isHeldByCurrentThread();
        if (!usable) {
          return false;
        }
        part.previousAttached = lastAttached;
        if (lastAttached != null) {
          lastAttached.nextAttached = part;
        } else {
          firstAttached = part;
        }
        lastAttached = part;
        // Counted without a fence: this entry is claimed only under this monitor (tryClaim).
        LINKED.setRelease(this, self.linked + 1);
      }
      part.global = this;
      return true;
    }

    /** Detaches a host part, if attached; the caller holds its claim. */
    private synchronized void unlinkPart(ModuleEntry<M> part) {
      if (part.previousAttached == null && firstAttached != part) {
        return; // not attached (any more)
      }
      if (part.previousAttached != null) {
        part.previousAttached.nextAttached = part.nextAttached;
      } else {
        firstAttached = part.nextAttached;
      }
      if (part.nextAttached != null) {
        part.nextAttached.previousAttached = part.previousAttached;
      } else {
        lastAttached = part.previousAttached;
      }
      part.previousAttached = null;
      part.nextAttached = null;
      ModuleEntry<M> self = this; // private to ModuleEntry
      self.uncountLink();
    }

    /** The host parts attached, in attach order. */
    synchronized List<ModuleEntry<M>> attached() {
      List<ModuleEntry<M>> parts = new ArrayList<>();
      for (ModuleEntry<M> part = firstAttached; part != null; part = part.nextAttached) {
        parts.add(part);
      }
      return parts;
    }
  }
}
