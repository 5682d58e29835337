package io.hostmod.runtime.tests;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * The core guarantees, checked with <a href="https://github.com/JetBrains/lincheck">Lincheck</a>:
 * {@code load}, {@code unload}, {@code reload} and {@code isLoaded} of one shared module on two
 * hosts and {@code "*"}, called from several threads at once, are linearizable against {@link
 * Model}, the rules applied one operation at a time. That is, every concurrent run gives each call
 * the result it would have in some serial order that respects real time, and leaves the state that
 * order leaves; an unload of {@code "*"}, which unloads every host part, takes effect at one
 * instant for every host.
 *
 * <p>After each run, {@link #balanced()} checks what the results cannot show: one live global
 * instance exactly while the module is loaded on {@code "*"} (created once per load cycle and
 * once per reload, each unloaded once), and on each host as many {@code @AddHost} as {@code
 * @Unload(HostContext)} calls, plus one while loaded there. {@link TallyModule} reports these as
 * events of its own manager, so runs do not share counters.
 *
 * <p>Wider scenarios, each against {@link Rules} with the same kind of validation ({@link
 * Scenario#checkBalanced}): {@link Dependencies} (a per-host and a global dependent of a shared
 * module), {@link Hosts} (deactivation and activation of a host) and {@link Install} (install and
 * uninstall of a one-module catalog).
 *
 * <p>Two strategies: stress (real threads, many interleavings by chance) and model checking
 * (Lincheck controls the thread switches and explores them systematically), each with a small
 * fixed budget per scenario (8×100 and 10×100 invocations), so that the class runs in about 90 s
 * on two busy cores. Both found the non-linearizable unload of {@code "*"} and
 * first load of a shared module that the runtime had before. {@link
 * #modelCheckingSwitchesThreadsInsideAnOperation} checks that model checking sees inside each
 * operation: for a while it did not (see {@link #isTrustedJdkClass}).
 */
@Param(name = "place", gen = IntGen.class, conf = "0:2")
public class LincheckTest {

  private static final String MODULE = "tally";
  /** The places an operation names: two hosts, then "*". */
  private static final List<String> PLACES = List.of(ManagerTestBase.A, ManagerTestBase.B, ModuleManager.GLOBAL);
  private static final int STRESS_ITERATIONS = 8;
  private static final int STRESS_INVOCATIONS = 100;
  private static final int MODEL_CHECKING_ITERATIONS = 10;
  private static final int MODEL_CHECKING_INVOCATIONS = 100;
  private static final List<ModuleCatalog> CATALOGS =
      ServiceLoader.load(ModuleCatalog.class).stream().map(ServiceLoader.Provider::get).toList();

  private final ModuleManager manager = newManager();
  private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  public LincheckTest() {
    for (String place : PLACES) {
      manager.hook(place, TallyModule.EVENT, 0,
          event -> counts.computeIfAbsent(place + " " + event.data(), k -> new AtomicInteger()).incrementAndGet());
    }
  }

  /** A manager of every test module, with hosts A and B active. */
  private static ModuleManager newManager() {
    ModuleManager.Builder builder = ModuleManager.builder();
    CATALOGS.forEach(builder::catalog);
    ModuleManager manager = builder.build();
    for (String host : PLACES.subList(0, 2)) {
      manager.activateHost(host);
    }
    return manager;
  }

  @Operation
  public String load(@Param(name = "place") int place) {
    return outcome(() -> manager.load(PLACES.get(place), MODULE));
  }

  @Operation
  public String unload(@Param(name = "place") int place) {
    return outcome(() -> manager.unload(PLACES.get(place), MODULE));
  }

  @Operation
  public String reload(@Param(name = "place") int place) {
    return outcome(() -> manager.reload(PLACES.get(place), MODULE));
  }

  @Operation
  public boolean isLoaded(@Param(name = "place") int place) {
    return manager.isLoaded(PLACES.get(place), MODULE);
  }

  /** Called by Lincheck once every thread of a run is done. */
  @Validate
  public void balanced() {
    String global = ModuleManager.GLOBAL;
    check(count(global, TallyModule.CREATED) - count(global, TallyModule.UNLOADED),
        manager.isLoaded(global, MODULE), "live global instances");
    for (String host : PLACES.subList(0, 2)) {
      check(count(host, TallyModule.ADDED) - count(host, TallyModule.REMOVED), manager.isLoaded(host, MODULE),
          "@AddHost without @Unload(HostContext) on " + host);
      // Attached to the live instance: also after a reload of "*", which replaces it.
      if (manager.isLoaded(host, MODULE)
          && manager.instance(host, TallyModule.class) != manager.instance(global, TallyModule.class)) {
        throw new IllegalStateException("the host part on " + host + " is not attached to the live global instance");
      }
    }
  }

  @Test
  void stress() {
    stress(LincheckTest.class, Model.class);
  }

  @Test
  void modelChecking() {
    modelChecking(LincheckTest.class, Model.class);
  }

  @Test
  void dependenciesStress() {
    stress(Dependencies.class, Dependencies.Model.class);
  }

  @Test
  void dependenciesModelChecking() {
    modelChecking(Dependencies.class, Dependencies.Model.class);
  }

  @Test
  void hostsStress() {
    stress(Hosts.class, Hosts.Model.class);
  }

  @Test
  void hostsModelChecking() {
    modelChecking(Hosts.class, Hosts.Model.class);
  }

  @Test
  void installStress() {
    stress(Install.class, Install.Model.class);
  }

  @Test
  void installModelChecking() {
    modelChecking(Install.class, Install.Model.class);
  }

  /**
   * A check of this test, not of the runtime: model checking switches threads inside an operation.
   * Two loads onto different hosts run their {@code @AddHost} at once, which {@link SwitchProbe}
   * notices; a model checker that ran each operation as one step (as it did while a
   * {@code Supplier} was trusted as atomic: see {@link #isTrustedJdkClass}) never sees that.
   */
  @Test
  void modelCheckingSwitchesThreadsInsideAnOperation() {
    LincheckAssertionError found = assertThrows(LincheckAssertionError.class,
        () -> modelChecking(SwitchProbe.class, SwitchProbe.Model.class, 1, 0, 0));
    assertTrue(found.getMessage().contains("noOverlap"), found::getMessage);
  }

  /** The budget of every scenario under stress: fixed, small, see the class comment. */
  private static void stress(Class<?> test, Class<?> model) {
    new StressOptions()
        .iterations(STRESS_ITERATIONS)
        .invocationsPerIteration(STRESS_INVOCATIONS)
        .threads(3)
        .actorsPerThread(3)
        .sequentialSpecification(model)
        .check(test);
  }

  /** The budget of every scenario under model checking. */
  private static void modelChecking(Class<?> test, Class<?> model) {
    modelChecking(test, model, 3, 2, 1);
  }

  private static void modelChecking(Class<?> test, Class<?> model, int actorsPerThread, int actorsBefore, int actorsAfter) {
    new ModelCheckingOptions()
        .iterations(MODEL_CHECKING_ITERATIONS)
        .invocationsPerIteration(MODEL_CHECKING_INVOCATIONS)
        .threads(2)
        .actorsPerThread(actorsPerThread)
        .actorsBefore(actorsBefore)
        .actorsAfter(actorsAfter)
        // The JDK's collections are trusted to be atomic: switch threads only in the runtime's code.
        .addGuarantee(forClasses(LincheckTest::isTrustedJdkClass).allMethods().treatAsAtomic())
        .sequentialSpecification(model)
        .check(test);
  }

  /**
   * A JDK class whose methods model checking runs as one step: java.util's collections, not its
   * callback types or streams. As one step, {@code Supplier.get} made every operation (each runs in
   * one: the runtime's Observers.measure) a single step, so that model checking switched threads
   * only between operations and passed with two unloads planted to run at once. For the same
   * reason the runtime's operations loop over the claims they hold rather than call {@code
   * forEach}: a collection's method runs the runtime code it calls back as one step too.
   */
  static boolean isTrustedJdkClass(String name) {
    return name.startsWith("java.util.") && !name.startsWith("java.util.function.") && !name.startsWith("java.util.stream.");
  }

  /** Every generated binding of this compilation, for hand-made catalogs. */
  static List<ModuleBinding<?>> generatedBindings() {
    return CATALOGS.stream().flatMap(catalog -> catalog.bindings().stream()).toList();
  }

  /**
   * FINDING, kept as found: a host being deactivated is inactive for {@code activeHosts()},
   * {@code load} and {@code unload} ({@code unknown-host}) from the moment its deactivation starts,
   * but {@code activateHost} says {@code host-already-active} until the deactivation has unloaded
   * everything. No serial order gives both answers to one thread: after {@code unknown-host}, with
   * no other activation, activating must succeed (or wait for the deactivation, then succeed).
   * Deterministic: a {@code module-unloaded} listener on the host holds the deactivation in that
   * window (it runs after the host's modules are unloaded, before the host is removed).
   */
  @Test
  void hostBeingDeactivatedCanBeActivatedAgain() throws InterruptedException {
    ModuleManager manager = new Hosts().manager;
    String a = ManagerTestBase.A;
    manager.load(a, "lc_user");
    CountDownLatch seen = new CountDownLatch(1);
    manager.hook(a, Event.MODULE_UNLOADED, 0, event -> {
      try {
        seen.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread deactivating = new Thread(() -> manager.deactivateHost(a));
    deactivating.start();
    while (manager.activeHosts().contains(a)) {
      Thread.onSpinWait();
    }
    String load = outcome(() -> manager.load(a, "lc_user"));
    // In a thread of its own, so that a fix that makes it wait for the deactivation passes too.
    List<String> activation = new CopyOnWriteArrayList<>();
    Thread activating = new Thread(() -> activation.add(outcome(() -> manager.activateHost(a))));
    activating.start();
    activating.join(200);
    List<String> whileDeactivating = List.copyOf(activation);
    seen.countDown();
    deactivating.join(10_000);
    activating.join(10_000);

    assertEquals(ModuleException.UNKNOWN_HOST, load);
    assertEquals(List.of(), whileDeactivating, "activateHost answered while the host was being deactivated");
    assertEquals(List.of("ok"), activation);
    assertTrue(manager.activeHosts().contains(a));
  }

  private int count(String place, String what) {
    AtomicInteger n = counts.get(place + " " + what);
    return n == null ? 0 : n.get();
  }

  private static void check(int live, boolean loaded, String what) {
    if (live != (loaded ? 1 : 0)) {
      throw new IllegalStateException(what + ": " + live + " while " + (loaded ? "loaded" : "not loaded"));
    }
  }

  static String outcome(Runnable call) {
    try {
      call.run();
      return "ok";
    } catch (ModuleException refused) {
      return refused.code();
    }
  }

  /**
   * Loads {@link TallyModule} onto host A, then B (one load per thread), its global instance loaded
   * first, and notes whether one host's {@code @AddHost} (its event, handled in the same thread)
   * started while the other's ran: the runtime allows that, so only a model checker that switches
   * threads inside operations finds it.
   */
  public static final class SwitchProbe {
    private final ModuleManager manager = newManager();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean inside;
    private volatile boolean overlapped;

    public SwitchProbe() {
      manager.load(ModuleManager.GLOBAL, MODULE);
      for (String host : PLACES.subList(0, 2)) {
        manager.hook(host, TallyModule.EVENT, 0, event -> {
          if (event.data().equals(TallyModule.ADDED)) {
            if (inside) {
              overlapped = true;
            }
            inside = true;
            inside = false;
          }
        });
      }
    }

    @Operation
    public String load() {
      return outcome(() -> manager.load(PLACES.get(loads.getAndIncrement() % 2), MODULE));
    }

    @Validate
    public void noOverlap() {
      if (overlapped) {
        throw new IllegalStateException("two @AddHost ran at once");
      }
    }

    /** Each load succeeds: one per host. */
    public static final class Model {
      public String load() {
        return "ok";
      }
    }
  }

  /**
   * The rules for a shared module, one operation at a time: a load on a host creates the global
   * instance if there is none; unloading a host leaves the global instance; unloading "*" unloads
   * every host first; a reload changes nothing that {@code isLoaded} shows.
   */
  public static final class Model {
    private final boolean[] hosts = new boolean[2];
    private boolean global;

    public String load(int place) {
      if (isLoaded(place)) {
        return ModuleException.MODULE_ALREADY_LOADED;
      }
      if (place < 2) {
        hosts[place] = true;
      }
      global = true;
      return "ok";
    }

    public String unload(int place) {
      if (!isLoaded(place)) {
        return ModuleException.MODULE_NOT_LOADED;
      }
      if (place < 2) {
        hosts[place] = false;
      } else {
        hosts[0] = false;
        hosts[1] = false;
        global = false;
      }
      return "ok";
    }

    public String reload(int place) {
      return isLoaded(place) ? "ok" : ModuleException.MODULE_NOT_LOADED;
    }

    public boolean isLoaded(int place) {
      return place < 2 ? hosts[place] : global;
    }
  }

  // ---- the wider scenarios: dependencies, host deactivation, install

  /**
   * What the wider scenarios share: a manager of their own whose {@code lc_} modules count their
   * calls under a run id of its own ({@link LincheckCounts}), hosts a.example and b.example active,
   * and the validation of those counts.
   */
  abstract static class Scenario {

    final String run = LincheckCounts.newRun();
    final ModuleManager manager;
    /** The modules an operation names by index, as {@link Rules} numbers them. */
    private final int[] modules;

    Scenario(int[] modules, ModuleCatalog... catalogs) {
      this.modules = modules;
      ModuleManager.Builder builder = ModuleManager.builder()
          .config(ServerConfig.builder().option(LincheckCounts.RUN, run).build());
      List.of(catalogs).forEach(builder::catalog);
      manager = builder.build();
      manager.activateHost(ManagerTestBase.A);
      manager.activateHost(ManagerTestBase.B);
    }

    final String loadOn(int place, int module) {
      return outcome(() -> manager.load(PLACES.get(place), name(module)));
    }

    final String unloadOn(int place, int module) {
      return outcome(() -> manager.unload(PLACES.get(place), name(module)));
    }

    final String reloadOn(int place, int module) {
      return outcome(() -> manager.reload(PLACES.get(place), name(module)));
    }

    final boolean loadedOn(int place, int module) {
      return manager.isLoaded(PLACES.get(place), name(module));
    }

    private String name(int module) {
      return Rules.NAMES[modules[module]];
    }

    /**
     * After a run: no entry is left claimed; each module's instances created = unloaded + live,
     * and as many saved as restored; on each host as many {@code @AddHost} as {@code
     * @Unload(HostContext)} calls plus one while loaded there, every host part attached to the
     * live global instance, and that instance attached to exactly those hosts.
     */
    final void checkBalanced() {
      manager.status().forEach(host -> host.modules().forEach(module -> {
        if (module.state() != ModuleState.LOADED) {
          throw new IllegalStateException(module.name() + " left " + module.state() + " on " + host.host());
        }
      }));
      String global = ModuleManager.GLOBAL;
      for (int module : modules) {
        String name = Rules.NAMES[module];
        for (String place : PLACES) {
          boolean loaded = manager.isLoaded(place, name);
          if (module != Rules.SHARED) {
            check(counted(place, name, LincheckCounts.CREATED) - counted(place, name, LincheckCounts.UNLOADED), loaded,
                "live instances of " + name + " on " + place);
            if (counted(place, name, LincheckCounts.SAVED) != counted(place, name, LincheckCounts.RESTORED)) {
              throw new IllegalStateException(name + " on " + place + " saved and not restored");
            }
          } else if (place.equals(global)) {
            check(counted(place, name, LincheckCounts.CREATED) - counted(place, name, LincheckCounts.UNLOADED), loaded,
                "live global instances of " + name);
          } else {
            check(counted(place, name, LincheckCounts.ADDED) - counted(place, name, LincheckCounts.REMOVED), loaded,
                "@AddHost without @Unload(HostContext) of " + name + " on " + place);
          }
        }
      }
      if (manager.isLoaded(global, "lc_shared")) {
        LcSharedModule live = manager.instance(global, LcSharedModule.class);
        Set<String> attached = new TreeSet<>();
        for (String host : PLACES.subList(0, 2)) {
          if (manager.isLoaded(host, "lc_shared")) {
            attached.add(host);
            if (manager.instance(host, LcSharedModule.class) != live) {
              throw new IllegalStateException("the host part on " + host + " is not attached to the live instance");
            }
          }
        }
        if (!attached.equals(new TreeSet<>(live.hosts))) {
          throw new IllegalStateException("the live instance ran @AddHost for " + live.hosts + ", loaded on " + attached);
        }
      }
    }

    private int counted(String place, String module, String what) {
      return LincheckCounts.get(run, place, module, what);
    }
  }

  /**
   * Dependencies: the shared module {@code lc_shared}, its per-host dependent {@code lc_user} and
   * its global dependent {@code lc_global} (which loads on "*" with the global instance only, no
   * host part), each loaded, unloaded, reloaded and read on two hosts and "*". An unload of the
   * shared module unloads its dependents there first (from "*": every host part with its
   * dependents, and {@code lc_global}); a reload of it on "*" sets its dependents aside and brings
   * them back, and attaches every host part to the new instance.
   */
  @Param(name = "place", gen = IntGen.class, conf = "0:2")
  @Param(name = "module", gen = IntGen.class, conf = "0:2")
  public static class Dependencies extends Scenario {

    private static final int[] MODULES = {Rules.SHARED, Rules.USER, Rules.GLOBAL_USER};

    public Dependencies() {
      super(MODULES, CATALOGS.toArray(ModuleCatalog[]::new));
    }

    @Operation
    public String load(@Param(name = "place") int place, @Param(name = "module") int module) {
      return loadOn(place, module);
    }

    @Operation
    public String unload(@Param(name = "place") int place, @Param(name = "module") int module) {
      return unloadOn(place, module);
    }

    @Operation
    public String reload(@Param(name = "place") int place, @Param(name = "module") int module) {
      return reloadOn(place, module);
    }

    @Operation
    public boolean isLoaded(@Param(name = "place") int place, @Param(name = "module") int module) {
      return loadedOn(place, module);
    }

    @Validate
    public void balanced() {
      checkBalanced();
    }

    /** {@link Rules} for these operations. */
    public static final class Model extends RulesModel {
      public Model() {
        super(MODULES);
      }
    }
  }

  /**
   * Host deactivation and activation of a.example, racing with loads, unloads and reloads of
   * {@code lc_shared} and its per-host dependent {@code lc_user} on both hosts and "*".
   * Deactivating a host unloads everything on it (each module at its own instant, dependents
   * first, so it is one operation of the model only for callers that look at active hosts: see
   * {@link #isLoaded}) and never a global instance; an activated host has nothing loaded.
   */
  @Param(name = "place", gen = IntGen.class, conf = "0:2")
  @Param(name = "module", gen = IntGen.class, conf = "0:1")
  public static class Hosts extends Scenario {

    private static final int[] MODULES = {Rules.SHARED, Rules.USER};

    public Hosts() {
      super(MODULES, CATALOGS.toArray(ModuleCatalog[]::new));
    }

    @Operation
    public String load(@Param(name = "place") int place, @Param(name = "module") int module) {
      return loadOn(place, module);
    }

    @Operation
    public String unload(@Param(name = "place") int place, @Param(name = "module") int module) {
      return unloadOn(place, module);
    }

    @Operation
    public String reload(@Param(name = "place") int place, @Param(name = "module") int module) {
      return reloadOn(place, module);
    }

    /**
     * Loaded on an active host. A host being deactivated is no longer active (loads and unloads
     * there say {@code unknown-host}) while its modules are unloaded one by one, as documented
     * (reliability.md, "Not one instant"): a plain {@code isLoaded} there would see that.
     */
    @Operation
    public boolean isLoaded(@Param(name = "place") int place, @Param(name = "module") int module) {
      return manager.activeHosts().contains(PLACES.get(place)) && loadedOn(place, module);
    }

    @Operation
    public String deactivate() {
      return outcome(() -> manager.deactivateHost(ManagerTestBase.A));
    }

    @Operation
    public String activate() {
      return outcome(() -> manager.activateHost(ManagerTestBase.A));
    }

    @Validate
    public void balanced() {
      checkBalanced();
    }

    /** {@link Rules} for these operations. */
    public static final class Model extends RulesModel {
      public Model() {
        super(MODULES);
      }
    }
  }

  /**
   * Install and uninstall of a catalog holding one module, {@code lc_plugin} (a per-host dependent
   * of {@code lc_shared}), racing with loads, unloads and reads of both on two hosts and "*". The
   * manager starts with a catalog of every other generated binding and the plugin's catalog.
   * Install of the installed catalog says {@code duplicate-module}; uninstall says {@code
   * module-in-use} while the plugin is loaded (or loading) anywhere; once uninstalled, loading it
   * says {@code module-not-found}.
   */
  @Param(name = "place", gen = IntGen.class, conf = "0:2")
  @Param(name = "module", gen = IntGen.class, conf = "0:1")
  public static class Install extends Scenario {

    private static final int[] MODULES = {Rules.SHARED, Rules.PLUGIN};
    static final ModuleCatalog MAIN = new MainJar();
    static final ModuleCatalog PLUGIN = new PluginJar();

    public Install() {
      super(MODULES, MAIN, PLUGIN);
    }

    @Operation
    public String load(@Param(name = "place") int place, @Param(name = "module") int module) {
      return loadOn(place, module);
    }

    @Operation
    public String unload(@Param(name = "place") int place, @Param(name = "module") int module) {
      return unloadOn(place, module);
    }

    @Operation
    public boolean isLoaded(@Param(name = "place") int place, @Param(name = "module") int module) {
      return loadedOn(place, module);
    }

    @Operation
    public String install() {
      return outcome(() -> manager.install(PLUGIN));
    }

    @Operation
    public String uninstall() {
      return outcome(() -> manager.uninstall(PLUGIN));
    }

    @Validate
    public void balanced() {
      checkBalanced();
    }

    /** {@link Rules} for these operations. */
    public static final class Model extends RulesModel {
      public Model() {
        super(MODULES);
      }
    }

    /** Every generated binding but the plugin's, as the server's own jar. */
    static final class MainJar implements ModuleCatalog {
      private final List<ModuleBinding<?>> bindings = generatedBindings().stream()
          .filter(binding -> !binding.name().equals("lc_plugin"))
          .toList();

      @Override
      public List<ModuleBinding<?>> bindings() {
        return bindings;
      }
    }

    /** The plugin's binding alone, as a plugin jar. (Catalogs are told apart by class.) */
    static final class PluginJar implements ModuleCatalog {
      private final List<ModuleBinding<?>> bindings = generatedBindings().stream()
          .filter(binding -> binding.name().equals("lc_plugin"))
          .toList();

      @Override
      public List<ModuleBinding<?>> bindings() {
        return bindings;
      }
    }
  }

  /**
   * {@link Rules} as a sequential specification: the operations of the scenarios, on the modules
   * a scenario names by index (Lincheck finds a scenario's operations here by name).
   */
  public static class RulesModel {
    private final Rules rules = new Rules();
    private final int[] modules;

    RulesModel(int[] modules) {
      this.modules = modules;
    }

    public String load(int place, int module) {
      return rules.load(place, modules[module]);
    }

    public String unload(int place, int module) {
      return rules.unload(place, modules[module]);
    }

    public String reload(int place, int module) {
      return rules.reload(place, modules[module]);
    }

    public boolean isLoaded(int place, int module) {
      return rules.isLoaded(place, modules[module]);
    }

    public String deactivate() {
      return rules.deactivate(Rules.A);
    }

    public String activate() {
      return rules.activate(Rules.A);
    }

    public String install() {
      return rules.install();
    }

    public String uninstall() {
      return rules.uninstall();
    }
  }

  /**
   * The rules for the {@code lc_} modules, one operation at a time, on a.example (0), b.example
   * (1) and "*" (2). A module loads after what it depends on, on its home ("*" for a global
   * module): the shared module on a host means its host part there plus its global instance. An
   * unload unloads what depends on the module there first; from "*", the shared module's host
   * parts with theirs. Reloads leave everything as it is (nothing fails here). Deactivation
   * unloads all of a host and nothing else.
   */
  static final class Rules {
    static final int A = 0;
    static final int STAR = 2;
    static final int SHARED = 0;
    static final int USER = 1;
    static final int GLOBAL_USER = 2;
    static final int PLUGIN = 3;
    static final String[] NAMES = {"lc_shared", "lc_user", "lc_global", "lc_plugin"};

    private final boolean[] active = {true, true, true};
    /** By module, then place. */
    private final boolean[][] loaded = new boolean[NAMES.length][3];
    private boolean pluginInstalled = true;

    String load(int place, int module) {
      String refused = refusal(place, module);
      if (refused != null) {
        return refused;
      }
      int home = module == GLOBAL_USER ? STAR : place;
      if (loaded[module][home]) {
        return home == place ? ModuleException.MODULE_ALREADY_LOADED : ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
      }
      bringUp(home, module);
      return "ok";
    }

    private void bringUp(int place, int module) {
      // Each lc_ module but the shared one depends on it; a host part needs the global instance.
      int dependencyPlace = module == SHARED ? STAR : place;
      if (!(module == SHARED && place == STAR) && !loaded[SHARED][dependencyPlace]) {
        bringUp(dependencyPlace, SHARED);
      }
      loaded[module][place] = true;
    }

    String unload(int place, int module) {
      String refused = refusal(place, module);
      if (refused != null) {
        return refused;
      }
      if (!loaded[module][place]) {
        return ModuleException.MODULE_NOT_LOADED;
      }
      tearDown(place, module);
      return "ok";
    }

    private void tearDown(int place, int module) {
      if (module == SHARED) {
        for (int dependent = USER; dependent < NAMES.length; dependent++) {
          if (loaded[dependent][place]) {
            tearDown(place, dependent);
          }
        }
        if (place == STAR) {
          for (int host = 0; host < STAR; host++) {
            if (loaded[SHARED][host]) {
              tearDown(host, SHARED);
            }
          }
        }
      }
      loaded[module][place] = false;
    }

    String reload(int place, int module) {
      String refused = refusal(place, module);
      if (refused != null) {
        return refused;
      }
      return loaded[module][place] ? "ok" : ModuleException.MODULE_NOT_LOADED;
    }

    boolean isLoaded(int place, int module) {
      return loaded[module][place];
    }

    String deactivate(int host) {
      if (!active[host]) {
        return ModuleException.UNKNOWN_HOST;
      }
      for (boolean[] module : loaded) {
        module[host] = false;
      }
      active[host] = false;
      return "ok";
    }

    String activate(int host) {
      if (active[host]) {
        return ModuleException.HOST_ALREADY_ACTIVE;
      }
      active[host] = true;
      return "ok";
    }

    String install() {
      if (pluginInstalled) {
        return ModuleException.DUPLICATE_MODULE;
      }
      pluginInstalled = true;
      return "ok";
    }

    String uninstall() {
      if (!pluginInstalled) {
        return ModuleException.MODULE_NOT_FOUND;
      }
      for (boolean loadedThere : loaded[PLUGIN]) {
        if (loadedThere) {
          return ModuleException.MODULE_IN_USE;
        }
      }
      pluginInstalled = false;
      return "ok";
    }

    /** What the manager checks first: the module's name, then the host. */
    private String refusal(int place, int module) {
      if (module == PLUGIN && !pluginInstalled) {
        return ModuleException.MODULE_NOT_FOUND;
      }
      return active[place] ? null : ModuleException.UNKNOWN_HOST;
    }
  }
}
