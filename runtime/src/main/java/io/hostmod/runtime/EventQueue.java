package io.hostmod.runtime;

import java.util.ArrayDeque;
import java.util.Set;

/**
 * A host's lifecycle events ({@code module-loaded}, {@code module-unloaded}, {@code
 * module-reloaded}, {@code host-activated}, {@code host-deactivated}) in the order the operations
 * happened. An operation posts an event while it still has the entry claimed, so posts for one
 * (host, module) come in the order of the operations; it delivers after it released its claims,
 * so listeners may call the manager for the same module.
 *
 * <p>One thread delivers at a time, every event posted so far, in order: a thread that finds
 * another delivering leaves its events to it, and a listener whose own operation posts more gets
 * them delivered after the event it is handling has reached every listener.
 */
final class EventQueue {

  /** The lifecycle events: those an operation posts here. */
  static final Set<String> LIFECYCLE = Set.of(
      Event.MODULE_LOADED, Event.MODULE_UNLOADED, Event.MODULE_RELOADED, Event.HOST_ACTIVATED, Event.HOST_DEACTIVATED);

  private final Host host;
  /** Made on the first event queued: on most hosts nobody listens for lifecycle events. */
  private ArrayDeque<Event> pending;
  private Thread delivering;
  /**
   * Whether an event waits, read without the monitor: most operations post none (nobody listens),
   * and need not take it to find that out. Written under the monitor.
   */
  private volatile boolean waiting;

  EventQueue(Host host) {
    this.host = host;
  }

  /**
   * Queues a lifecycle event of this host, if anyone listens for it here or on the server, or
   * observes every event. Called by {@link Host#postLifecycle}, which first asks whether anyone
   * listens for lifecycle events at all.
   *
   * @return whether it was queued: then the poster delivers, once it holds no claim
   */
  boolean post(String name, String module) {
    Host server = host.server.table.global();
    if (!host.events.hasHandlers(name) && (host.isGlobal() || !server.events.hasHandlers(name))
        && host.server.eventObservers.isEmpty()) {
      return false;
    }
    synchronized (this) {
      if (pending == null) {
        pending = new ArrayDeque<>();
      }
      pending.add(new Event(name, host.name, module, null));
      waiting = true;
    }
    return true;
  }

  /** Delivers the queued events, unless another thread (or this one, further up) is at it. */
  void deliver() {
    if (!waiting) {
      return;
    }
    Event next;
    synchronized (this) {
      if (delivering != null || pending == null || pending.isEmpty()) {
        return;
      }
      delivering = Thread.currentThread();
      next = poll();
    }
    try {
      while (next != null) {
        host.events.fire(next);
        if (!host.isGlobal()) {
          host.server.table.global().events.fire(next);
        }
        synchronized (this) {
          next = poll();
          if (next == null) {
            delivering = null;
          }
        }
      }
    } catch (RuntimeException | Error unexpected) {
      // EventBus contains handler failures; this is only for a failure of its own.
      synchronized (this) {
        delivering = null;
      }
      throw unexpected;
    }
  }

  private Event poll() {
    Event next = pending.poll();
    waiting = !pending.isEmpty();
    return next;
  }
}
