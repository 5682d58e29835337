package io.hostmod.test;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ManualClock;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleRegistrations;
import io.hostmod.runtime.ServerConfig;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The modules under test, loaded on hosts of a {@link ModuleManager} of their own, in one line:
 *
 * <pre>{@code
 * @RegisterExtension
 * final TestModules modules = TestModules.of(ChatPageModule.class).hosts("a.example").option("history_limit", 5);
 * }</pre>
 *
 * <p>Registered with {@code @RegisterExtension}, it starts a fresh manager before each test and
 * shuts it down after, and gives test methods parameters of type {@link ModuleManager}, {@code
 * TestModules}, {@link ManualClock}, {@link Records}, a module class (its instance on the {@link
 * #host() default host}) and a generated {@code <Module>_HostProxy} class (its proxy on the default
 * host). Used alone, {@link #start()} starts it and {@link #close()} shuts it down.
 *
 * <p>What it sets up: the bindings of every catalog on the class path ({@code ServiceLoader}, as
 * {@link ModuleManager.Builder#discoverCatalogs()} finds them), with {@link #fake fakes} in place
 * of the modules they replace; a {@link ManualClock} that only {@link #advance} moves; loggers,
 * event and lifecycle observers that keep what happened in {@link #records()}; the hosts
 * activated; and each module under test loaded on each host (a plain global module once, on
 * {@code "*"}), its dependencies first, as the runtime loads them.
 */
public final class TestModules implements BeforeEachCallback, AfterEachCallback, ParameterResolver, AutoCloseable {

  /** The host the modules are loaded on when the test names none. */
  public static final String DEFAULT_HOST = "test.example";

  /** How long {@link #advance} waits for the timers' tasks. */
  private static final Duration REST = Duration.ofSeconds(10);
  /** How many garbage collections {@link #assertNothingLeft} runs before it calls an instance kept. */
  private static final int COLLECTIONS = 20;

  private final List<Class<?>> underTest;
  private final List<String> hosts = new ArrayList<>();
  /** The options by section ({@code "*"}: global), each by key, in the order set. */
  private final Map<String, Map<String, Object>> options = new LinkedHashMap<>();
  private final Set<String> undeclared = new LinkedHashSet<>();
  private final Map<Class<?>, Object> fakes = new LinkedHashMap<>();

  private Map<Class<?>, ModuleBinding<?>> bindingsByType;
  private ModuleManager manager;
  private ManualClock clock;
  private final Records records = new Records();
  /** The instances each module had, by "home host module": weakly, to see them go. */
  private final Map<String, List<WeakReference<Object>>> instances = new ConcurrentHashMap<>();

  private TestModules(List<Class<?>> underTest) {
    this.underTest = underTest;
  }

  /** The modules under test: {@code @Module} classes compiled by the hostmod processor. */
  public static TestModules of(Class<?>... modules) {
    return new TestModules(List.of(modules));
  }

  /**
   * The hosts to activate and load the modules on, the first being the {@link #host() default
   * host}; {@value #DEFAULT_HOST} alone unless set.
   */
  public TestModules hosts(String... hosts) {
    this.hosts.addAll(List.of(hosts));
    return this;
  }

  /**
   * An option of the global section, which every host inherits. The key must be one that a module
   * of this test (or a dependency) declares with {@code @Option}, or one of {@link
   * #undeclaredOptions}: a misspelt key fails the test when it starts.
   */
  public TestModules option(String key, Object value) {
    return option(ModuleManager.GLOBAL, key, value);
  }

  /** An option of one host (or of {@code "*"}, the global section); checked as {@link #option(String, Object)} says. */
  public TestModules option(String host, String key, Object value) {
    options.computeIfAbsent(host, section -> new LinkedHashMap<>()).put(key, value);
    return this;
  }

  /**
   * Option keys that a module reads by hand ({@code ModuleContext.option}) without declaring them
   * with {@code @Option}: {@link #option} takes them unchecked.
   */
  public TestModules undeclaredOptions(String... keys) {
    undeclared.addAll(List.of(keys));
    return this;
  }

  /**
   * Puts {@code fake} (an instance of the module class or of a subclass) in place of a module, for
   * the modules that depend on it: they reach it as they would the real one ({@code
   * ModuleContext.module}, a constructor parameter, the generated host proxy, which calls the fake).
   * The fake is supplied, not loaded: its lifecycle methods, {@code @Hook}s, {@code @Every} timers
   * and {@code @Option} fields do not run or get set, and its own dependencies are not loaded. The
   * same fake serves every host; the test keeps it, so it is never checked to be collectable.
   *
   * @throws IllegalArgumentException if the class is no module, or the fake is not one of it
   */
  public <M> TestModules fake(Class<M> module, M fake) {
    ModuleBinding<?> binding = binding(module);
    if (!module.isInstance(fake)) {
      throw new IllegalArgumentException("the fake of module '" + binding.name() + "' is "
          + (fake == null ? "null" : "a " + fake.getClass().getName()) + ", not a " + module.getSimpleName()
          + ": pass an instance of " + module.getName() + " or of a subclass of it");
    }
    fakes.put(module, fake);
    return this;
  }

  /**
   * Builds the manager and loads the modules under test on every host: what {@code
   * @RegisterExtension} does before each test. A second start shuts the first manager down and
   * forgets its records.
   *
   * @throws IllegalArgumentException for an option no module declares, naming the key and what
   *     each module declares
   * @throws ModuleException if a module fails to load, as the runtime says why
   */
  public TestModules start() {
    if (manager != null) {
      close();
    }
    checkOptions();
    records.clear();
    instances.clear();
    clock = new ManualClock();
    List<ModuleBinding<?>> catalog = bindings();
    ModuleManager started = ModuleManager.builder()
        .catalog(() -> catalog)
        .clock(clock)
        .config(config())
        .moduleLoggers((host, module) -> new RecordingLogger(host, module, records))
        .build();
    started.observe(records::observed);
    started.observeEvents(this::fired);
    manager = started;
    for (String host : hosts()) {
      started.activateHost(host);
      for (Class<?> module : underTest) {
        ModuleBinding<?> binding = binding(module);
        String home = binding.kind() == ModuleKind.GLOBAL ? ModuleManager.GLOBAL : host;
        if (!started.isLoaded(home, binding.name())) {
          started.load(host, binding.name());
        }
      }
    }
    return this;
  }

  /** Shuts the manager down (every module unloaded, dependents first): what happens after each test. */
  @Override
  public void close() {
    ModuleManager stopping = manager;
    manager = null;
    if (stopping != null) {
      stopping.shutdown();
    }
  }

  /** The manager of this test. */
  public ModuleManager manager() {
    return started();
  }

  /** The clock of the manager's timers: it stands still until {@link #advance} moves it. */
  public ManualClock clock() {
    started();
    return clock;
  }

  /** What happened since the manager started: events, items, log lines, lifecycle operations. */
  public Records records() {
    return records;
  }

  /** The default host: the first of {@link #hosts}, else {@value #DEFAULT_HOST}. */
  public String host() {
    return hosts().get(0);
  }

  /**
   * Moves the clock, then waits until the timers that came due have run: a test sees their effect
   * at once, without sleeping.
   *
   * @throws AssertionError if the timers' tasks do not come to rest within 10 seconds (one blocks)
   */
  public void advance(Duration by) {
    clock().advance(by);
    try {
      if (!manager.awaitTimers(REST)) {
        throw new AssertionError("the timers did not come to rest within " + REST.toSeconds()
            + " s of moving the clock by " + by + ": a timer task blocks or keeps scheduling");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the timers", interrupted);
    }
  }

  /** The module's instance on the default host (a global or shared module's one instance). */
  public <M> M instance(Class<M> module) {
    return instance(host(), module);
  }

  /** The module's instance on a host (a global or shared module's one instance). */
  public <M> M instance(String host, Class<M> module) {
    return manager().instance(host, module);
  }

  /** A shared module's host proxy on the default host. */
  public <P extends HostProxy<?>> P hostProxy(Class<P> proxyType) {
    return hostProxy(host(), proxyType);
  }

  /** A shared module's host proxy on a host. */
  public <P extends HostProxy<?>> P hostProxy(String host, Class<P> proxyType) {
    return manager().hostProxy(host, proxyType);
  }

  /** Loads a module on a host, after its dependencies. */
  public void load(String host, Class<?> module) {
    manager().load(host, binding(module).name());
  }

  /** Unloads a module from a host, after what depends on it. */
  public void unload(String host, Class<?> module) {
    manager().unload(host, binding(module).name());
  }

  /**
   * Asserts that nothing of a module unloaded from a host is left there: it is not loaded, it has
   * no hook, item, timer or {@code onUnload} action still to run there ({@link
   * ModuleManager#registrations}; from {@code "*"}, a global or shared module on no active host),
   * and, once no host has it (a global or shared module: once unloaded from {@code "*"}), every
   * instance it had is garbage collected, after at most 20 collections.
   *
   * <p>An instance the test itself holds (a local variable, a parameter of the test method) is not
   * collectable: check in a test that does not take the instance. Before collecting, the records
   * drop the data of the events the module fired on the hosts checked (items it added hold it,
   * often).
   *
   * @throws AssertionError naming the module, the host and each thing left
   */
  public void assertNothingLeft(String host, Class<?> module) {
    ModuleBinding<?> binding = binding(module);
    String name = binding.name();
    ModuleManager manager = manager();
    List<String> left = new ArrayList<>();
    if (manager.isLoaded(host, name)) {
      left.add("it is still loaded there (unload it first)");
    }
    boolean everyHost = host.equals(ModuleManager.GLOBAL) && binding.kind() != ModuleKind.PER_HOST;
    Set<String> hosts = everyHost ? manager.activeHosts() : Set.of(host);
    for (String where : hosts) {
      ModuleRegistrations registered = manager.registrations(where, name);
      for (String thing : registered.described()) {
        left.add(where.equals(host) ? thing : thing + " on host '" + where + "'");
      }
    }
    String home = binding.kind() == ModuleKind.PER_HOST ? host : ModuleManager.GLOBAL;
    if (!fakes.containsKey(module) && !manager.isLoaded(home, name)) {
      records.forgetDataOf(hosts, name);
      int kept = collect(instances.getOrDefault(home + " " + name, List.of()));
      if (kept > 0) {
        left.add((kept == 1 ? "its instance" : kept + " of its instances") + " (" + module.getSimpleName()
            + ") still reachable after " + COLLECTIONS + " garbage collections: a static field, a thread, a hook or"
            + " item of another module, or the test itself (a local variable, a parameter) holds it");
      }
    }
    if (!left.isEmpty()) {
      throw new AssertionError("module '" + name + "' unloaded from host '" + host + "' left: " + String.join("; ", left));
    }
  }

  /** The instances still reachable after up to {@link #COLLECTIONS} collections. */
  private static int collect(List<WeakReference<Object>> instances) {
    for (int i = 0; i < COLLECTIONS && reachable(instances) > 0; i++) {
      System.gc();
      try {
        Thread.sleep(10);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return reachable(instances);
  }

  private static int reachable(List<WeakReference<Object>> instances) {
    return (int) instances.stream().filter(instance -> instance.get() != null).count();
  }

  /** Keeps the event, and a weak reference to each instance a load or reload made. */
  private void fired(Event event) {
    records.fired(event);
    boolean made = event.name().equals(Event.MODULE_LOADED) || event.name().equals(Event.MODULE_RELOADED);
    ModuleBinding<?> binding = made ? bindingsByName().get(event.module()) : null;
    if (binding == null || (binding.kind() != ModuleKind.PER_HOST && !event.host().equals(ModuleManager.GLOBAL))) {
      return; // a host part's instance is the global one, seen on "*"
    }
    try {
      Object instance = manager.instance(event.host(), binding.moduleType());
      instances.computeIfAbsent(event.host() + " " + binding.name(), key -> new CopyOnWriteArrayList<>())
          .add(new WeakReference<>(instance));
    } catch (ModuleException gone) {
      // Unloaded again before the event reached us: nothing to follow.
    }
  }

  // ---- JUnit Jupiter

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ModuleManager.class || type == TestModules.class || type == ManualClock.class
        || type == Records.class || bindingsByType().containsKey(type) || proxyBinding(type) != null;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ModuleManager.class) {
      return manager();
    } else if (type == TestModules.class) {
      return this;
    } else if (type == ManualClock.class) {
      return clock();
    } else if (type == Records.class) {
      return records;
    } else if (bindingsByType().containsKey(type)) {
      return instance(type);
    }
    return manager().hostProxy(host(), type.asSubclass(HostProxy.class));
  }

  // ---- set-up

  private ModuleManager started() {
    if (manager == null) {
      throw new IllegalStateException("the test's modules are not started: register TestModules with"
          + " @RegisterExtension, or call start()");
    }
    return manager;
  }

  private List<String> hosts() {
    return hosts.isEmpty() ? List.of(DEFAULT_HOST) : hosts;
  }

  /** Every module of every catalog on the class path, by class: found once. */
  private Map<Class<?>, ModuleBinding<?>> bindingsByType() {
    if (bindingsByType == null) {
      Map<Class<?>, ModuleBinding<?>> found = new LinkedHashMap<>();
      for (ModuleCatalog catalog : ServiceLoader.load(ModuleCatalog.class)) {
        catalog.bindings().forEach(binding -> found.put(binding.moduleType(), binding));
      }
      bindingsByType = found;
    }
    return bindingsByType;
  }

  private Map<String, ModuleBinding<?>> bindingsByName() {
    return bindingsByType().values().stream().collect(Collectors.toMap(ModuleBinding::name, binding -> binding));
  }

  private ModuleBinding<?> binding(Class<?> module) {
    ModuleBinding<?> binding = bindingsByType().get(module);
    if (binding == null) {
      throw new IllegalArgumentException(module.getName() + " is no module of any catalog on the class path: a"
          + " @Module class compiled with hostmod-processor on the annotation processor path");
    }
    return binding;
  }

  private ModuleBinding<?> proxyBinding(Class<?> proxyType) {
    return bindingsByType().values().stream().filter(binding -> binding.hostProxyType() == proxyType).findFirst().orElse(null);
  }

  /**
   * What the manager's one catalog lists, sorted by name: every binding found, each fake's in place
   * of its module's.
   */
  private List<ModuleBinding<?>> bindings() {
    List<ModuleBinding<?>> bindings = new ArrayList<>();
    for (ModuleBinding<?> binding : bindingsByType().values()) {
      Object fake = fakes.get(binding.moduleType());
      bindings.add(fake == null ? binding : faked(binding, fake));
    }
    bindings.sort(Comparator.comparing(ModuleBinding::name));
    return List.copyOf(bindings);
  }

  private static <M> ModuleBinding<M> faked(ModuleBinding<M> real, Object fake) {
    return new FakeBinding<>(real, real.moduleType().cast(fake));
  }

  private ServerConfig config() {
    ServerConfig.Builder config = ServerConfig.builder();
    options.forEach((section, values) -> {
      if (section.equals(ModuleManager.GLOBAL)) {
        values.forEach(config::option);
      } else {
        // A configuration that lists hosts allows only those: list every host of the test.
        config.host(section, host -> values.forEach(host::option));
      }
    });
    if (options.keySet().stream().anyMatch(section -> !section.equals(ModuleManager.GLOBAL))) {
      hosts().stream().filter(host -> !options.containsKey(host)).forEach(config::host);
    }
    return config.build();
  }

  /** Fails on an option key that no module of the test (nor a dependency) declares. */
  private void checkOptions() {
    Map<String, List<String>> declared = declaredOptions();
    Set<String> keys = new LinkedHashSet<>(undeclared);
    declared.values().forEach(keys::addAll);
    options.forEach((section, values) -> values.keySet().forEach(key -> {
      if (!keys.contains(key)) {
        String where = section.equals(ModuleManager.GLOBAL) ? "the global section" : "host '" + section + "'";
        String modules = declared.entrySet().stream()
            .map(module -> module.getKey() + (module.getValue().isEmpty() ? " declares none" : " declares " + module.getValue()))
            .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("option '" + key + "' (" + where + ") is declared by no module of this test: "
            + modules + ". Use a declared key, or name a key a module reads by hand (ModuleContext.option) in"
            + " undeclaredOptions(...)");
      }
    }));
  }

  /** The {@code @Option} keys of each module under test and of each module it depends on, by module. */
  private Map<String, List<String>> declaredOptions() {
    Map<String, ModuleBinding<?>> byName = bindingsByName();
    Map<String, List<String>> declared = new TreeMap<>();
    Deque<ModuleBinding<?>> next = new ArrayDeque<>();
    underTest.forEach(module -> next.add(binding(module)));
    while (!next.isEmpty()) {
      ModuleBinding<?> binding = next.poll();
      if (declared.put(binding.name(), binding.options().stream().map(option -> option.key()).toList()) == null) {
        binding.dependencies().stream().map(byName::get).filter(dependency -> dependency != null).forEach(next::add);
      }
    }
    return declared;
  }
}
