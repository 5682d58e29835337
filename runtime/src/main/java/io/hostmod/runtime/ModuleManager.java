package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Loads, unloads and reloads modules on hosts, by running the bindings that the hostmod processor
 * generated. It follows Prosody's module manager: the global host {@link #GLOBAL} ({@code "*"}) is
 * always active, other hosts are activated and deactivated; a global module exists once, on
 * {@code "*"}; a shared module has one global instance and a host part on every host it is loaded
 * on.
 *
 * <p>A global module's dependencies are loaded on {@code "*"} (a shared dependency as its global
 * instance only), so a global module belongs to no host and no host's deactivation unloads it.
 * Every refusal ({@code module-already-loaded}, a disabled dependency, ...) is decided before any
 * module code runs or any event fires.
 *
 * <p>Safe to use from many threads. Operations on different hosts or modules run in parallel; an
 * operation that finds a module being loaded, unloaded or reloaded by another thread waits for it.
 * No lock is held while module code runs, so a lifecycle method may call the manager for other
 * modules; a call for its own module, or one whose wait would close a cycle of threads waiting for
 * each other, fails at once with {@code module-busy}. Each operation is linearizable, the unload of
 * a shared module from {@code "*"} takes effect on every host at once, and for one (host, module)
 * the lifecycle events reach listeners in the order the operations happened ({@code
 * docs/reliability.md}). Catalogs can be installed and uninstalled while the manager runs.
 *
 * <pre>{@code
 * ModuleManager modules = ModuleManager.builder().discoverCatalogs().build();
 * modules.activateHost("chat.example");
 * modules.load("chat.example", "muc");
 * }</pre>
 */
public final class ModuleManager {

  /** The global host, on which global and shared modules keep their one instance. */
  public static final String GLOBAL = "*";

  /** The timer threads of a manager unless its builder sets them. */
  static final int DEFAULT_TIMER_THREADS = 4;

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  private final Server server;
  private final HostTable table;
  /** Held here, not reached through the server: {@link #isLoaded} is a hot path (see Slots). */
  private final Slots slots;

  private ModuleManager(Server server) {
    this.server = server;
    this.table = server.table;
    this.slots = server.slots;
  }

  /** Starts building a manager from module catalogs. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Activates a host, fires {@code host-activated} on the server, and loads the host's module set
   * from the configuration (always-loaded modules, global enabled minus disabled, host enabled
   * minus disabled), each with its dependencies first. A module of the set that fails to load is
   * reported through the logger and shown as failed in {@link #status()}; the others still load.
   *
   * @throws ModuleException {@code host-already-active} if it is active (a host being deactivated
   *     by another thread is waited for); {@code unknown-host} if
   *     the configuration lists hosts and this is not one of them; {@code invalid-name} if the name
   *     has whitespace or control characters; {@code insufficient-parameters} if it is null or empty
   */
  public void activateHost(String host) {
    new HostActivation(server).run(requireName(host, "host"));
  }

  /**
   * Unloads every module of the host, dependents before what they depend on (newest first), then
   * deactivates it and fires {@code host-deactivated} on the host (for the listeners added with
   * {@link #hook}) and on the server.
   *
   * @throws ModuleException {@code unknown-host} if it is not active; {@code module-busy} if called
   *     from a lifecycle method of a module of that host (nothing is unloaded), or if a module of
   *     it cannot be unloaded (the host stays active, without the modules already unloaded)
   */
  public void deactivateHost(String host) {
    new HostDeactivation(server).run(requireName(host, "host"));
  }

  /**
   * Applies a new configuration to the running server, as Prosody does on a config reload, and
   * only what differs from the current one.
   *
   * <p>First the whole of {@code next} is checked against the installed modules: module names in
   * {@code modules_enabled} and {@code modules_disabled} that no catalog has, option values of a
   * type a module declaring the key with {@code @Option} cannot read, and, for each host it lists
   * (or, if it lists none, each active host), a module of the host's set that misses a required
   * option or depends on a module disabled where it would load. Any problem: one {@code
   * bad-config} listing each with its section (host) and key, and nothing changes.
   *
   * <p>Then {@code next} becomes the configuration, at one instant, and the difference is
   * applied:
   * <ul>
   *   <li>active hosts it no longer lists are deactivated; an active host stays if it lists it,
   *       or if it lists no host (any host may then be activated) and the old configuration did
   *       not list that host either;
   *   <li>on every host that stays, the modules its new module set drops are unloaded (dependents
   *       first), and those it adds are loaded, as {@link #activateHost}/{@link #deactivateHost}
   *       do (a global module lives on {@code "*"} and stays loaded);
   *   <li>a loaded module whose values of its {@code @Option} keys changed on its host (a global
   *       module and a shared module's global instance read the global section) takes the new
   *       values: through its {@code @Reconfigure} method, which finds its fields set to them
   *       already, or, without one (or when a key lost its value, so that the default is needed),
   *       by a reload with its {@code @Save} state. A shared module's host part is reloaded on its
   *       host. A {@code @Reconfigure} that throws is reported ({@code reconfigure-failed}) and the
   *       module reloaded there. Modules whose values did not change are not called;
   *   <li>hosts it lists that are not active are activated, last.
   * </ul>
   * A failure while applying (a module that does not load) is logged, shown in {@link #status()}
   * and listed in the result; every other change is still applied. Fires {@code
   * config-reloaded} on the server ({@code "*"}) with the result once done; {@code
   * module-reconfigured} fires on a host for each module reconfigured in place, and the other
   * lifecycle events as usual.
   *
   * <p>Reconfigures run one at a time; loads, unloads and reloads run alongside, each under one
   * configuration, the old or the new one. Reloading a configuration file is reading it again
   * ({@code TomlConfig.read}) and passing the result here.
   *
   * @return what changed
   * @throws ModuleException {@code bad-config} (nothing changed); {@code module-busy} if called
   *     from a lifecycle method or event handler run by a reconfigure (call it after); {@code
   *     insufficient-parameters} for {@code null}
   */
  public ConfigChanges reconfigure(ServerConfig next) {
    if (next == null) {
      throw ModuleException.insufficientParameters("configuration");
    }
    return new ReconfigureOperation(server).run(next);
  }

  /** The configuration now: the one the manager was built with, or the last one {@link #reconfigure} applied. */
  public ServerConfig config() {
    return server.config();
  }

  /**
   * Shuts the module system down: deactivates every host (each unloading its modules, dependents
   * first), then unloads every module of {@code "*"}, dependents first, and stops the timer
   * threads. The manager stays usable: hosts can be activated again (and a timer starts the
   * threads again).
   *
   * @throws ModuleException {@code module-busy} if called from a lifecycle method (do it after)
   */
  public void shutdown() {
    shutDownModules();
    // Every instance is unloaded, so every timer lane is closed: the threads can go.
    server.timers.stop();
  }

  private void shutDownModules() {
    for (String host : table.activeHosts()) {
      if (!host.equals(GLOBAL)) {
        try {
          deactivateHost(host);
        } catch (ModuleException refused) {
          if (!refused.code().equals(ModuleException.UNKNOWN_HOST)) {
            throw refused;
          }
          // Deactivated by another thread meanwhile.
        }
      }
    }
    HostDeactivation.unloadAll(server, table.global());
  }

  /**
   * Loads a module on a host, after the modules it depends on that the host does not have yet. A
   * global module is loaded on {@code "*"} whatever host is asked; a shared module's global
   * instance is created on its first load, and {@code @AddHost} is called for every real host.
   *
   * @throws ModuleException {@code unknown-host}, {@code module-not-found} (also for a missing
   *     dependency), {@code module-already-loaded}, {@code global-module-already-loaded}, {@code
   *     dependency-disabled}, {@code missing-option}, {@code bad-option}, or {@code load-failed}
   *     (with the module's exception as cause). Nothing of a failed load stays loaded, the
   *     dependencies it loaded included; {@link #status()} shows the module as failed.
   */
  public void load(String host, String name) {
    Bindings bindings = server.bindings();
    Bindings.Installed module = bindings.installed(requireName(name, "module name"));
    new LoadOperation(server).run(table.active(requireName(host, "host"), name), module.binding(), module.slot(), bindings, LoadOperation.IfLoaded.REFUSE);
  }

  /**
   * Unloads a module from a host. From {@code "*"}, a shared module is first unloaded from every
   * host it is loaded on. An exception from {@code @Unload} is logged; the unload completes.
   *
   * @throws ModuleException {@code unknown-host}, {@code module-not-found}, {@code
   *     module-not-loaded}
   */
  public void unload(String host, String name) {
    // By its slot, not its binding: a module jar's module withdrawn by refreshModules can still be
    // unloaded where it is loaded (UnloadOperation#claimLoaded tells a withdrawn one from one not
    // loaded). One lookup by name, as a load makes one (see Bindings.Installed).
    int slot = server.slot(requireName(name, "module name"));
    if (slot < 0) {
      throw ModuleException.moduleNotFound(name); // never installed
    }
    new UnloadOperation(server).run(table.active(requireName(host, "host"), name), name, slot);
  }

  /**
   * Replaces a module's instance on a host, carrying its {@code @Save} state to the new instance's
   * {@code @Restore}. The modules that depend on it are set aside first (saved and unloaded,
   * dependents first) and come back after as new instances with their state, before any other
   * thread can see or touch them. On a real host, a shared module's host part is unloaded and
   * added again (its dependents keep running); on {@code "*"}, its global instance is replaced and
   * every host part attached to the new one. Fires {@code module-reloaded} for the module, each
   * host part attached again and each dependent that came back.
   *
   * <p>A module of a module jar ({@link Builder#moduleDirectory}) whose jar changed since its code
   * was loaded runs the new version's code from this reload on, here (on {@code "*"}, for every
   * host part); its dependents come back on code linked to that version. A jar changed on disk
   * since the directory was last read is read first, as Prosody's reload reads the module's file
   * again: the reload reads the directory as {@link #refreshModules()} does (so a jar refused
   * there fails the reload, naming it, and nothing changes). Every state is saved and
   * checked first: one holding a class of the old jar is {@code state-incompatible} and nothing
   * changes; a new version whose constructor or {@code @Load} throws is {@code load-failed} with
   * the old code made again, with its state ({@code docs/module-jars.md}).
   *
   * @throws ModuleException {@code module-not-loaded}; {@code save-state-failed} (the old instance
   *     stays loaded, its dependents come back); {@code load-failed} (the module is no longer
   *     loaded there, or, for a host part that refused the new instance or a dependent that did
   *     not come back, that one and what depends on it are no longer loaded)
   */
  public void reload(String host, String name) {
    server.bindings().named(requireName(name, "module name"));
    ModuleJars jars = server.jars;
    if (jars != null && jars.changedOnDisk(name)) {
      jars.refresh();
    }
    new ReloadOperation(server).run(table.active(requireName(host, "host"), name), name);
  }

  /**
   * Whether the module is loaded on the host. A plain global module is loaded on {@code "*"} only;
   * a shared module on {@code "*"} and on every host it was loaded on.
   */
  public boolean isLoaded(String host, String name) {
    Host found = table.find(requireName(host, "host"));
    // The slot from the manager's own map, not through the host: the two lookups do not wait for each other.
    int slot = slots.of(requireName(name, "module name"));
    if (found == null || slot < 0) {
      return false;
    }
    ModuleEntry<?> entry = found.entry(slot);
    return entry != null && entry.isLoaded();
  }

  /** The names of the modules loaded on an active host, sorted. */
  public Set<String> loadedModules(String host) {
    Host found = table.active(requireName(host, "host"), null);
    Set<String> names = new TreeSet<>();
    for (ModuleEntry<?> entry : found.entries()) {
      if (entry.isLoaded()) {
        names.add(entry.name);
      }
    }
    return names;
  }

  /** The active hosts, {@code "*"} included, sorted. */
  public Set<String> activeHosts() {
    return table.activeHosts();
  }

  /**
   * Handles an event of a host, or of the server on {@code "*"}: the lifecycle events ({@code
   * module-loaded}, {@code host-activated}, ...), item events and module events. Higher priority
   * runs first; close the registration to remove the handler.
   *
   * @throws ModuleException {@code unknown-host}
   */
  public Registration hook(String host, String event, int priority, EventHandler handler) {
    return table.active(requireName(host, "host"), null).events.add(requireName(event, "event"), priority, handler, null);
  }

  /**
   * Fires an event on a host; handlers run on this thread, highest priority first, until one stops
   * it.
   *
   * @return the event, to read whether a handler stopped it
   * @throws ModuleException {@code unknown-host}
   */
  public Event fire(String host, String event, Object data) {
    Event fired = new Event(requireName(event, "event"), requireName(host, "host"), null, data);
    table.active(host, null).events.fire(fired);
    return fired;
  }

  /** The items under a key on a host, in the order added. */
  public List<Object> items(String host, String key) {
    return table.active(requireName(host, "host"), null).items(requireName(key, "item key"));
  }

  /**
   * Every active host with each module's state and kind, including the modules whose last load
   * failed, for an admin page, and the health each module instance last reported ({@link
   * ModuleContext#status}). Hosts and modules are sorted by name.
   */
  public List<HostStatus> status() {
    List<HostStatus> hosts = new ArrayList<>();
    for (String name : table.activeHosts()) {
      Host host = table.find(name);
      if (host == null) {
        continue;
      }
      Map<String, ModuleStatus> modules = new TreeMap<>();
      host.failuresSoFar().forEach((module, failure) -> modules.put(module, new ModuleStatus(
          module, failure.kind(), ModuleState.FAILED, failure.at(), failure.cause())));
      for (ModuleEntry<?> entry : host.entries()) {
        Context context = entry.context();
        modules.put(entry.name, new ModuleStatus(entry.name, entry.binding.kind(), entry.publicState(),
            Instant.ofEpochMilli(entry.since()), null, context == null ? null : context.health(),
            ModuleJars.versionOf(entry.binding)));
      }
      ModuleJars jars = server.jars;
      List<String> held = jars != null && name.equals(GLOBAL) ? jars.held() : List.of();
      hosts.add(new HostStatus(name, List.copyOf(modules.values()), held));
    }
    return hosts;
  }

  /**
   * Adds an observer of every load, unload, reload and host activation from now on (each with its
   * duration and outcome); close the registration to remove it. For metrics: {@code
   * hostmod-micrometer} binds one.
   */
  public Registration observe(LifecycleObserver observer) {
    if (observer == null) {
      throw ModuleException.insufficientParameters("observer");
    }
    return server.observers.add(observer);
  }

  /**
   * Adds an observer of every event fired on any host from now on, as each host's handlers see it:
   * lifecycle events ({@code module-loaded}, ...), item events, {@code module-status}, and the events
   * modules and callers of {@link #fire} fire. Each event is observed once, on its own host ({@link
   * Event#host()}), before its handlers run, on the firing thread. For tests that record what
   * happened ({@code hostmod-test}) and for tracing; an observer must be quick, must not {@link
   * Event#stop() stop} the event, and what it throws is logged. Close the registration to remove it.
   */
  public Registration observeEvents(EventHandler observer) {
    if (observer == null) {
      throw ModuleException.insufficientParameters("observer");
    }
    server.eventObservers.add(observer);
    return () -> server.eventObservers.remove(observer);
  }

  /**
   * What a module has registered on a host now, through its contexts there: hooks by event, items
   * by key, timers not closed, and {@link ModuleContext#onUnload} actions still to run. The
   * runtime removes all of it when it unloads the module from the host, so once unloaded this is
   * empty ({@link ModuleRegistrations#isEmpty()}): a test asserts it ({@code hostmod-test}'s
   * nothing-left check). A host that is not active has no hooks or items; its timers are still
   * looked for.
   *
   * @throws ModuleException {@code insufficient-parameters} for a null or empty host or module
   */
  public ModuleRegistrations registrations(String host, String module) {
    Host found = table.find(requireName(host, "host"));
    requireName(module, "module name");
    if (found == null) {
      return new ModuleRegistrations(host, module, Map.of(), Map.of(), server.timers.count(host, module), 0);
    }
    ModuleEntry<?> entry = found.entry(module);
    return new ModuleRegistrations(host, module, found.events.hooksOf(module), found.itemsOf(module),
        server.timers.count(host, module), entry == null ? 0 : entry.unloadActions());
  }

  /**
   * Waits until no timer of any module is due and no timer task is queued or running, at most
   * {@code timeout}: for tests that move a {@link ManualClock} and then look at what the tasks did.
   *
   * @return whether the timers came to rest in time
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitTimers(Duration timeout) throws InterruptedException {
    return server.timers.awaitIdle(timeout);
  }

  /** The time source of this manager's timers and status times. */
  public TimeSource clock() {
    return server.timers.clock;
  }

  /** The option keys every module declares with {@code @Option}, for checking a config file. */
  public Set<String> optionKeys() {
    return server.bindings().optionKeys();
  }

  /** The names of every module the catalogs provide, sorted. */
  public Set<String> moduleNames() {
    return server.bindings().names();
  }

  /**
   * The instance of a module loaded on a host: a per-host module's own instance, or the one
   * instance of a global or shared module (on {@code "*"}, or on a host a shared module is loaded
   * on).
   *
   * @throws ModuleException {@code module-not-found} for a class that is no module; {@code
   *     unknown-host}; {@code module-not-loaded}
   */
  public <M> M instance(String host, Class<M> moduleType) {
    ModuleBinding<M> binding = server.bindingOfType(moduleType);
    return moduleType.cast(loadedEntry(host, binding.name()).part().module());
  }

  /**
   * The host proxy of a shared module on a host: its {@code HostContext} methods, bound to that
   * host. The proxy stays valid across reloads, until the module is unloaded from the host.
   *
   * @param proxyType the generated {@code <Module>_HostProxy} class
   * @throws ModuleException {@code module-not-found}, {@code unknown-host}, {@code
   *     module-not-loaded}
   */
  public <P extends HostProxy<?>> P hostProxy(String host, Class<P> proxyType) {
    return proxyType.cast(hostProxy(server, table.active(requireName(host, "host"), null), proxyType));
  }

  /** The proxy of a shared module on a host: for the manager and for module contexts. */
  static HostProxy<?> hostProxy(Server server, Host host, Class<?> proxyType) {
    ModuleBinding<?> binding = server.bindingOfProxyType(proxyType);
    ModuleEntry<?> entry = host.entry(binding.name());
    if (entry == null || !entry.isLoaded()) {
      throw ModuleException.notLoaded(host.name, binding.name());
    }
    return newHostProxy(entry);
  }

  /**
   * Reads the module directory ({@link Builder#moduleDirectory}) again, as an operator does after
   * putting jars in it, replacing or deleting them:
   * <ul>
   *   <li>the modules of a new jar can be loaded from now on;
   *   <li>the modules of a removed jar can no longer be loaded (nor reloaded); where they are loaded
   *       they keep running, on the old code, until unloaded;
   *   <li>a changed jar's code is what the next load or reload of its modules runs; instances
   *       loaded keep running the code they were made from until then. A jar whose modules depend
   *       on a changed jar is linked to its new version for their next load or reload too.
   * </ul>
   * A jar is read from a private copy, so it can be replaced or deleted at any time.
   *
   * @return the file names of the jars added, changed and removed (three lists, in that order)
   * @throws ModuleException {@code bad-module-jar} (a jar that cannot be read, is still being
   *     written, or has no catalog), {@code duplicate-module} (a module name two jars, or a jar and
   *     the class path, have), {@code dependency-cycle}: each naming the jar; nothing changes then;
   *     {@code insufficient-parameters} if the manager has no module directory
   */
  public List<List<String>> refreshModules() {
    ModuleJars jars = server.jars;
    if (jars == null) {
      throw ModuleException.insufficientParameters("module directory (ModuleManager.builder().moduleDirectory(dir))");
    }
    return jars.refresh();
  }

  /**
   * Tomcat's "find leaks" for module jars: runs a full garbage collection, then names, in a
   * {@code WARNING} and in what it returns, every version of a module jar whose last instance was
   * unloaded and whose class loader is closed but still reachable. What keeps it is outside the
   * jar: most often a static field of a class-path or JDK class (a cache, a registry, system
   * properties, a listener or driver left registered) holding an object or class of the jar. The
   * runtime reads no fields, so it names the modules and the version, not the field; a heap dump
   * shows the path to the loader, which is named after the version. A diagnostic for an operator,
   * as Tomcat's is: it stops the process for a full collection.
   *
   * @return the versions still held, each with the modules it held ({@code "hoard.jar@... (hoarder)"});
   *     empty without a module directory
   */
  public List<String> findLeaks() {
    ModuleJars jars = server.jars;
    if (jars == null) {
      return List.of();
    }
    System.gc();
    return jars.reportHeld();
  }

  /**
   * Adds a catalog's modules to the running manager: from now on they can be loaded, on every
   * host (hosts activated earlier included). Modules already installed are not touched.
   *
   * @throws ModuleException {@code duplicate-module} if one of its module names is installed
   *     already, {@code dependency-cycle} if its modules and the installed ones depend on each other
   *     in a cycle; nothing changes then
   */
  public void install(ModuleCatalog catalog) {
    if (catalog == null) {
      throw ModuleException.insufficientParameters("catalog");
    }
    server.modules.install(catalog);
  }

  /**
   * Removes a catalog's modules from the running manager, if none of them is loaded (or being
   * loaded) on any host: from then on loading one says {@code module-not-found}. A load of one of
   * them that runs at the same time either makes this fail, or waits and then fails.
   *
   * @throws ModuleException {@code module-in-use} naming a module and a host where it is loaded
   *     (unload it there first), {@code module-not-found} if the catalog is not installed; nothing
   *     changes then
   */
  public void uninstall(ModuleCatalog catalog) {
    if (catalog == null) {
      throw ModuleException.insufficientParameters("catalog");
    }
    server.modules.uninstall(catalog, table);
  }

  private ModuleEntry<?> loadedEntry(String host, String name) {
    ModuleEntry<?> entry = table.active(requireName(host, "host"), name).entry(name);
    if (entry == null || !entry.isLoaded()) {
      throw ModuleException.notLoaded(host, name);
    }
    return entry;
  }

  private static <M> HostProxy<M> newHostProxy(ModuleEntry<M> entry) {
    return entry.binding.newHostProxy(entry);
  }

  private static String requireName(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw ModuleException.insufficientParameters(what);
    }
    return value;
  }

  /** Collects module catalogs for a {@link ModuleManager}. */
  public static final class Builder {

    private final List<ModuleCatalog> catalogs = new ArrayList<>();
    private final List<String> alwaysLoaded = new ArrayList<>();
    private ServerConfig config = ServerConfig.empty();
    private TimeSource clock = TimeSource.system();
    private BiFunction<String, String, System.Logger> loggers = (host, module) -> System.getLogger("hostmod." + module);
    private int timerThreads = DEFAULT_TIMER_THREADS;
    private java.nio.file.Path moduleDirectory;

    private Builder() {}

    /**
     * Where the manager reads the time, for its modules' timers and for status: {@link
     * TimeSource#system()} unless set; a {@link ManualClock} in tests.
     */
    public Builder clock(TimeSource clock) {
      if (clock == null) {
        throw new NullPointerException("clock");
      }
      this.clock = clock;
      return this;
    }

    /**
     * The logger {@link ModuleContext#logger()} returns to a module, given its host and name: {@code
     * System.getLogger("hostmod." + name)} unless set. A test gives loggers that record what each
     * module logs ({@code hostmod-test}), without touching the JVM's logging configuration, which
     * tests running in parallel share.
     */
    public Builder moduleLoggers(BiFunction<String, String, System.Logger> loggers) {
      if (loggers == null) {
        throw new NullPointerException("loggers");
      }
      this.loggers = loggers;
      return this;
    }

    /**
     * How many threads run the modules' timer tasks (4 unless set). Each module instance's tasks
     * run one at a time, so a task that blocks holds one of them; the others keep running the
     * other instances' timers.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder timerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("timer threads must be positive: " + threads);
      }
      this.timerThreads = threads;
      return this;
    }

    /**
     * A directory of module jars: every {@code *.jar} in it is a jar of {@code @Module} classes
     * compiled with the hostmod processor, read (from a private copy) in a class loader of its own
     * whose parent is the class loader that loaded hostmod's runtime, and whose catalog the {@code
     * ServiceLoader} finds in the jar's {@code META-INF/services}. Its modules are installed beside
     * those of the catalogs; {@link ModuleManager#refreshModules()} reads the directory again, and
     * {@link ModuleManager#reload} runs a changed jar's new code (docs/module-jars.md).
     */
    public Builder moduleDirectory(java.nio.file.Path directory) {
      if (directory == null) {
        throw new NullPointerException("directory");
      }
      this.moduleDirectory = directory;
      return this;
    }

    /**
     * The configuration: which hosts exist (when it lists any, only those can be activated), which
     * modules {@link #activateHost} loads on each, and the options modules read.
     */
    public Builder config(ServerConfig config) {
      if (config == null) {
        throw new NullPointerException("config");
      }
      this.config = config;
      return this;
    }

    /** Modules loaded on every host the manager activates, before the configured ones. */
    public Builder alwaysLoad(String... modules) {
      alwaysLoaded.addAll(List.of(modules));
      return this;
    }

    /** Adds a catalog, such as a generated {@code HostmodCatalog_...} class. */
    public Builder catalog(ModuleCatalog catalog) {
      if (catalog == null) {
        throw new NullPointerException("catalog");
      }
      catalogs.add(catalog);
      return this;
    }

    /**
     * Adds every catalog registered in {@code META-INF/services/io.hostmod.runtime.spi.ModuleCatalog}
     * on the class path (or module path) of the context class loader.
     */
    public Builder discoverCatalogs() {
      for (ModuleCatalog catalog : ServiceLoader.load(ModuleCatalog.class)) {
        catalogs.add(catalog);
      }
      return this;
    }

    /**
     * Builds the manager.
     *
     * @throws ModuleException {@code duplicate-module} when two catalogs have a module of the same
     *     name; {@code dependency-cycle} when modules of several catalogs depend on each other in a
     *     cycle; {@code module-not-found} for an always-loaded module no catalog has
     */
    public ModuleManager build() {
      // The same catalog found twice (added by hand and discovered) is one table, not a clash.
      List<ModuleCatalog> distinct = new ArrayList<>();
      Set<String> seen = new TreeSet<>();
      for (ModuleCatalog catalog : catalogs) {
        if (seen.add(catalog.getClass().getName())) {
          distinct.add(catalog);
        }
      }
      Modules modules = new Modules();
      distinct.forEach(modules::install);
      ModuleJars jars = null;
      if (moduleDirectory != null) {
        jars = new ModuleJars(moduleDirectory, modules, ModuleManager.class.getClassLoader());
        jars.refresh();
      }
      alwaysLoaded.forEach(modules.current()::named);
      Server server = new Server(modules, config, alwaysLoaded, new Timers(clock, timerThreads), loggers);
      server.jars = jars;
      return new ModuleManager(server);
    }
  }
}
