package io.hostmod.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An active host: its module entries, its events, its items and shared stores, and the last
 * failure of each module that failed to load here. Owned by {@link HostTable}.
 */
final class Host {

  private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(ModuleEntry[].class);

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
  /**
   * The entry of each module on this host (claimed or settled), at the module's slot ({@link
   * Server#slot}), read without locking. An array rather than a concurrent map: adding an entry is
   * one compare-and-set and removing it one release write, with no node made per entry, and an
   * array of one reference per module of the catalogs is smaller than a map's nodes once a host
   * has a tenth of them loaded.
   */
  private final ModuleEntry<?>[] entries;
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
    this.name = name;
    this.server = server;
    this.global = name.equals(ModuleManager.GLOBAL);
    this.entries = new ModuleEntry<?>[server.slots()];
  }

  /** The module's entry here, claimed or settled, or {@code null}. */
  ModuleEntry<?> entry(String module) {
    int slot = server.slot(module);
    return slot < 0 ? null : entry(slot);
  }

  ModuleEntry<?> entry(int slot) {
    return (ModuleEntry<?>) ENTRY.getAcquire(entries, slot);
  }

  /** Adds a new entry at its slot unless the module has one here; returns that one, or {@code null}. */
  ModuleEntry<?> addIfAbsent(ModuleEntry<?> entry) {
    return (ModuleEntry<?>) ENTRY.compareAndExchange(entries, entry.slot, null, entry);
  }

  /**
   * Removes an entry. Only the thread that has it claimed removes it, and no entry replaces
   * another, so a release write does: the settle that follows publishes it.
   */
  void remove(ModuleEntry<?> entry) {
    ENTRY.setRelease(entries, entry.slot, null);
  }

  /** The entries here now, claimed or settled, in slot order. */
  List<ModuleEntry<?>> entries() {
    List<ModuleEntry<?>> found = new ArrayList<>();
    for (int slot = 0; slot < entries.length; slot++) {
      ModuleEntry<?> entry = entry(slot);
      if (entry != null) {
        found.add(entry);
      }
    }
    return found;
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
