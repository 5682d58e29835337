package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event handlers of one host, by event name. Each name maps to an array sorted by priority
 * (highest first, then in the order added) that is replaced, never changed, so that firing reads
 * it without a lock.
 */
final class EventBus {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());
  private static final AtomicLong ORDER = new AtomicLong();
  private static final Comparator<Handler> FIRST_TO_RUN =
      Comparator.comparingInt(Handler::priority).reversed().thenComparingLong(Handler::order);
  private static final Handler[] NONE = new Handler[0];

  private record Handler(int priority, long order, EventHandler handler) {}

  /** Made on the first handler: most hosts' buses stay empty, and an empty map costs some 64 bytes. */
  private volatile ConcurrentHashMap<String, Handler[]> handlers;

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

  Registration add(String event, int priority, EventHandler handler) {
    Handler added = new Handler(priority, ORDER.incrementAndGet(), handler);
    ConcurrentHashMap<String, Handler[]> handlers = handlers();
    handlers.compute(event, (name, current) -> {
      Handler[] next = Arrays.copyOf(current == null ? NONE : current, current == null ? 1 : current.length + 1);
      next[next.length - 1] = added;
      Arrays.sort(next, FIRST_TO_RUN);
      return next;
    });
    return () -> handlers.computeIfPresent(event, (name, current) -> {
      Handler[] next = Arrays.stream(current).filter(h -> h != added).toArray(Handler[]::new);
      return next.length == 0 ? null : next;
    });
  }

  boolean hasHandlers(String event) {
    ConcurrentHashMap<String, Handler[]> current = handlers;
    return current != null && current.containsKey(event);
  }

  /**
   * Calls the event's handlers in order until one stops it; a handler's exception (or error) is
   * logged and the next handler runs.
   */
  void fire(Event event) {
    ConcurrentHashMap<String, Handler[]> all = handlers;
    Handler[] current = all == null ? null : all.get(event.name());
    if (current == null) {
      return;
    }
    for (Handler handler : current) {
      try {
        handler.handler().handle(event);
      } catch (Throwable failure) {
        // Any Throwable, as for every other call into module code: an Error of one handler (a
        // LinkageError after a reload, say) must not escape into the operation that fired.
        LOG.log(Level.WARNING, () -> "a handler of event '" + event.name() + "' on host '" + event.host()
            + "' threw; the other handlers still run", failure);
      }
      if (event.isStopped()) {
        return;
      }
    }
  }
}
