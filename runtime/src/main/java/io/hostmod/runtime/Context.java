package io.hostmod.runtime;

import io.hostmod.runtime.spi.HostPart;
import io.hostmod.runtime.spi.ModuleBinding;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtime's context for one module instance on one host: a {@link ModuleContext}, or a
 * {@link HostContext} for a shared module's host part. It holds only its entry (the server is its host's),
 * so that it stays small: one exists per (host, module) pair.
 *
 * <p>It is closed once its instance is unloaded from the host or failed to load there; a closed
 * context refuses to add hooks, items and timers, which would otherwise keep the unloaded instance
 * reachable and running. It closes in two steps: when its instance's unload starts, its timers
 * close and every thread but the unloading one is refused; that thread (running {@code @Unload})
 * is refused once {@code @Unload} has returned.
 */
final class Context implements HostContext {

  private static final VarHandle LANE;
  /** What {@link #lane} holds once the timers are closed: a lane that is never used. */
  private static final TimerLane TIMERS_CLOSED = new TimerLane(null, null);

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      LANE = lookup.findVarHandle(Context.class, "lane", TimerLane.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ModuleEntry<?> entry;
  /**
   * Closed for the thread that unloads the instance too ({@code @Unload} has returned). Written
   * and read by that thread, the holder of its entry's claim (or a later holder, after it): other
   * threads go by {@link #lane}, whose exchange when the unload starts is the one atomic step of
   * closing. A volatile write here as well was about a twentieth of deactivating 10,000 hosts x 50
   * modules (docs/benchmarks.md, "A/B against the previous runtime").
   */
  private boolean closed;
  /**
   * The instance this context serves (for a shared module's host part, the global instance), set
   * when its entry takes it as its part: the entry keeps this context only, not a {@link HostPart}.
   */
  private Object instance;
  /**
   * Its timer tasks, made with the first timer; {@link #TIMERS_CLOSED} once closed, before its
   * {@code @Unload}. Changed by compare-and-set: closing the timers of an instance that never made
   * one is then one atomic exchange, not a monitor's two (6% of activating and deactivating 10,000
   * hosts x 50 modules, which have no timer; docs/benchmarks.md, "A/B against the previous runtime").
   */
  private volatile TimerLane lane;
  /** What the instance last reported of its health, or {@code null}. */
  private volatile ModuleHealth health;

  Context(ModuleEntry<?> entry) {
    this.entry = entry;
  }

  void bind(Object instance) {
    this.instance = instance;
  }

  Object instance() {
    return instance;
  }

  /** Closes it for the unloading thread too: call after {@link #closeTimers()}, once {@code @Unload} returned. */
  void close() {
    closed = true;
  }

  /**
   * Whether it refuses the calling thread: the unloading thread once it is closed, any other once
   * its timers are. A registration checks this after publishing itself to its entry, which reads
   * them after closing the timers (see {@link ModuleEntry#own}): so either the unload releases it,
   * or it is refused.
   */
  boolean isClosed() {
    if (entry.isClaimedByCurrentThread()) {
      return closed;
    }
    return lane == TIMERS_CLOSED;
  }

  ModuleHealth health() {
    return health;
  }

  /**
   * Ends this instance's timers: no task starts from now on, and once this returns none is
   * running (see {@link TimerLane#close}). Called before its {@code @Unload}.
   */
  void closeTimers() {
    TimerLane closing = (TimerLane) LANE.getAndSet(this, TIMERS_CLOSED);
    if (closing != null && closing != TIMERS_CLOSED) {
      closing.close(entry.host.server.waits);
    }
  }

  private TimerLane lane() {
    while (true) {
      TimerLane current = lane;
      if (current == TIMERS_CLOSED) {
        throw ModuleException.contextClosed(host(), name());
      }
      if (current != null) {
        return current;
      }
      // A lane does nothing until a timer is offered to it: one that loses the race is dropped.
      TimerLane made = new TimerLane(entry.host.server.timers, this);
      if (LANE.compareAndSet(this, null, made)) {
        return made;
      }
    }
  }

  @Override
  public Registration schedule(Duration delay, Runnable task) {
    if (delay == null || task == null) {
      throw new NullPointerException(delay == null ? "delay" : "task");
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a timer's delay must not be negative: " + delay);
    }
    return timer(delay, null, task);
  }

  @Override
  public Registration every(Duration period, Runnable task) {
    if (period == null || task == null) {
      throw new NullPointerException(period == null ? "period" : "task");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a timer's period must be positive: " + period);
    }
    return timer(period, period, task);
  }

  private Registration timer(Duration delay, Duration period, Runnable task) {
    Registration registration = entry.host.server.timers.schedule(lane(), delay, period, task);
    own(registration);
    return registration;
  }

  @Override
  public void status(Health health, String message) {
    if (health == null) {
      throw new NullPointerException("health");
    }
    requireOpen();
    report(health, message == null ? "" : message);
  }

  /** Sets the instance's health, firing {@code module-status} if it changed. */
  void report(Health health, String message) {
    ModuleHealth next;
    synchronized (this) {
      ModuleHealth previous = this.health;
      if (previous != null && previous.health() == health && previous.message().equals(message)) {
        return;
      }
      next = new ModuleHealth(health, message, entry.host.server.timers.clock.instant());
      this.health = next;
    }
    Event changed = new Event(Event.MODULE_STATUS, host(), name(), next);
    entry.host.events.fire(changed);
    if (!entry.host.isGlobal()) {
      entry.host.server.table.global().events.fire(new Event(Event.MODULE_STATUS, host(), name(), next));
    }
  }

  @Override
  public Registration onUnload(Runnable action) {
    if (action == null) {
      throw new NullPointerException("action");
    }
    requireOpen();
    UnloadAction registration = new UnloadAction(action);
    if (!entry.own(registration, this)) {
      // Not closed, as own(Registration) would: closing an unload action runs it.
      throw ModuleException.contextClosed(host(), name());
    }
    return registration::cancel;
  }

  /**
   * An action to run on unload, kept by the entry with the instance's hooks and items: closing it
   * runs it, once, unless it was cancelled. {@link ModuleManager#registrations} counts those due.
   */
  static final class UnloadAction implements Registration {
    private final Runnable action;
    private boolean done;

    UnloadAction(Runnable action) {
      this.action = action;
    }

    synchronized boolean isDue() {
      return !done;
    }

    synchronized void cancel() {
      done = true;
    }

    @Override
    public void close() {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
      }
      action.run();
    }
  }

  @Override
  public String name() {
    return entry.name();
  }

  @Override
  public String host() {
    return entry.host();
  }

  @Override
  public System.Logger logger() {
    return entry.host.server.loggers.apply(host(), name());
  }

  @Override
  public <T> Optional<T> option(String key, Class<T> type) {
    return entry.host.server.config().option(host(), key).map(value -> {
      T converted = OptionValues.convert(value, type);
      if (converted == null) {
        throw ModuleException.badOption(host(), name(), key, OptionValues.describe(value),
            entry.host.server.config().sourceOf(host(), key), type.getSimpleName());
      }
      return converted;
    });
  }

  @Override
  public <T> T option(String key, Class<T> type, T defaultValue) {
    return option(key, type).orElse(defaultValue);
  }

  @Override
  public <T> T requireOption(String key, Class<T> type) {
    return option(key, type).orElseThrow(() -> ModuleException.missingOption(host(), name(), key, type.getSimpleName()));
  }

  @Override
  public <T> List<T> optionList(String key, Class<T> elementType, List<T> defaultValue) {
    Optional<Object> configured = entry.host.server.config().option(host(), key);
    if (configured.isEmpty()) {
      return defaultValue;
    }
    Object value = configured.get();
    List<T> items = new ArrayList<>();
    for (Object item : value instanceof List<?> list ? list : List.of(value)) {
      T converted = OptionValues.convert(item, elementType);
      if (converted == null) {
        throw ModuleException.badOption(host(), name(), key, OptionValues.describe(value),
            entry.host.server.config().sourceOf(host(), key), "list of " + elementType.getSimpleName());
      }
      items.add(converted);
    }
    return List.copyOf(items);
  }

  @Override
  public <T> T module(Class<T> moduleType) {
    ModuleBinding<T> binding = entry.host.server.bindingOfType(moduleType);
    ModuleEntry<?> found = entry.host.server.loadedEntry(entry.host, binding);
    if (found == null) {
      throw ModuleException.notLoaded(entry.host.server.homeOf(entry.host, binding).name, binding.name());
    }
    return moduleType.cast(found.part().module());
  }

  @Override
  public <P extends HostProxy<?>> P hostProxy(Class<P> proxyType) {
    return proxyType.cast(ModuleManager.hostProxy(entry.host.server, entry.host, proxyType));
  }

  @Override
  public Registration hook(String event, int priority, EventHandler handler) {
    requireOpen();
    Registration registration = entry.host.events.add(event, priority, handler, name());
    own(registration);
    return registration;
  }

  @Override
  public void fire(String event, Object data) {
    entry.host.events.fire(new Event(event, host(), name(), data));
  }

  @Override
  public Registration addItem(String key, Object item) {
    requireOpen();
    Host host = entry.host;
    Host.Item added = new Host.Item(item, name());
    host.items().computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(added);
    host.events.fire(new Event(Event.ITEM_ADDED + key, host.name, name(), item));
    Registration registration = () -> {
      CopyOnWriteArrayList<Host.Item> list = host.items().get(key);
      if (list != null && list.remove(added)) {
        host.events.fire(new Event(Event.ITEM_REMOVED + key, host.name, name(), item));
      }
    };
    own(registration);
    return registration;
  }

  private void requireOpen() {
    if (isClosed()) {
      throw ModuleException.contextClosed(host(), name());
    }
  }

  /** Hands a registration to the entry, or undoes it if this context was closed meanwhile. */
  private void own(Registration registration) {
    if (!entry.own(registration, this)) {
      registration.close();
      throw ModuleException.contextClosed(host(), name());
    }
  }

  @Override
  public List<Object> items(String key) {
    return entry.host.items(key);
  }

  @Override
  public ConcurrentMap<String, Object> shared(String name) {
    return entry.host.shared().computeIfAbsent(name, n -> new ConcurrentHashMap<>());
  }

  @Override
  public String toString() {
    return name() + "@" + host();
  }
}
