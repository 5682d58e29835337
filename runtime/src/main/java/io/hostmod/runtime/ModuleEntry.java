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
 * read without locking.
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
  private Thread owner = Thread.currentThread();
  /** A shared module's host entry: the global entry it is attached to. */
  private ModuleEntry<M> global;
  /** A shared module's global entry: the host entries attached to it, in attach order. */
  private Set<ModuleEntry<M>> attached;

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

  /** Claims a loaded entry for an unload or reload; {@code false} if it is gone. */
  synchronized boolean acquire() {
    if (!awaitSettled()) {
      return false;
    }
    state = State.BUSY;
    owner = Thread.currentThread();
    return true;
  }

  /** Ends the claim: loaded, or gone (the caller has already removed it from its host). */
  synchronized void settle(boolean loaded) {
    state = loaded ? State.LOADED : State.GONE;
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
    boolean usable = state == State.LOADED || (state == State.LOADING && owner == Thread.currentThread());
    if (!usable) {
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

  /** The global entry's part, which a host part shares. */
  HostPart<M> globalPart() {
    return global.part();
  }

  synchronized List<ModuleEntry<M>> attachedEntries() {
    return attached == null ? List.of() : new ArrayList<>(attached);
  }

  @Override
  public String toString() {
    return binding.name() + "@" + host.name + " " + state;
  }
}
