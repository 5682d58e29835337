package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/** What every part of one manager shares: its modules, configuration, host table and wait graph. */
final class Server {

  /**
   * A configuration with the module set of every host it does not list (the same for all of
   * them), swapped whole by a reconfigure: an operation reads it once and uses that snapshot.
   */
  record Configured(ServerConfig config, List<String> unlistedHostModules) {}

  final Modules modules;
  /** Each module name's slot in a host's table ({@link Modules#slots}). */
  final Slots slots;
  final List<String> alwaysLoaded;
  final HostTable table;
  /** The module directory's jars, or {@code null} without one; set once, before the manager is used. */
  ModuleJars jars;
  /** The blocks of load numbers handed out so far ({@link LoadOperation#loadNumber}). */
  final AtomicLong loadBlocks = new AtomicLong();
  /**
   * Who waits for whom among this manager's threads, to refuse a wait that would deadlock. Each
   * new wait wakes the threads in {@link #beginReconfigure}, which look at it.
   */
  final WaitGraph waits = new WaitGraph(this::waitStarted);
  /** The one scheduler of the modules' timers, with the manager's time source. */
  final Timers timers;
  /** Who hears of each finished load, unload, reload and host activation. */
  final Observers observers = new Observers();
  /**
   * How many handlers of lifecycle events ({@link EventQueue#LIFECYCLE}) are added on any host: while
   * none is, and no observer listens, a lifecycle event is posted nowhere without a look at the
   * host's own handlers (a cold line or three per host: a fifth of loading a shared module onto
   * 10,000 hosts and off, docs/benchmarks.md).
   */
  final AtomicInteger lifecycleHandlers = new AtomicInteger();
  /** Who hears of every event fired on any host ({@link ModuleManager#observeEvents}). */
  final CopyOnWriteArrayList<EventHandler> eventObservers = new CopyOnWriteArrayList<>();
  /** The logger of each (host, module): what {@link ModuleContext#logger()} returns. */
  final BiFunction<String, String, System.Logger> loggers;

  private volatile Configured configured;
  /** The thread running a reconfigure, or {@code null}: reconfigures run one at a time. */
  private Thread reconfiguring;
  /** How many threads wait in {@link #beginReconfigure}; changed under this object's monitor. */
  private volatile int awaitingReconfigure;
  /**
   * The thread whose host activation the running reconfigure waits for, or {@code null}; set
   * with {@link #awaitActivationBy}.
   */
  private volatile Thread awaitingActivationBy;

  Server(Modules modules, ServerConfig config, List<String> alwaysLoaded, Timers timers,
      BiFunction<String, String, System.Logger> loggers) {
    this.modules = modules;
    this.slots = modules.slots;
    this.loggers = loggers;
    this.timers = timers;
    this.alwaysLoaded = List.copyOf(alwaysLoaded);
    this.configured = configured(config);
    // Last: the host table makes the global host, whose table needs the modules.
    this.table = new HostTable(this);
  }

  Bindings bindings() {
    return modules.current();
  }

  /** The binding of a module class: an installed one, or one of a module jar's other versions. */
  @SuppressWarnings("unchecked") // a module class's binding is a binding of that class
  <M> ModuleBinding<M> bindingOfType(Class<M> moduleType) {
    return (ModuleBinding<M>) installedOrJar(moduleType, false);
  }

  /** The binding of a host proxy class: an installed one, or one of a module jar's other versions. */
  ModuleBinding<?> bindingOfProxyType(Class<?> proxyType) {
    return installedOrJar(proxyType, true);
  }

  private ModuleBinding<?> installedOrJar(Class<?> type, boolean proxy) {
    try {
      return proxy ? bindings().ofProxyType(type) : bindings().ofType(type);
    } catch (ModuleException notInstalled) {
      ModuleJars from = jars;
      if (from == null || type == null) {
        throw notInstalled;
      }
      return from.ofType(type, proxy).orElseThrow(() -> notInstalled);
    }
  }

  /** The module's slot in every host's table, or -1 for a name never installed. */
  int slot(String module) {
    return slots.of(module);
  }

  /** The configuration now. */
  ServerConfig config() {
    return configured.config();
  }

  Configured configured() {
    return configured;
  }

  private Configured configured(ServerConfig config) {
    return new Configured(config, config.modulesFor(ModuleManager.GLOBAL, alwaysLoaded));
  }

  /** Makes {@code next} the configuration, at one instant for every thread; returns the one it replaced. */
  ServerConfig swap(ServerConfig next) {
    ServerConfig previous = configured.config();
    configured = configured(next);
    return previous;
  }

  /** The modules to load when the host is activated under that configuration. */
  List<String> modulesFor(Configured snapshot, String host) {
    return snapshot.config().hosts().containsKey(host)
        ? snapshot.config().modulesFor(host, alwaysLoaded)
        : snapshot.unlistedHostModules();
  }

  /**
   * Starts this thread's reconfigure once no other runs. The running one may come to wait for
   * this thread later (a lifecycle method of an operation this thread runs calling {@code
   * reconfigure}): every wait that starts in {@link #waits}, and the running reconfigure's wait for
   * a host's activation, wakes this one to look again ({@link #waitStarted}).
   *
   * @throws ModuleException {@code module-busy} if this thread runs a reconfigure already (a
   *     callback of it called {@code reconfigure}), or the running one waits for this thread: for
   *     a claim it holds (directly or through other threads), or for its activation of a host
   */
  synchronized void beginReconfigure() {
    boolean interrupted = false;
    awaitingReconfigure++;
    try {
      while (reconfiguring != null) {
        if (reconfiguring == Thread.currentThread()
            || awaitingActivationBy == Thread.currentThread()
            || waits.waitsForCurrentThread(reconfiguring)) {
          throw ModuleException.reconfigureBusy(reconfiguring.getName());
        }
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      awaitingReconfigure--;
    }
    reconfiguring = Thread.currentThread();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Called once a thread of this manager started to wait for another: wakes the threads in
   * {@link #beginReconfigure}, whose wait may now be the last link of a cycle. A thread counts
   * itself there before it looks at the waits, and a wait is recorded before this reads the
   * count, so either that thread sees the wait or this sees the thread. Holds no other monitor of
   * the manager's when it takes this one: callers call it once out of {@link WaitGraph}'s.
   */
  void waitStarted() {
    if (awaitingReconfigure > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Runs the running reconfigure's wait for {@code activating}'s activation of a host. */
  void awaitActivationBy(Thread activating, Runnable await) {
    awaitingActivationBy = activating;
    waitStarted();
    try {
      await.run();
    } finally {
      awaitingActivationBy = null;
    }
  }

  synchronized void endReconfigure() {
    reconfiguring = null;
    notifyAll();
  }

  /** The host a module lives on when loaded for {@code host}: "*" for a global module. */
  Host homeOf(Host host, ModuleBinding<?> binding) {
    return binding.kind() == ModuleKind.GLOBAL ? table.global() : host;
  }

  /** The loaded entry of a module as seen from a host, or {@code null}. */
  ModuleEntry<?> loadedEntry(Host host, ModuleBinding<?> binding) {
    ModuleEntry<?> entry = homeOf(host, binding).entry(binding.name());
    return entry != null && entry.isLoaded() ? entry : null;
  }
}
