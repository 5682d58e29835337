package io.hostmod.runtime;

/**
 * An operation that loads instances (a load, a reload): the time it first settled an entry as
 * loaded, read once, when first needed, as a clock read costs as much as the rest of a settle. An
 * unload or a host's deactivation needs none, and its operation object is 24 bytes without it and
 * the load numbers: with them, 40 of the 272 bytes a shared module's host part allocated to load
 * and unload (now 240 in all, docs/benchmarks.md).
 */
abstract class LoadingOperation extends Operation {

  /** When it settled an entry as loaded; 0 until it first does. */
  private long at;

  LoadingOperation(Server server) {
    super(server);
  }

  /** The time entries this operation loads are loaded since: read on the first call. */
  final long at() {
    if (at == 0) {
      at = server.timers.clock.millis();
    }
    return at;
  }

  /** Settles a claimed entry as loaded, with the event given. */
  final <M> void settle(Claim<M> claim, String event) {
    queued(claim.entry.host, claim.entry.settleLoaded(claim, at(), event));
  }
}
