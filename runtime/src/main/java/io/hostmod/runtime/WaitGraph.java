package io.hostmod.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Which thread of one manager waits for which claim (or, closing a timer lane, for which thread
 * running a timer task), to refuse a wait that would close a cycle
 * (this thread waits for a claim whose holder waits, directly or through others, for a claim this
 * thread holds) with {@code module-busy} instead of deadlocking. Only callbacks that call back
 * into the manager can close such a cycle: operations themselves never wait for an entry while
 * holding a claim that the other thread could need (see {@link Closure}).
 *
 * <p>Its monitor is taken inside an entry's, a timer lane's or the server's monitor, never the other
 * way round: it tells the server of a new wait once out of its own.
 */
final class WaitGraph {

  /** What each waiting thread waits for: a {@link Claim}, or a {@link Thread} running a timer task. */
  private final Map<Thread, Object> waiting = new HashMap<>();
  /** Told of each wait recorded, out of this object's monitor ({@link Server#waitStarted}). */
  private final Runnable started;

  WaitGraph(Runnable started) {
    this.started = started;
  }

  /**
   * Records that the current thread is about to wait for {@code awaited}.
   *
   * @throws ModuleException {@code module-busy} if that wait would close a cycle of waits
   */
  void enter(Claim<?> awaited) {
    Thread current = Thread.currentThread();
    synchronized (this) {
      if (leadsTo(awaited, current)) {
        throw ModuleException.busyWaiting(awaited.entry.host.name, awaited.entry.name, awaited.owner.getName());
      }
      waiting.put(current, awaited);
    }
    started.run();
  }

  /**
   * Records that the current thread is about to wait for {@code runner} to finish a timer task.
   *
   * @return {@code false} (nothing recorded) if {@code runner} waits, directly or through other
   *     threads, for a claim the current thread holds: that wait would never end
   */
  boolean enterThread(Thread runner) {
    Thread current = Thread.currentThread();
    synchronized (this) {
      if (leadsTo(runner, current)) {
        return false;
      }
      waiting.put(current, runner);
    }
    started.run();
    return true;
  }

  /** Whether following what {@code awaited} waits for reaches {@code thread}. */
  private boolean leadsTo(Object awaited, Thread thread) {
    Object next = awaited;
    for (int hops = 0; next != null && hops <= waiting.size(); hops++) {
      Thread holder;
      if (next instanceof Claim<?> claim) {
        if (!claim.entry.isClaimedBy(claim)) {
          // A claim released since its waiter registered breaks the chain: that thread will wake.
          return false;
        }
        holder = claim.owner;
      } else {
        holder = (Thread) next;
      }
      if (holder == thread) {
        return true;
      }
      next = waiting.get(holder);
    }
    return false;
  }

  /**
   * Whether {@code waiter} waits, directly or through other threads, for a claim the current
   * thread holds: then the current thread must not wait for {@code waiter} in turn.
   */
  synchronized boolean waitsForCurrentThread(Thread waiter) {
    Object next = waiting.get(waiter);
    return next != null && leadsTo(next, Thread.currentThread());
  }

  synchronized void leave() {
    waiting.remove(Thread.currentThread());
  }
}
