package io.hostmod.runtime.tests;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Two strategies: stress (real threads, many interleavings by chance) and model checking
 * (Lincheck controls the thread switches and explores them systematically), each with a small
 * budget so that both finish in seconds. Both found the non-linearizable unload of {@code "*"} and
 * first load of a shared module that the runtime had before.
 */
@Param(name = "place", gen = IntGen.class, conf = "0:2")
public class LincheckTest {

  private static final String MODULE = "tally";
  /** The places an operation names: two hosts, then "*". */
  private static final List<String> PLACES = List.of(ManagerTestBase.A, ManagerTestBase.B, ModuleManager.GLOBAL);
  private static final List<ModuleCatalog> CATALOGS =
      ServiceLoader.load(ModuleCatalog.class).stream().map(ServiceLoader.Provider::get).toList();

  private final ModuleManager manager;
  private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  public LincheckTest() {
    ModuleManager.Builder builder = ModuleManager.builder();
    CATALOGS.forEach(builder::catalog);
    manager = builder.build();
    for (String place : PLACES) {
      if (!place.equals(ModuleManager.GLOBAL)) {
        manager.activateHost(place);
      }
      manager.hook(place, TallyModule.EVENT, 0,
          event -> counts.computeIfAbsent(place + " " + event.data(), k -> new AtomicInteger()).incrementAndGet());
    }
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
    }
  }

  @Test
  void stress() {
    new StressOptions()
        .iterations(20)
        .invocationsPerIteration(200)
        .threads(3)
        .actorsPerThread(3)
        .sequentialSpecification(Model.class)
        .check(LincheckTest.class);
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .iterations(8)
        .invocationsPerIteration(40)
        .threads(2)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(1)
        // The JDK's collections are trusted to be atomic: switch threads only in the runtime's code.
        .addGuarantee(forClasses(name -> name.startsWith("java.util.")).allMethods().treatAsAtomic())
        .sequentialSpecification(Model.class)
        .check(LincheckTest.class);
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

  private static String outcome(Runnable call) {
    try {
      call.run();
      return "ok";
    } catch (ModuleException refused) {
      return refused.code();
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
}
