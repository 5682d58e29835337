package io.hostmod.test;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.LifecycleObservation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What happened in a test's manager, in the order it happened: every event fired on any host
 * (lifecycle, item, status and module events, with host, name, module and data), every line the
 * modules logged, and every lifecycle operation with its outcome. Safe to read while timers and
 * other threads add to it; each list returned is a copy.
 */
public final class Records {

  // Plain lists under this object's monitor, each read as a copy: a test may fire many events, and
  // a copy-on-write list would copy them all at each one.
  private final List<Event> events = new ArrayList<>();
  private final List<LogLine> logs = new ArrayList<>();
  private final List<LifecycleObservation> lifecycle = new ArrayList<>();

  Records() {}

  /** Every event fired, on every host. */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** The events of that name, on every host. */
  public synchronized List<Event> events(String name) {
    return events.stream().filter(event -> event.name().equals(name)).toList();
  }

  /** The events of that name fired on that host ({@code "*"} for the server). */
  public synchronized List<Event> events(String host, String name) {
    return events.stream().filter(event -> event.name().equals(name) && event.host().equals(host)).toList();
  }

  /** The items added under a key ({@code item-added/<key>}), on every host, in the order added. */
  public List<Object> itemsAdded(String key) {
    return events(Event.ITEM_ADDED + key).stream().map(Event::data).toList();
  }

  /** The items removed from under a key ({@code item-removed/<key>}), on every host. */
  public List<Object> itemsRemoved(String key) {
    return events(Event.ITEM_REMOVED + key).stream().map(Event::data).toList();
  }

  /** Every line the modules logged through {@code ModuleContext.logger()}. */
  public synchronized List<LogLine> logs() {
    return List.copyOf(logs);
  }

  /** The lines one module logged, on every host. */
  public synchronized List<LogLine> logs(String module) {
    return logs.stream().filter(line -> line.module().equals(module)).toList();
  }

  /** Every load, unload, reload and host activation, with its outcome ({@code ModuleManager.observe}). */
  public synchronized List<LifecycleObservation> lifecycle() {
    return List.copyOf(lifecycle);
  }

  synchronized void fired(Event event) {
    events.add(event);
  }

  synchronized void logged(LogLine line) {
    logs.add(line);
  }

  synchronized void observed(LifecycleObservation observation) {
    lifecycle.add(observation);
  }

  /**
   * Drops the data of the events a module fired on the hosts named (items it added, data of its own
   * events): data a module made often holds the module (a route's handler does), and the records
   * must not keep an instance that a test checks to be collectable.
   */
  synchronized void forgetDataOf(Collection<String> hosts, String module) {
    events.replaceAll(event -> event.data() != null && Objects.equals(event.module(), module) && hosts.contains(event.host())
        ? new Event(event.name(), event.host(), event.module(), null)
        : event);
  }

  synchronized void clear() {
    events.clear();
    logs.clear();
    lifecycle.clear();
  }
}
