package io.hostmod.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every lifecycle operation shares: its server, the hosts whose lifecycle events it posted, to
 * deliver them once it holds no claim, and the one teardown sequence. One that loads instances
 * extends {@link LoadingOperation}.
 */
abstract class Operation {

  final Server server;
  /** The hosts this operation queued lifecycle events on; made on the first (most queue none). */
  private Set<Host> posted;

  Operation(Server server) {
    this.server = server;
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
}
