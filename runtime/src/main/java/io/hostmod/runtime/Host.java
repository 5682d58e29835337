package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An active host: its module entries, its events, its items and shared stores, and the last
 * failure of each module that failed to load here. Owned by {@link HostTable}.
 *
 * <p>Its entries are those of the {@link EntryTable} it extends: the host's own fields hold the
 * table, one object fewer between a host and its entries than a field holding one. That extra
 * object was a line of its own per host, read on every load and unload: about 5% of loading a
 * shared module onto 10,000 hosts and off (docs/benchmarks.md).
 */
final class Host extends EntryTable {

  private static final ModuleEntry<?>[] NONE = {};

  /** Why a module's last load on this host failed, and when. */
  record Failure(String cause, ModuleKind kind, Instant at) {}

  /**
   * An item a module added, with the module's name; compared by identity, so equal values of two
   * modules stay apart.
   */
  static final class Item {
    final Object value;
    final String owner;

    Item(Object value, String owner) {
      this.value = value;
      this.owner = owner;
    }
  }

  final String name;
  /** The server of this host: one reference per host, so that the contexts need not hold one. */
  final Server server;
  final EventBus events;
  /** The lifecycle events of this host, delivered in the order they happened. */
  final EventQueue lifecycleEvents = new EventQueue(this);
  /**
   * Why modules failed to load here, by module; made with the first failure. Every load of a
   * module here clears its failure, and on a host that never had one this field is all it reads:
   * the map's count, a cold line of its own per host, was a tenth of loading a shared module onto
   * 10,000 hosts (SharedModuleBenchmark, docs/benchmarks.md).
   */
  private volatile ConcurrentHashMap<String, Failure> failures;
  /** The items modules added here, by key; read without locking on every request of a server. */
  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Item>> items = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentMap<String, Object>> shared = new ConcurrentHashMap<>();
  /** Set, under the monitor, when deactivation starts: no entry may be added from then on. */
  volatile boolean closing;
  /** The thread deactivating the host while {@link #closing}; written under the monitor. */
  Thread closingBy;
  private final boolean global;

  /**
   * The thread activating the host, until its module set is loaded; {@code null} after. Written
   * under the monitor; a reconfigure waits for it before it changes the host's modules.
   */
  private Thread activatingBy = Thread.currentThread();

  /** Ends the activation: its module set is loaded. */
  synchronized void activated() {
    activatingBy = null;
    notifyAll();
  }

  /** The thread activating the host, or {@code null} once its module set is loaded. */
  synchronized Thread activatingBy() {
    return activatingBy;
  }

  /** Waits until no other thread is activating the host. */
  synchronized void awaitActivated() {
    Monitors.awaitUninterruptibly(this, () -> activatingBy == null || activatingBy == Thread.currentThread());
  }

  Host(String name, Server server) {
    super(server.slots.count());
    this.name = name;
    this.server = server;
    this.events = new EventBus(name, server.eventObservers, server.lifecycleHandlers);
    this.global = name.equals(ModuleManager.GLOBAL);
  }

  /**
   * Queues a lifecycle event of this host ({@link EventQueue#post}), unless nobody listens for
   * lifecycle events on any host: then without a look at this host's queue, a line of its own that
   * was a cold read per load and unload of a shared module on 10,000 hosts (docs/benchmarks.md).
   *
   * @return whether it was queued: then the poster delivers, once it holds no claim
   */
  boolean postLifecycle(String event, String module) {
    if (server.lifecycleHandlers.get() == 0 && server.eventObservers.isEmpty()) {
      return false;
    }
    return lifecycleEvents.post(event, module);
  }

  /** The module's entry here, claimed or settled, or {@code null}. */
  ModuleEntry<?> entry(String module) {
    int slot = server.slot(module);
    return slot < 0 ? null : entry(slot);
  }

  /**
   * Adds a new, claimed entry at its slot unless the module has one here: one compare-and-set, no
   * monitor (the host's monitor around it was a tenth of activating 10,000 hosts x 50 modules:
   * docs/benchmarks.md, "A/B against the previous runtime"). A deactivation sets {@link #closing}
   * before it reads the entries, and an add reads it after its entry is in: so either the
   * deactivation sees the entry, or the add sees the host closing and takes its entry back.
   *
   * @return the entry there already, or {@code null} if this one was added
   * @throws ModuleException {@code unknown-host} if the host is being deactivated
   */
  <M> ModuleEntry<?> addIfAbsent(Claim<M> fresh) {
    ModuleEntry<M> entry = fresh.entry;
    if (closing) {
      throw ModuleException.unknownHost(name, entry.name);
    }
    ModuleEntry<?> existing = putIfAbsent(entry);
    if (existing == null && closing) {
      // Taken back as a load taken back is, waking whoever found it meanwhile.
      entry.settleGone(fresh, null);
      throw ModuleException.unknownHost(name, entry.name);
    }
    return existing;
  }

  /** The entries here now, claimed or settled, in slot order. */
  List<ModuleEntry<?>> entries() {
    List<ModuleEntry<?>> found = new ArrayList<>();
    for (int slot = 0, length = slotCount(); slot < length; slot++) {
      ModuleEntry<?> entry = entry(slot);
      if (entry != null) {
        found.add(entry);
      }
    }
    return found;
  }

  /** An entry here that the current thread holds a claim on, or {@code null}. */
  ModuleEntry<?> entryClaimedByCurrentThread() {
    for (int slot = 0, length = slotCount(); slot < length; slot++) {
      ModuleEntry<?> entry = entry(slot);
      if (entry != null && entry.isClaimedByCurrentThread()) {
        return entry;
      }
    }
    return null;
  }

  /**
   * The entries here now, newest first: the order to unload them in. This runs once for every
   * host a deactivation unloads, so it sorts without moving entries where it can: when the
   * entries' load numbers are consecutive (a host whose modules were loaded and never unloaded,
   * as after its activation), each number is its place. Otherwise an insertion sort, from the last
   * slot down (the order of a host's activation mostly). The insertion sort alone was a
   * twelfth of deactivating 10,000 hosts x 50 modules; a list and a sort before it, a fifth
   * (docs/benchmarks.md, "A/B against the previous runtime").
   */
  ModuleEntry<?>[] entriesNewestFirst() {
    // Entries may come and go while this reads: each slot is read once, into found.
    int length = slotCount();
    ModuleEntry<?>[] found = new ModuleEntry<?>[length];
    int count = 0;
    long newest = Long.MIN_VALUE;
    long oldest = Long.MAX_VALUE;
    for (int slot = length - 1; slot >= 0; slot--) {
      ModuleEntry<?> entry = entry(slot);
      if (entry != null) {
        found[count++] = entry;
        newest = Math.max(newest, entry.sequence);
        oldest = Math.min(oldest, entry.sequence);
      }
    }
    if (count == 0) {
      return NONE;
    }
    ModuleEntry<?>[] ordered = new ModuleEntry<?>[count];
    if (newest - oldest == count - 1) { // numbers are unique: each one has its place
      for (int i = 0; i < count; i++) {
        ordered[(int) (newest - found[i].sequence)] = found[i];
      }
      return ordered;
    }
    for (int i = 0; i < count; i++) {
      ModuleEntry<?> entry = found[i];
      int at = i;
      while (at > 0 && ordered[at - 1].sequence < entry.sequence) {
        ordered[at] = ordered[at - 1];
        at--;
      }
      ordered[at] = entry;
    }
    return ordered;
  }

  boolean isGlobal() {
    return global;
  }

  /** Records why the module's last load here failed, for {@link ModuleManager#status()}. */
  synchronized void failed(ModuleBinding<?> module, Throwable failure) {
    if (failures == null) {
      failures = new ConcurrentHashMap<>();
    }
    failures.put(module.name(), new Failure(String.valueOf(failure.getMessage()), module.kind(), server.timers.clock.instant()));
  }

  /** The last failure of a module here, or {@code null}. */
  Failure failure(String module) {
    ConcurrentHashMap<String, Failure> current = failures;
    return current == null ? null : current.get(module);
  }

  /** The failures recorded here, by module. */
  Map<String, Failure> failuresSoFar() {
    ConcurrentHashMap<String, Failure> current = failures;
    return current == null ? Map.of() : current;
  }

  /** Forgets every failure: the host is going away. */
  synchronized void clearFailures() {
    failures = null;
  }

  /** Forgets a module's last failure: it loaded. */
  void clearFailure(String module) {
    ConcurrentHashMap<String, Failure> current = failures;
    if (current != null) {
      current.remove(module);
    }
  }

  ConcurrentHashMap<String, CopyOnWriteArrayList<Item>> items() {
    return items;
  }

  ConcurrentHashMap<String, ConcurrentMap<String, Object>> shared() {
    return shared;
  }

  /** The number of items {@code module} added here, by key, sorted by key. */
  Map<String, Integer> itemsOf(String module) {
    Map<String, Integer> found = new TreeMap<>();
    items.forEach((key, list) -> {
      for (Item item : list) {
        if (module.equals(item.owner)) {
          found.merge(key, 1, Integer::sum);
        }
      }
    });
    return found;
  }

  /** The values of the items under a key, in the order added. */
  List<Object> items(String key) {
    CopyOnWriteArrayList<Item> list = items.get(key);
    return list == null ? List.of() : list.stream().map(item -> item.value).toList();
  }
}
