package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one scheduler of a manager: the timers of every module instance, read against the
 * manager's {@link TimeSource}.
 *
 * <p><b>Threads.</b> One thread, {@code hostmod-timers}, only fires: it takes each timer that is
 * due off the queue and hands it to the {@link TimerLane} of its instance. The tasks run on a pool
 * of {@code workers} threads ({@code hostmod-timer-task-N}); each instance's lane runs its tasks
 * one at a time, in the order they came due, so a task that blocks holds one worker and delays
 * only the timers of its own instance. A periodic timer whose last run has not started yet is not
 * queued again: a blocked instance misses runs instead of piling them up. Both start with the first
 * timer and stop in {@link #stop()} ({@code ModuleManager.shutdown}); a later timer starts them
 * again. With a {@link ManualClock}, moving the clock fires what is due on the moving thread.
 */
final class Timers {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());
  /** The longest the firing thread sleeps without looking at the clock again. */
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  final TimeSource clock;
  private final int workers;
  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private long sequence;
  private Thread firing;
  private ThreadPoolExecutor pool;
  private Registration jumps;
  /** Tasks handed to a lane and not finished (or dropped) yet. */
  private int inFlight;

  Timers(TimeSource clock, int workers) {
    this.clock = clock;
    this.workers = workers;
  }

  /** One timer: a task of one instance's lane, once after a delay or every period. */
  final class Timer implements Registration, Comparable<Timer> {
    final TimerLane lane;
    final Runnable task;
    final long period;
    final long order = sequence++;
    long deadline;
    /** Queued in its lane or running there: not queued again until it started. */
    boolean pending;
    boolean cancelled;

    Timer(TimerLane lane, Runnable task, long deadline, long period) {
      this.lane = lane;
      this.task = task;
      this.deadline = deadline;
      this.period = period;
    }

    @Override
    public void close() {
      synchronized (Timers.this) {
        cancelled = true;
        queue.remove(this);
      }
    }

    @Override
    public int compareTo(Timer other) {
      int byTime = Long.compare(deadline - other.deadline, 0);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  /**
   * Schedules a task of the lane's instance after {@code delay}, then, if {@code period} is not
   * null, every period after that (at a fixed rate; runs missed while the instance was busy are
   * skipped).
   */
  synchronized Registration schedule(TimerLane lane, Duration delay, Duration period, Runnable task) {
    start();
    Timer timer = new Timer(lane, task, clock.nanoTime() + delay.toNanos(), period == null ? 0 : period.toNanos());
    queue.add(timer);
    notifyAll();
    return timer;
  }

  /**
   * The timers of a module on a host that are scheduled and not closed: those in the queue, where a
   * periodic timer always is (queued again as it fires) and a one-shot until it comes due.
   */
  synchronized int count(String host, String module) {
    int count = 0;
    for (Timer timer : queue) {
      Context context = timer.lane.context();
      if (!timer.cancelled && context.host().equals(host) && context.name().equals(module)) {
        count++;
      }
    }
    return count;
  }

  private void start() {
    if (firing != null) {
      return;
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> daemon(task, "hostmod-timer-task-" + count.incrementAndGet());
    pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    firing = daemon(this::fireLoop, "hostmod-timers");
    jumps = clock.onJump(this::fireDue);
    firing.start();
  }

  /**
   * A daemon thread that holds nothing of the thread that starts it: a module jar's first timer
   * starts these threads from its {@code @Load}, and a thread keeps as long as it runs its starter's
   * context class loader (there the jar's: {@link Callbacks#instantiate}) and, before JDK 24, the
   * protection domains of the code on its starter's stack, each of which holds its class loader.
   * Either kept the jar's loader from being collected once its module was gone (ModuleJarsTest), as
   * Tomcat's own thread factories avoid the same way.
   */
  @SuppressWarnings("removal") // doPrivileged: the one way on JDK 17 to start a thread without its starter's stack
  private static Thread daemon(Runnable body, String name) {
    Thread thread = AccessController.doPrivileged((PrivilegedAction<Thread>) () -> new Thread(body, name));
    thread.setDaemon(true);
    thread.setContextClassLoader(Timers.class.getClassLoader());
    return thread;
  }

  private void fireLoop() {
    synchronized (this) {
      while (firing == Thread.currentThread()) {
        long wait = fireDueLocked();
        try {
          TimeUnit.NANOSECONDS.timedWait(this, Math.min(wait, MAX_WAIT_NANOS));
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  /** Fires what is due now: for a clock that jumped. */
  private synchronized void fireDue() {
    if (firing != null) {
      fireDueLocked();
    }
  }

  /** Hands every due timer to its lane; returns the nanoseconds until the next is due. */
  private long fireDueLocked() {
    long now = clock.nanoTime();
    Timer next;
    while ((next = queue.peek()) != null && next.deadline - now <= 0) {
      queue.poll();
      if (!next.pending && next.lane.offer(next)) {
        next.pending = true;
        inFlight++;
      }
      if (next.period > 0 && !next.cancelled) {
        // Fixed rate from the first deadline; periods that passed meanwhile fire once.
        long late = now - next.deadline;
        next.deadline += next.period * (1 + late / next.period);
        queue.add(next);
      }
    }
    return next == null ? MAX_WAIT_NANOS : next.deadline - now;
  }

  /** Runs a lane's drain on the pool. */
  synchronized void execute(Runnable drain) {
    pool.execute(drain);
  }

  /**
   * A timer's task starts: from now on the timer may be queued again when it comes due, to run
   * after this run (so a task that blocks has at most one run waiting behind it, and one that
   * merely takes a while misses none).
   */
  synchronized void started(Timer timer) {
    timer.pending = false;
  }

  /** A timer's task ended. */
  synchronized void done(Timer timer) {
    inFlight--;
    notifyAll();
  }

  /** A timer's task was dropped from its closed lane before it started. */
  synchronized void dropped(Timer timer) {
    timer.pending = false;
    done(timer);
  }

  /** Reports a task that threw: logged, and the instance's status says so; the timer goes on. */
  static void failed(Context context, Throwable failure) {
    LOG.log(Level.WARNING, () -> "a timer task of module '" + context.name() + "' on host '" + context.host()
        + "' threw; the timer goes on", failure);
    context.report(Health.ERROR, "a timer task threw " + failure);
  }

  /**
   * Waits until no timer is due and no task is queued or running, at most {@code timeout}.
   *
   * @return whether that happened in time
   */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      Timer next = queue.peek();
      boolean due = next != null && next.deadline - clock.nanoTime() <= 0 && !next.pending;
      if (inFlight == 0 && !due) {
        return true;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
    }
  }

  /**
   * Stops the firing thread and the workers, and forgets every timer (after a shutdown every
   * instance is unloaded, so their lanes are closed). Tasks still running finish on their own.
   */
  void stop() {
    Thread stopped;
    synchronized (this) {
      stopped = firing;
      if (stopped == null) {
        return;
      }
      firing = null;
      jumps.close();
      queue.clear();
      pool.shutdown();
      pool = null;
      notifyAll();
    }
    if (stopped != Thread.currentThread()) {
      stopped.interrupt();
    }
  }
}
