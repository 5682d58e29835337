package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.SAVE_STATE_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lifecycle callback made to throw, on first and later hosts, through every operation that
 * calls it: constructors, {@code @Load}, {@code @AddHost}, {@code @Unload} (both forms), {@code
 * @Save}, {@code @Restore}, hook handlers (registered with {@code context.hook}, the path {@code
 * @Hook} methods take too) and the loads of dependencies. The probe modules register a hook and an
 * item before each fault point and open a {@link Resources resource} after it.
 *
 * <p>Each case states only what the rules say: the error (code, and the injected fault as its
 * cause) or the warnings logged for a non-fatal fault, which probe modules are loaded where
 * afterwards, and which instances a reload replaced. Then every case checks the same things:
 *
 * <ul>
 *   <li>{@code isLoaded} and {@code loadedModules} agree with the expected modules, on every host;
 *   <li>each host lists exactly the items of its loaded modules, and an event reaches exactly
 *       their hooks: nothing of a failed load or refused attach is left;
 *   <li>exactly one resource is open per loaded module and host: every instance that finished
 *       loading and is gone had its {@code @Unload} called, and none twice;
 *   <li>every instance not replaced is the same object as before, with its state: other hosts and
 *       a failed reload's old instance keep serving; a replaced one carries its state over unless
 *       its {@code @Restore} failed;
 *   <li>the bystander host {@code c.example} keeps its module;
 *   <li>after the faults are healed, {@code shutdown()} closes every resource, each once.
 * </ul>
 *
 * <p>The table's shorthand: hosts {@code a}, {@code b}, {@code c}, {@code *}; modules {@code
 * local}, {@code global}, {@code shared}, {@code user} (which depends on the other three); a step
 * {@code "local.load a"} is the journal step {@code "probe_local.load a.example"}.
 */
class FaultMatrixTest extends ManagerTestBase {

  private static final String C = "c.example";
  private static final int STATE = 42;
  private static final List<String> PROBES =
      List.of("probe_local", "probe_global", "probe_shared", "probe_user");
  private static final Map<String, Class<?>> TYPES =
      Map.of(
          "probe_local", ProbeLocalModule.class,
          "probe_global", ProbeGlobalModule.class,
          "probe_shared", ProbeSharedModule.class,
          "probe_user", ProbeUserModule.class);
  private static final List<String> A_WITH_USER =
      List.of("local@a", "shared@*", "shared@a", "global@*", "user@a");

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  @BeforeEach
  void bystander() {
    Resources.reset();
    manager.activateHost(C);
    manager.load(C, "probe_local");
    Journal.take();
  }

  static Stream<Case> cases() {
    return Stream.of(
        // ---- load: constructor and @Load, first and later host, each kind
        the("per-host constructor, first host")
            .failing("local.new a").when("load a local").fails(LOAD_FAILED, "local.new a").leaves(),
        the("per-host @Load, first host")
            .failing("local.load a").when("load a local").fails(LOAD_FAILED, "local.load a").leaves(),
        the("per-host constructor, later host")
            .given("load a local").failing("local.new b").when("load b local")
            .fails(LOAD_FAILED, "local.new b").leaves("local@a"),
        the("per-host @Load, later host")
            .given("load a local").failing("local.load b").when("load b local")
            .fails(LOAD_FAILED, "local.load b").leaves("local@a"),
        the("global constructor")
            .failing("global.new *").when("load a global").fails(LOAD_FAILED, "global.new *").leaves(),
        the("global @Load")
            .failing("global.load *").when("load a global").fails(LOAD_FAILED, "global.load *").leaves(),
        the("global, later host: no callback runs")
            .given("load a global").failing("global.new *", "global.load *").when("load b global")
            .fails(GLOBAL_MODULE_ALREADY_LOADED, null).leaves("global@*"),
        the("shared constructor, first host")
            .failing("shared.new *").when("load a shared").fails(LOAD_FAILED, "shared.new *").leaves(),
        the("shared @Load, first host (not masked by @AddHost)")
            .failing("shared.load *").when("load a shared").fails(LOAD_FAILED, "shared.load *").leaves(),
        the("shared @AddHost, first host: the global instance it created is unloaded")
            .failing("shared.addHost a").when("load a shared")
            .fails(LOAD_FAILED, "shared.addHost a").leaves(),
        the("shared @AddHost, later host")
            .given("load a shared").failing("shared.addHost b").when("load b shared")
            .fails(LOAD_FAILED, "shared.addHost b").leaves("shared@*", "shared@a"),
        the("shared @AddHost, first host after a load on *")
            .given("load * shared").failing("shared.addHost a").when("load a shared")
            .fails(LOAD_FAILED, "shared.addHost a").leaves("shared@*"),
        // ---- dependency loads
        the("per-host dependency's @Load")
            .failing("local.load a").when("load a user").fails(LOAD_FAILED, "local.load a").leaves(),
        the("shared dependency's first @AddHost")
            .failing("shared.addHost a").when("load a user")
            .fails(LOAD_FAILED, "shared.addHost a").leaves(),
        the("global dependency's constructor, after the others loaded")
            .failing("global.new *").when("load a user").fails(LOAD_FAILED, "global.new *").leaves(),
        the("dependent's @Load, after every dependency loaded")
            .failing("user.load a").when("load a user").fails(LOAD_FAILED, "user.load a").leaves(),
        the("dependency loaded before the failed load stays")
            .given("load a local").failing("user.load a").when("load a user")
            .fails(LOAD_FAILED, "user.load a").leaves("local@a"),
        the("dependent's constructor, later host")
            .given("load a user").failing("user.new b").when("load b user")
            .fails(LOAD_FAILED, "user.new b").leaves(A_WITH_USER),
        the("per-host dependency's @Load, later host")
            .given("load a user").failing("local.load b").when("load b user")
            .fails(LOAD_FAILED, "local.load b").leaves(A_WITH_USER),
        the("shared dependency's @AddHost, later host")
            .given("load a user").failing("shared.addHost b").when("load b user")
            .fails(LOAD_FAILED, "shared.addHost b").leaves(A_WITH_USER),
        // ---- unload: logged, and the unload completes
        the("per-host @Unload")
            .given("load a local").failing("local.unload a").when("unload a local")
            .succeeds().logs("local.unload a").leaves(),
        the("global @Unload")
            .given("load a global").failing("global.unload *").when("unload * global")
            .succeeds().logs("global.unload *").leaves(),
        the("shared @Unload(HostContext)")
            .given("load a shared", "load b shared").failing("shared.unloadHost a").when("unload a shared")
            .succeeds().logs("shared.unloadHost a").leaves("shared@*", "shared@b"),
        the("shared unloaded from *: every @Unload throws")
            .given("load a shared", "load b shared")
            .failing("shared.unloadHost a", "shared.unloadHost b", "shared.unload *").when("unload * shared")
            .succeeds().logs("shared.unloadHost a", "shared.unloadHost b", "shared.unload *").leaves(),
        the("dependent's @Unload while its dependency unloads")
            .given("load a user").failing("user.unload a").when("unload a local")
            .succeeds().logs("user.unload a").leaves("shared@*", "shared@a", "global@*"),
        the("every @Unload of a host being deactivated")
            .given("load a user", "load b shared")
            .failing("user.unload a", "shared.unloadHost a", "local.unload a").when("deactivate a")
            .succeeds().logs("user.unload a", "shared.unloadHost a", "local.unload a")
            .leaves("shared@*", "shared@b", "global@*"),
        // ---- reload
        the("per-host @Save: the old instance keeps serving")
            .given("load a local").failing("local.save a").when("reload a local")
            .fails(SAVE_STATE_FAILED, "local.save a").leaves("local@a"),
        the("global @Save")
            .given("load a global").failing("global.save *").when("reload * global")
            .fails(SAVE_STATE_FAILED, "global.save *").leaves("global@*"),
        the("shared @Save: every host stays on the old instance")
            .given("load a shared", "load b shared").failing("shared.save *").when("reload * shared")
            .fails(SAVE_STATE_FAILED, "shared.save *").leaves("shared@*", "shared@a", "shared@b"),
        the("dependency's @Save: its dependents come back with their state")
            .given("load a user").failing("local.save a").when("reload a local")
            .fails(SAVE_STATE_FAILED, "local.save a").leaves(A_WITH_USER).replacing("user@a"),
        the("per-host @Restore")
            .given("load a local").failing("local.restore a").when("reload a local")
            .succeeds().logs("local.restore a").leaves("local@a").replacing("local@a").losing("local@a"),
        the("shared @Restore on *")
            .given("load a shared").failing("shared.restore *").when("reload * shared")
            .succeeds().logs("shared.restore *").leaves("shared@*", "shared@a")
            .replacing("shared@*", "shared@a").losing("shared@*", "shared@a"),
        the("per-host @Unload during its reload")
            .given("load a local").failing("local.unload a").when("reload a local")
            .succeeds().logs("local.unload a").leaves("local@a").replacing("local@a"),
        the("per-host constructor of the new instance")
            .given("load a local").failing("local.new a").when("reload a local")
            .fails(LOAD_FAILED, "local.new a").leaves(),
        the("per-host @Load of the new instance")
            .given("load a local").failing("local.load a").when("reload a local")
            .fails(LOAD_FAILED, "local.load a").leaves(),
        the("global @Load of the new instance")
            .given("load a global").failing("global.load *").when("reload * global")
            .fails(LOAD_FAILED, "global.load *").leaves(),
        the("shared @Load of the new instance: no host stays attached")
            .given("load a shared", "load b shared").failing("shared.load *").when("reload * shared")
            .fails(LOAD_FAILED, "shared.load *").leaves(),
        the("shared @AddHost refusing the new instance on one host")
            .given("load a shared", "load b shared").failing("shared.addHost b").when("reload * shared")
            .fails(LOAD_FAILED, "shared.addHost b").leaves("shared@*", "shared@a")
            .replacing("shared@*", "shared@a"),
        the("shared @AddHost refusing its host's reload")
            .given("load a shared", "load b shared").failing("shared.addHost a").when("reload a shared")
            .fails(LOAD_FAILED, "shared.addHost a").leaves("shared@*", "shared@b"),
        the("shared @Unload(HostContext) during its host's reload")
            .given("load a shared").failing("shared.unloadHost a").when("reload a shared")
            .succeeds().logs("shared.unloadHost a").leaves("shared@*", "shared@a"),
        the("dependent's @Save while its dependency reloads")
            .given("load a user").failing("user.save a").when("reload a local")
            .succeeds().logs("user.save a").leaves(A_WITH_USER)
            .replacing("local@a", "user@a").losing("user@a"),
        the("dependent that does not come back after its dependency's reload")
            .given("load a user").failing("user.new a").when("reload a local")
            .fails(LOAD_FAILED, "user.new a").leaves("local@a", "shared@*", "shared@a", "global@*")
            .replacing("local@a"),
        the("global dependency reloaded: its dependents on every host come back")
            .given("load a user", "load b user").failing("user.restore b").when("reload * global")
            .succeeds().logs("user.restore b")
            .leaves("local@a", "local@b", "shared@*", "shared@a", "shared@b", "global@*", "user@a", "user@b")
            .replacing("global@*", "user@a", "user@b").losing("user@b"),
        // ---- hook handlers: logged, the other handlers run, everything stays
        the("per-host hook handler")
            .given("load a local", "load a shared").failing("local.hook a").when("fire a")
            .succeeds().logs("local.hook a").leaves("local@a", "shared@*", "shared@a"),
        the("shared host part's hook handler, later host")
            .given("load a shared", "load b shared").failing("shared.hook b").when("fire b")
            .succeeds().logs("shared.hook b").leaves("shared@*", "shared@a", "shared@b"),
        the("global hook handler")
            .given("load a global", "load a shared").failing("global.hook *").when("fire *")
            .succeeds().logs("global.hook *").leaves("global@*", "shared@*", "shared@a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void faultLeavesEveryHostAsTheRulesSay(Case fault) {
    fault.given.forEach(this::perform);
    Map<String, Object> before = instances(loaded());
    before.values().forEach(instance -> setState(instance, STATE));
    Journal.take();
    fault.faults.forEach(Journal::failAt);

    Throwable thrown = outcomeOf(fault.when);
    List<String> steps = Journal.take();

    // The error surfaced: its code and the injected fault as its cause, or the warnings logged.
    if (fault.code == null) {
      assertNull(thrown, () -> "unexpected " + thrown);
    } else {
      ModuleException failure = assertInstanceOf(ModuleException.class, thrown);
      assertEquals(fault.code, failure.code(), failure::getMessage);
      assertEquals(fault.cause, injectedFault(failure), failure::getMessage);
    }
    log.assertWarnings(fault.warnings);
    if (fault.when.startsWith("fire ")) {
      String host = fault.when.substring("fire ".length());
      assertEquals(hooksOn(fault.loaded, host), new TreeSet<>(steps), "every handler ran, the failing one too");
    }
    fault.faults.forEach(Journal::heal);

    // Which modules are loaded where, exactly.
    assertEquals(fault.loaded, loaded());
    for (String host : manager.activeHosts()) {
      Set<String> probesListed = manager.loadedModules(host).stream()
          .filter(PROBES::contains).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(modulesOn(fault.loaded, host), probesListed, host);
    }
    // Nothing of a failed load or refused attach is left: items and hooks are those of the loaded.
    for (String host : manager.activeHosts()) {
      List<String> items = new ArrayList<>();
      manager.items(host, Resources.ITEM).forEach(item -> items.add((String) item));
      items.sort(null);
      assertEquals(new ArrayList<>(modulesOn(fault.loaded, host)), items, "items on " + host);
      Journal.take();
      manager.fire(host, Resources.EVENT, null);
      assertEquals(hooksOn(fault.loaded, host), new TreeSet<>(Journal.take()), "hooks on " + host);
    }
    // Every instance that finished loading and is gone was unloaded, once.
    List<String> open = new ArrayList<>(Resources.openNow());
    open.sort(null);
    assertEquals(new ArrayList<>(fault.loaded), open, "open resources");
    assertEquals(List.of(), Resources.violations());
    // Instances kept are the same objects with their state; replaced ones carry it over.
    Map<String, Object> after = instances(fault.loaded);
    before.forEach((where, instance) -> {
      if (!after.containsKey(where)) {
        return;
      }
      if (fault.replaced.contains(where)) {
        assertNotSame(instance, after.get(where), where + " replaced");
        assertEquals(fault.stateLost.contains(where) ? 0 : STATE, stateOf(after.get(where)), where + " state");
      } else {
        assertSame(instance, after.get(where), where + " kept");
        assertEquals(STATE, stateOf(instance), where + " state");
      }
    });

    // Once healed, the server shuts down cleanly: every resource closed exactly once.
    manager.shutdown();
    assertEquals(List.of(), Resources.openNow(), "open after shutdown");
    assertEquals(List.of(), Resources.violations());
  }

  /**
   * An {@code Error} from a handler (a {@code LinkageError} after a reload, say) is logged like an
   * exception: it reaches neither the code that fired the event nor the other handlers.
   */
  @Test
  void hookHandlerThrowingAnErrorIsLoggedAndTheOtherHandlersRun() {
    given(A, "probe_local");
    given(A, "probe_shared");
    manager.hook(A, Resources.EVENT, 100, event -> {
      throw new NoClassDefFoundError("gone with the old class loader");
    });

    manager.fire(A, Resources.EVENT, null);

    assertEquals(List.of("probe_local.hook a.example", "probe_shared.hook a.example"), Journal.take());
    log.assertWarningsOf(NoClassDefFoundError.class, 1);
  }

  /** A listener of module-loaded that throws, even an Error, cannot undo or half-undo the load. */
  @Test
  void lifecycleEventListenerThatThrowsLeavesTheLoadComplete() {
    manager.hook(GLOBAL, Event.MODULE_LOADED, 0, event -> {
      throw new AssertionError("a listener's bug");
    });

    manager.load(A, "probe_user");

    assertEquals(Set.of("probe_local", "probe_shared", "probe_user"), manager.loadedModules(A));
    List<String> open = new ArrayList<>(Resources.openNow());
    open.sort(null);
    assertEquals(List.of("probe_global@*", "probe_local@a.example", "probe_local@c.example",
        "probe_shared@*", "probe_shared@a.example", "probe_user@a.example"), open);
    // Heard for probe_local, probe_shared on * and on a.example, probe_global and probe_user.
    log.assertWarningsOf(AssertionError.class, 5);
  }

  // ---- the table

  /** One row of the matrix; built with {@link #the}. */
  static final class Case {
    final String name;
    List<String> given = List.of();
    List<String> faults = List.of();
    String when;
    String code;
    String cause;
    List<String> warnings = List.of();
    Set<String> loaded;
    Set<String> replaced = Set.of();
    Set<String> stateLost = Set.of();

    Case(String name) {
      this.name = name;
    }

    Case given(String... operations) {
      given = Arrays.stream(operations).map(FaultMatrixTest::operation).toList();
      return this;
    }

    Case failing(String... steps) {
      faults = Arrays.stream(steps).map(FaultMatrixTest::step).toList();
      return this;
    }

    Case when(String operation) {
      when = operation(operation);
      return this;
    }

    Case fails(String code, String cause) {
      this.code = code;
      this.cause = cause == null ? null : step(cause);
      return this;
    }

    Case succeeds() {
      return this;
    }

    Case logs(String... steps) {
      warnings = Arrays.stream(steps).map(FaultMatrixTest::step).toList();
      return this;
    }

    Case leaves(String... where) {
      return leaves(List.of(where));
    }

    Case leaves(List<String> where) {
      loaded = places(where);
      loaded.add("probe_local@" + C);
      return this;
    }

    Case replacing(String... where) {
      replaced = places(List.of(where));
      return this;
    }

    Case losing(String... where) {
      stateLost = places(List.of(where));
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Case the(String name) {
    return new Case(name);
  }

  private static String host(String token) {
    return switch (token) {
      case "a" -> A;
      case "b" -> B;
      case "c" -> C;
      case "*" -> GLOBAL;
      default -> throw new IllegalArgumentException(token);
    };
  }

  /** {@code "local.load a"} as the journal step {@code "probe_local.load a.example"}. */
  private static String step(String shorthand) {
    String[] parts = shorthand.split("[. ]");
    return "probe_" + parts[0] + "." + parts[1] + " " + host(parts[2]);
  }

  /** {@code "load a local"} as {@code "load a.example probe_local"}; {@code "fire a"} as {@code "fire a.example"}. */
  private static String operation(String shorthand) {
    String[] parts = shorthand.split(" ");
    return parts[0] + " " + host(parts[1]) + (parts.length > 2 ? " probe_" + parts[2] : "");
  }

  /** {@code "local@a"} as {@code "probe_local@a.example"}, sorted. */
  private static Set<String> places(List<String> shorthands) {
    Set<String> places = new TreeSet<>();
    for (String shorthand : shorthands) {
      String[] parts = shorthand.split("@");
      places.add("probe_" + parts[0] + "@" + host(parts[1]));
    }
    return places;
  }

  // ---- driving and observing the manager

  private void perform(String operation) {
    String[] parts = operation.split(" ");
    String host = parts[1];
    switch (parts[0]) {
      case "load" -> manager.load(host, parts[2]);
      case "unload" -> manager.unload(host, parts[2]);
      case "reload" -> manager.reload(host, parts[2]);
      case "deactivate" -> manager.deactivateHost(host);
      case "fire" -> manager.fire(host, Resources.EVENT, null);
      default -> throw new IllegalArgumentException(operation);
    }
  }

  /** Performs the operation; returns what it threw, or {@code null}. */
  private Throwable outcomeOf(String operation) {
    try {
      perform(operation);
      return null;
    } catch (RuntimeException | Error failure) {
      return failure;
    }
  }

  /** Every probe module loaded on an active host, as {@code "<module>@<host>"}. */
  private Set<String> loaded() {
    Set<String> loaded = new TreeSet<>();
    for (String host : manager.activeHosts()) {
      for (String probe : PROBES) {
        if (manager.isLoaded(host, probe)) {
          loaded.add(probe + "@" + host);
        }
      }
    }
    return loaded;
  }

  private Map<String, Object> instances(Set<String> loaded) {
    Map<String, Object> instances = new LinkedHashMap<>();
    for (String where : loaded) {
      String[] parts = where.split("@");
      instances.put(where, manager.instance(parts[1], TYPES.get(parts[0])));
    }
    return instances;
  }

  private static Set<String> modulesOn(Set<String> loaded, String host) {
    return loaded.stream()
        .filter(where -> where.endsWith("@" + host))
        .map(where -> where.substring(0, where.indexOf('@')))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> hooksOn(Set<String> loaded, String host) {
    return modulesOn(loaded, host).stream()
        .map(module -> module + ".hook " + host)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The journal step of the injected fault that caused the failure, or {@code null}. */
  private static String injectedFault(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Journal.Fault fault) {
        return fault.getMessage().substring("injected fault at ".length());
      }
    }
    return null;
  }

  private static void setState(Object instance, int state) {
    if (instance instanceof ProbeLocalModule local) {
      local.state = state;
    } else if (instance instanceof ProbeGlobalModule global) {
      global.state = state;
    } else if (instance instanceof ProbeSharedModule shared) {
      shared.state = state;
    } else {
      ((ProbeUserModule) instance).state = state;
    }
  }

  private static int stateOf(Object instance) {
    assertNotNull(instance);
    if (instance instanceof ProbeLocalModule local) {
      return local.state;
    } else if (instance instanceof ProbeGlobalModule global) {
      return global.state;
    } else if (instance instanceof ProbeSharedModule shared) {
      return shared.state;
    }
    return ((ProbeUserModule) instance).state;
  }
}
