package io.hostmod.runtime;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
  /** The server of this host: one reference per host, so that the contexts need not hold one. */
  final Server server;
  final ConcurrentHashMap<String, ModuleEntry<?>> modules;
  final EventBus events = new EventBus();
  // Made when first needed: most hosts never have a failure, an item or a shared store, and an
  // empty concurrent map still costs some 64 bytes.
  private volatile ConcurrentHashMap<String, Failure> failures;
  private volatile ConcurrentHashMap<String, CopyOnWriteArrayList<Item>> items;
  private volatile ConcurrentHashMap<String, ConcurrentMap<String, Object>> shared;
  /** Set when deactivation starts: no module may be loaded from then on. */
  volatile boolean closing;
  private final boolean global;
  /** Numbers the host's entries in load order. */
  private final AtomicInteger sequence = new AtomicInteger();

  Host(String name, Server server) {
    this(name, server, 0);
  }

  /** A host whose map is sized for the modules it is about to load, so that it does not grow on the way. */
  Host(String name, Server server, int expectedModules) {
    this.name = name;
    this.server = server;
    this.global = name.equals(ModuleManager.GLOBAL);
    this.modules = expectedModules > 0 ? new ConcurrentHashMap<>(expectedModules) : new ConcurrentHashMap<>();
  }

  boolean isGlobal() {
    return global;
  }

  /** The next number of the host's load order. */
  int nextSequence() {
    return sequence.incrementAndGet();
  }

  /** Why modules failed to load here, by module. */
  ConcurrentHashMap<String, Failure> failures() {
    ConcurrentHashMap<String, Failure> current = failures;
    if (current == null) {
      synchronized (this) {
        if ((current = failures) == null) {
          failures = current = new ConcurrentHashMap<>();
        }
      }
    }
    return current;
  }

  /** The last failure of a module here, or {@code null}. */
  Failure failure(String module) {
    ConcurrentHashMap<String, Failure> current = failures;
    return current == null ? null : current.get(module);
  }

  /** The failures recorded here, by module (empty if none ever was). */
  java.util.Map<String, Failure> failuresSoFar() {
    ConcurrentHashMap<String, Failure> current = failures;
    return current == null ? java.util.Map.of() : current;
  }

  /** Forgets every failure: the host is going away. */
  void clearFailures() {
    ConcurrentHashMap<String, Failure> current = failures;
    if (current != null) {
      current.clear();
    }
  }

  /** Forgets a module's last failure: it loaded. */
  void clearFailure(String module) {
    ConcurrentHashMap<String, Failure> current = failures;
    if (current != null && !current.isEmpty()) {
      current.remove(module);
    }
  }

  ConcurrentHashMap<String, CopyOnWriteArrayList<Item>> items() {
    ConcurrentHashMap<String, CopyOnWriteArrayList<Item>> current = items;
    if (current == null) {
      synchronized (this) {
        if ((current = items) == null) {
          items = current = new ConcurrentHashMap<>();
        }
      }
    }
    return current;
  }

  ConcurrentHashMap<String, ConcurrentMap<String, Object>> shared() {
    ConcurrentHashMap<String, ConcurrentMap<String, Object>> current = shared;
    if (current == null) {
      synchronized (this) {
        if ((current = shared) == null) {
          shared = current = new ConcurrentHashMap<>();
        }
      }
    }
    return current;
  }

  /** The values of the items under a key, in the order added. */
  List<Object> items(String key) {
    ConcurrentHashMap<String, CopyOnWriteArrayList<Item>> all = items;
    CopyOnWriteArrayList<Item> list = all == null ? null : all.get(key);
    return list == null ? List.of() : list.stream().map(item -> item.value).toList();
  }
}
