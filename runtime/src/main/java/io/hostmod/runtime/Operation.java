package io.hostmod.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every lifecycle operation shares: its server, the time it first settled an entry as loaded
 * (read once, when first needed: a clock read costs as much as the rest of a settle, and an unload
 * needs none), the load numbers of the entries it makes, and the hosts whose lifecycle events it
 * posted, to deliver them once it holds no claim.
 */
abstract class Operation {

  final Server server;
  /** When it settled an entry as loaded; 0 until it first does. */
  private long at;
  /** The hosts this operation queued lifecycle events on; made on the first (most queue none). */
  private Set<Host> posted;
  /**
   * The next load number of this operation's block; 0 until the first. A block starts at a multiple
   * of its size, so the number that ends one needs no field of its own (every operation object
   * is made per call: 8 bytes of each).
   */
  private long nextLoadNumber;

  /** Load numbers per block: far more entries than one operation makes. */
  private static final int BLOCK_BITS = 20;
  private static final long IN_BLOCK = (1L << BLOCK_BITS) - 1;

  Operation(Server server) {
    this.server = server;
  }

  /** The time entries this operation loads are loaded since: read on the first call. */
  final long at() {
    if (at == 0) {
      at = server.timers.clock.millis();
    }
    return at;
  }

  /**
   * The next number of the load order, for an entry this operation makes: numbers only grow, and
   * an operation that starts after another ended gives greater ones. They are handed out in
   * blocks, one shared atomic step per block ({@link Server#loadBlocks}) rather than one per entry
   * under its host's monitor, which was a tenth of activating 10,000 hosts x 50 modules
   * (docs/benchmarks.md, "A/B against the previous runtime"). Two operations that overlap may
   * number their entries in either order, as they may load them in either.
   */
  final long loadNumber() {
    if ((nextLoadNumber & IN_BLOCK) == 0) {
      // None yet, or the block is used up: the next one.
      nextLoadNumber = server.loadBlocks.incrementAndGet() << BLOCK_BITS;
    }
    return nextLoadNumber++;
  }

  /** Queues a lifecycle event on the host, to deliver in {@link #deliver()}. */
  final void post(Host host, String event, String module) {
    queued(host, host.postLifecycle(event, module));
  }

  /** Notes a host this operation queued a lifecycle event on, if it did. */
  final void queued(Host host, boolean queued) {
    if (queued) {
      if (posted == null) {
        posted = new LinkedHashSet<>();
      }
      posted.add(host);
    }
  }

  /** Delivers the lifecycle events this operation queued: call once every claim is released. */
  final void deliver() {
    if (posted != null) {
      for (Host host : posted) {
        host.lifecycleEvents.deliver();
      }
    }
  }

  /**
   * The one teardown sequence: unloads claimed entries for good, in the order given (what depends
   * on an entry before it, a shared module's host parts before its global entry). Each instance's
   * {@code @Unload} has returned before the entry is detached and the next one starts.
   */
  final void tearDown(List<Claim<?>> claims) {
    for (Claim<?> claim : claims) {
      Callbacks.unload(claim);
      gone(claim);
    }
  }

  /** Removes a claimed entry that was loaded, with what it registered, and says so. */
  final <M> void gone(Claim<M> claim) {
    remove(claim, Event.MODULE_UNLOADED);
  }

  /**
   * Removes a claimed entry whose load failed, with what it registered, and records why for
   * {@link ModuleManager#status()}; no event: it never was loaded.
   */
  final <M> void abandon(Claim<M> claim, Throwable failure) {
    if (!(failure instanceof Closure.Blocked)) {
      // Blocked is no failure of the module: the load starts again.
      claim.entry.host.failed(claim.entry.binding, failure);
    }
    remove(claim, null);
  }

  /** Takes a claimed entry out of every structure it is in, then off its host's table. */
  private <M> void remove(Claim<M> claim, String event) {
    ModuleEntry<M> entry = claim.entry;
    entry.releaseRegistrations(claim);
    entry.unlink(claim);
    entry.detach(claim);
    queued(entry.host, entry.settleGone(claim, event));
  }

  /** Collects failures: the first, with the others suppressed in it. */
  static ModuleException collect(ModuleException first, ModuleException next) {
    if (first == null) {
      return next;
    }
    if (next != null) {
      first.addSuppressed(next);
    }
    return first;
  }

  /** Settles a claimed entry as loaded, with the event given. */
  final <M> void settle(Claim<M> claim, String event) {
    queued(claim.entry.host, claim.entry.settleLoaded(claim, at(), event));
  }
}
