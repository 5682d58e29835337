package io.hostmod.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Which thread of one manager waits for which claim, to refuse a wait that would close a cycle
 * (this thread waits for a claim whose holder waits, directly or through others, for a claim this
 * thread holds) with {@code module-busy} instead of deadlocking. Only callbacks that call back
 * into the manager can close such a cycle: operations themselves never wait for an entry while
 * holding a claim that the other thread could need (see {@link Closure}).
 *
 * <p>Its monitor is taken inside an entry's monitor, never the other way round.
 */
final class WaitGraph {

  private final Map<Thread, Claim<?>> waiting = new HashMap<>();

  /**
   * Records that the current thread is about to wait for {@code awaited}.
   *
   * @throws ModuleException {@code module-busy} if that wait would close a cycle of waits
   */
  synchronized void enter(Claim<?> awaited) {
    Thread current = Thread.currentThread();
    Claim<?> next = awaited;
    for (int hops = 0; next != null && hops <= waiting.size(); hops++) {
      if (next.owner == current) {
        throw ModuleException.busyWaiting(awaited.entry.host.name, awaited.entry.name, awaited.owner.getName());
      }
      Claim<?> further = waiting.get(next.owner);
      // A claim released since its waiter registered breaks the chain: that thread will wake.
      next = further != null && further.entry.isClaimedBy(further) ? further : null;
    }
    waiting.put(current, awaited);
  }

  /**
   * Whether {@code waiter} waits, directly or through other threads, for a claim the current
   * thread holds: then the current thread must not wait for {@code waiter} in turn.
   */
  synchronized boolean waitsForCurrentThread(Thread waiter) {
    Claim<?> next = waiting.get(waiter);
    for (int hops = 0; next != null && hops <= waiting.size(); hops++) {
      if (!next.entry.isClaimedBy(next)) {
        return false;
      }
      if (next.owner == Thread.currentThread()) {
        return true;
      }
      next = waiting.get(next.owner);
    }
    return false;
  }

  synchronized void leave() {
    waiting.remove(Thread.currentThread());
  }
}
