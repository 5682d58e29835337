package io.hostmod.benchmarks.plain;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.EventHandler;
import io.hostmod.runtime.Registration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One host of the hand-written limit and of the reflective peer: plain maps, no locking, no
 * bookkeeping beyond what loading and unloading need.
 */
public final class PlainHost {

  private static final EventHandler[] NONE = new EventHandler[0];

  public final String name;
  /** The server's options, shared by every host. */
  final Map<String, Object> options;
  /** Module name to what the server keeps for it on this host, in load order. */
  public final LinkedHashMap<String, Object> modules = new LinkedHashMap<>();
  private final HashMap<String, EventHandler[]> handlers = new HashMap<>();

  public PlainHost(String name, Map<String, Object> options) {
    this.name = name;
    this.options = options;
  }

  /** Adds a handler; all handlers of this benchmark have the same priority, so it goes last. */
  public Registration hook(String event, EventHandler handler) {
    EventHandler[] current = handlers.getOrDefault(event, NONE);
    EventHandler[] next = Arrays.copyOf(current, current.length + 1);
    next[current.length] = handler;
    handlers.put(event, next);
    return () -> handlers.computeIfPresent(event,
        (name, now) -> Arrays.stream(now).filter(h -> h != handler).toArray(EventHandler[]::new));
  }

  /** A direct loop over the event's handlers, until one stops it. */
  public Event fire(String event, Object data) {
    Event fired = new Event(event, name, null, data);
    EventHandler[] current = handlers.get(event);
    if (current != null) {
      try {
        for (EventHandler handler : current) {
          handler.handle(fired);
          if (fired.isStopped()) {
            break;
          }
        }
      } catch (Exception failure) {
        throw new IllegalStateException("a handler of " + event + " threw", failure);
      }
    }
    return fired;
  }
}
