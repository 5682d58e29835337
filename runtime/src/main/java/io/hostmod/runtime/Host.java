package io.hostmod.runtime;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An active host: its modules by name, its events, its items and shared stores, and the last
 * failure of each module that failed to load here. Owned by {@link HostTable}.
 */
final class Host {

  /** Why a module's last load on this host failed, and when. */
  record Failure(String cause, Instant at) {}

  /** An item a module added; compared by identity, so equal values of two modules stay apart. */
  static final class Item {
    final Object value;

    Item(Object value) {
      this.value = value;
    }
  }

  final String name;
  final ConcurrentHashMap<String, ModuleEntry<?>> modules = new ConcurrentHashMap<>();
  final ConcurrentHashMap<String, Failure> failures = new ConcurrentHashMap<>();
  final EventBus events = new EventBus();
  final ConcurrentHashMap<String, CopyOnWriteArrayList<Item>> items = new ConcurrentHashMap<>();
  final ConcurrentHashMap<String, ConcurrentMap<String, Object>> shared = new ConcurrentHashMap<>();
  /** Set when deactivation starts: no module may be loaded from then on. */
  volatile boolean closing;

  Host(String name) {
    this.name = name;
  }

  boolean isGlobal() {
    return name.equals(ModuleManager.GLOBAL);
  }

  /** The values of the items under a key, in the order added. */
  List<Object> items(String key) {
    CopyOnWriteArrayList<Item> list = items.get(key);
    return list == null ? List.of() : list.stream().map(item -> item.value).toList();
  }
}
