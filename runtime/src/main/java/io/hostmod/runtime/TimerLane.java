package io.hostmod.runtime;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The timer tasks of one module instance (one {@link Context}): run one at a time, in the order
 * they came due, on the scheduler's workers. {@link #close()} is its end: called before the
 * instance's {@code @Unload}, it refuses every task from then on, drops those queued, and waits for
 * the one running, so that {@code @Unload} never runs beside a task of its instance.
 */
final class TimerLane implements Runnable {

  private final Timers timers;
  private final Context context;
  private final ArrayDeque<Timers.Timer> queued = new ArrayDeque<>();
  /** A drain of this lane is on the pool. */
  private boolean draining;
  /** The thread running a task of this lane, or {@code null}. */
  private Thread running;
  private boolean closed;

  TimerLane(Timers timers, Context context) {
    this.timers = timers;
    this.context = context;
  }

  /** The instance's context, whose host and module name this lane's timers belong to. */
  Context context() {
    return context;
  }

  /** Queues a due timer's task; {@code false} if the lane is closed. Called by the scheduler. */
  synchronized boolean offer(Timers.Timer timer) {
    if (closed) {
      return false;
    }
    queued.add(timer);
    if (!draining) {
      draining = true;
      timers.execute(this);
    }
    return true;
  }

  /** Runs the queued tasks, one after the other, while the lane is open. */
  @Override
  public void run() {
    while (true) {
      Timers.Timer next;
      synchronized (this) {
        next = closed ? null : queued.poll();
        if (next == null) {
          draining = false;
          return;
        }
        running = Thread.currentThread();
      }
      // Outside the lane's monitor: the timers' monitor is taken before it (offer).
      timers.started(next);
      try {
        next.task.run();
      } catch (Throwable failure) {
        Timers.failed(context, failure);
      } finally {
        synchronized (this) {
          running = null;
          notifyAll();
        }
        timers.done(next);
      }
    }
  }

  /**
   * Closes the lane: no task starts from now on, queued ones are dropped, and this returns once
   * the task running (if any) has returned. It does not wait for a task running on this very
   * thread (a task that unloads or reloads its own module), nor for one whose thread waits for a
   * claim this thread holds (it called the manager for a module this thread is unloading): that
   * wait would never end; the task's call goes on once this operation is over. A task that starts
   * waiting for such a claim while this waits for it finds this wait in the graph and gets {@code
   * module-busy} (the graph's monitor orders the two), so no cycle can form later: the end of the
   * task, which notifies, is all this waits for.
   */
  void close(WaitGraph waits) {
    List<Timers.Timer> dropped;
    boolean interrupted = false;
    synchronized (this) {
      closed = true;
      dropped = List.copyOf(queued);
      queued.clear();
      while (running != null && running != Thread.currentThread()) {
        Thread runner = running;
        if (!waits.enterThread(runner)) {
          break;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        } finally {
          waits.leave();
        }
      }
    }
    for (Timers.Timer timer : dropped) {
      timers.dropped(timer);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
