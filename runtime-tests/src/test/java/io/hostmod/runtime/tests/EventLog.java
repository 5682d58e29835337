package io.hostmod.runtime.tests;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Listens to some events of one host (or of the server, on {@code "*"}) through {@link
 * ModuleManager#hook}, and records each as {@code "<event> <module> <host>"} ({@code "<event>
 * <host>"} when it concerns no module), in the order fired.
 */
final class EventLog {

  private final List<String> events = new ArrayList<>();

  private EventLog() {}

  static EventLog listen(ModuleManager manager, String host, String... events) {
    EventLog log = new EventLog();
    for (String event : events) {
      manager.hook(host, event, 0, log::record);
    }
    return log;
  }

  private synchronized void record(Event event) {
    String module = event.module() == null ? "" : " " + event.module();
    events.add(event.name() + module + " " + event.host());
  }

  /** The events recorded since the last take, which it forgets. */
  synchronized List<String> take() {
    List<String> taken = List.copyOf(events);
    events.clear();
    return taken;
  }
}
