package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event handlers of one host, by event name. Each name maps to an array sorted by priority
 * (highest first, then in the order added) that is replaced, never changed, so that firing reads
 * it without a lock. Each handler knows the module that added it, if one did, so that {@link
 * ModuleManager#registrations} can say what a module has left on the host.
 */
final class EventBus {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());
  private static final AtomicLong ORDER = new AtomicLong();
  private static final Comparator<Handler> FIRST_TO_RUN =
      Comparator.comparingInt(Handler::priority).reversed().thenComparingLong(Handler::order);
  private static final Handler[] NONE = new Handler[0];

  private record Handler(int priority, long order, EventHandler handler, String owner) {}

  /** The host's name: an observer hears an event on the host it was fired on only. */
  private final String host;
  /**
   * The manager's event observers ({@link Server#eventObservers}), held here: every dispatch asks
   * whether there are any, one load away rather than three (dispatch is a hot path).
   */
  private final List<EventHandler> observers;
  /** The manager's count of lifecycle event handlers ({@link Server#lifecycleHandlers}). */
  private final AtomicInteger lifecycleHandlers;

  /** Made on the first handler: most hosts' buses stay empty, and an empty map costs some 64 bytes. */
  private volatile ConcurrentHashMap<String, Handler[]> handlers;

  EventBus(String host, List<EventHandler> observers, AtomicInteger lifecycleHandlers) {
    this.host = host;
    this.observers = observers;
    this.lifecycleHandlers = lifecycleHandlers;
  }

  private ConcurrentHashMap<String, Handler[]> handlers() {
    ConcurrentHashMap<String, Handler[]> current = handlers;
    if (current == null) {
      synchronized (this) {
        if ((current = handlers) == null) {
          handlers = current = new ConcurrentHashMap<>();
        }
      }
    }
    return current;
  }

  /** Adds a handler; {@code owner} is the module adding it, or {@code null} for the manager's caller. */
  Registration add(String event, int priority, EventHandler handler, String owner) {
    Handler added = new Handler(priority, ORDER.incrementAndGet(), handler, owner);
    ConcurrentHashMap<String, Handler[]> handlers = handlers();
    boolean lifecycle = EventQueue.LIFECYCLE.contains(event);
    if (lifecycle) {
      lifecycleHandlers.incrementAndGet(); // counted before it can be found: see Host#postLifecycle
    }
    handlers.compute(event, (name, current) -> {
      Handler[] next = Arrays.copyOf(current == null ? NONE : current, current == null ? 1 : current.length + 1);
      next[next.length - 1] = added;
      Arrays.sort(next, FIRST_TO_RUN);
      return next;
    });
    Registration remove = () -> handlers.computeIfPresent(event, (name, current) -> {
      Handler[] next = Arrays.stream(current).filter(h -> h != added).toArray(Handler[]::new);
      return next.length == 0 ? null : next;
    });
    if (!lifecycle) {
      return remove;
    }
    AtomicBoolean removed = new AtomicBoolean();
    return () -> {
      remove.close();
      if (removed.compareAndSet(false, true)) {
        lifecycleHandlers.decrementAndGet(); // once, however often it is closed
      }
    };
  }

  /** The number of handlers {@code module} added here, by event, sorted by event. */
  Map<String, Integer> hooksOf(String module) {
    Map<String, Integer> hooks = new TreeMap<>();
    ConcurrentHashMap<String, Handler[]> current = handlers;
    if (current != null) {
      current.forEach((event, added) -> {
        for (Handler handler : added) {
          if (module.equals(handler.owner())) {
            hooks.merge(event, 1, Integer::sum);
          }
        }
      });
    }
    return hooks;
  }

  boolean hasHandlers(String event) {
    ConcurrentHashMap<String, Handler[]> current = handlers;
    return current != null && current.containsKey(event);
  }

  /**
   * Calls the event's handlers in order until one stops it; a handler's exception (or error) is
   * logged and the next handler runs. The manager's event observers hear it first, here on its own
   * host only (a module's lifecycle and status events are passed on to the server's handlers too).
   */
  void fire(Event event) {
    if (!observers.isEmpty() && event.host().equals(host)) {
      for (EventHandler observer : observers) {
        call(observer, event);
      }
    }
    ConcurrentHashMap<String, Handler[]> all = handlers;
    Handler[] current = all == null ? null : all.get(event.name());
    if (current == null) {
      return;
    }
    for (Handler handler : current) {
      call(handler.handler(), event);
      if (event.isStopped()) {
        return;
      }
    }
  }

  private static void call(EventHandler handler, Event event) {
    try {
      handler.handle(event);
    } catch (Throwable failure) {
      // Any Throwable, as for every other call into module code: an Error of one handler (a
      // LinkageError after a reload, say) must not escape into the operation that fired.
      LOG.log(Level.WARNING, () -> "a handler of event '" + event.name() + "' on host '" + event.host()
          + "' threw; the other handlers still run", failure);
    }
  }
}
