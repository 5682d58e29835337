package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.DEPENDENCY_CYCLE;
import static io.hostmod.runtime.ModuleException.DUPLICATE_MODULE;
import static io.hostmod.runtime.ModuleException.MODULE_IN_USE;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Installing and uninstalling a catalog in a running manager, through the public API, with
 * hand-made catalogs of generated bindings as two jars would have them: the server's (every test
 * module but {@code lc_plugin}) and a plugin's ({@code lc_plugin}, a per-host dependent of {@code
 * lc_shared}).
 */
class InstallTest extends ManagerTestBase {

  private static final String PLUGIN = "lc_plugin";
  private static final String SHARED = "lc_shared";

  private final String run = LincheckCounts.newRun();

  /** A manager over these catalogs that counts the lc_ modules' calls, with a.example active. */
  private ModuleManager start(ModuleCatalog... catalogs) {
    ModuleManager.Builder builder =
        ModuleManager.builder().config(ServerConfig.builder().option(LincheckCounts.RUN, run).build());
    List.of(catalogs).forEach(builder::catalog);
    manager = builder.build();
    manager.activateHost(A);
    return manager;
  }

  @Test
  void installedModulesLoadOnHostsActivatedBeforeAndAfter() {
    start(new MainJar());
    Set<String> before = manager.moduleNames();
    assertFalse(before.contains(PLUGIN));
    fails(MODULE_NOT_FOUND, () -> manager.load(A, PLUGIN));

    manager.install(new PluginJar());

    assertEquals(with(before, PLUGIN), manager.moduleNames());
    manager.load(A, PLUGIN);
    manager.activateHost(B);
    manager.load(B, PLUGIN);
    assertTrue(manager.isLoaded(A, PLUGIN));
    assertTrue(manager.isLoaded(B, PLUGIN));
    // With its dependency, loaded on the way: the shared module's host parts and global instance.
    assertEquals(Set.of(PLUGIN, SHARED), manager.loadedModules(A));
    assertEquals(Set.of(SHARED), manager.loadedModules(GLOBAL));
    manager.unload(GLOBAL, SHARED);
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of(), manager.loadedModules(B));
    assertBalanced(A, B);
  }

  @Test
  void nameClashIsRefusedAndChangesNothing() {
    start(new MainJar());
    Set<String> before = manager.moduleNames();

    // A second jar with lc_shared (clashing) and lc_plugin (new).
    ModuleException failure =
        fails(DUPLICATE_MODULE, () -> manager.install(new OtherJar(generatedBinding(SHARED), generatedBinding(PLUGIN))));

    assertTrue(failure.getMessage().contains(SHARED), failure::getMessage);
    assertEquals(before, manager.moduleNames());
    fails(MODULE_NOT_FOUND, () -> manager.load(A, PLUGIN));
    manager.load(A, SHARED);
    assertTrue(manager.isLoaded(A, SHARED));
    // The refused catalog was not installed: nothing to uninstall.
    fails(MODULE_NOT_FOUND, () -> manager.uninstall(new OtherJar()));
  }

  @Test
  void dependencyCycleIsRefusedAndChangesNothing() {
    // The server's lc_shared depends on lc_plugin (missing so far), which depends on lc_shared.
    start(new MainJar(new DependencyTest.DependingOn<>(generatedBinding(SHARED), PLUGIN)));
    Set<String> before = manager.moduleNames();

    ModuleException failure = fails(DEPENDENCY_CYCLE, () -> manager.install(new PluginJar()));

    assertTrue(failure.getMessage().contains(PLUGIN + " -> " + SHARED), failure::getMessage);
    assertEquals(before, manager.moduleNames());
    fails(MODULE_NOT_FOUND, () -> manager.load(A, PLUGIN));
  }

  @Test
  void uninstallWhileLoadedIsRefusedNamingModuleAndHost() {
    start(new MainJar(), new PluginJar());
    manager.activateHost(B);
    manager.load(B, PLUGIN);
    Set<String> before = manager.moduleNames();

    ModuleException failure = fails(MODULE_IN_USE, () -> manager.uninstall(new PluginJar()));

    assertReport(failure, PLUGIN, B, "unload(\"" + B + "\", \"" + PLUGIN + "\")");
    assertEquals(before, manager.moduleNames());
    assertTrue(manager.isLoaded(B, PLUGIN));
    manager.load(A, PLUGIN);
    manager.reload(B, PLUGIN);
    assertBalanced(A, B);
  }

  @Test
  void uninstallAfterUnloadingThenLoadSaysModuleNotFoundThenReinstall() {
    start(new MainJar(), new PluginJar());
    manager.load(A, PLUGIN);
    manager.unload(A, PLUGIN);
    Set<String> before = manager.moduleNames();

    manager.uninstall(new PluginJar());

    assertEquals(without(before, PLUGIN), manager.moduleNames());
    fails(MODULE_NOT_FOUND, () -> manager.load(A, PLUGIN));
    fails(MODULE_NOT_FOUND, () -> manager.unload(A, PLUGIN));
    fails(MODULE_NOT_FOUND, () -> manager.uninstall(new PluginJar()));
    assertFalse(manager.isLoaded(A, PLUGIN));
    // Its dependency, loaded on the way, is the server's and stays.
    assertTrue(manager.isLoaded(A, SHARED));

    manager.install(new PluginJar());

    assertEquals(before, manager.moduleNames());
    manager.load(A, PLUGIN);
    assertTrue(manager.isLoaded(A, PLUGIN));
    fails(DUPLICATE_MODULE, () -> manager.install(new PluginJar()));
    assertBalanced(A);
  }

  @Test
  void uninstallOfACatalogNeverInstalledSaysModuleNotFound() {
    start(new MainJar(), new PluginJar());
    Set<String> before = manager.moduleNames();

    fails(MODULE_NOT_FOUND, () -> manager.uninstall(new OtherJar(generatedBinding("motd"))));

    assertEquals(before, manager.moduleNames());
    manager.load(A, "motd");
  }

  /**
   * One thread loads and unloads lc_plugin while another uninstalls and installs its catalog. A
   * load either succeeds (and the plugin stays loaded until that thread unloads it: no uninstall
   * succeeds meanwhile) or says module-not-found; a load that ran wholly while the catalog was
   * uninstalled says module-not-found. Bounded: 2,000 rounds per thread or one second.
   */
  @Test
  void loadsRacingWithUninstallAndInstall() throws InterruptedException {
    start(new MainJar(), new PluginJar());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    // Odd while uninstalled: incremented after an uninstall returned, and before an install starts.
    AtomicInteger stamp = new AtomicInteger();
    AtomicBoolean holding = new AtomicBoolean();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicInteger loaded = new AtomicInteger();
    AtomicInteger notFound = new AtomicInteger();
    AtomicInteger uninstalled = new AtomicInteger();
    AtomicInteger inUse = new AtomicInteger();

    Thread loader = new Thread(() -> {
      for (int i = 0; i < 2_000 && System.nanoTime() < deadline && wrong.isEmpty(); i++) {
        int before = stamp.get();
        String load = LincheckTest.outcome(() -> manager.load(A, PLUGIN));
        int after = stamp.get();
        if (load.equals("ok")) {
          loaded.incrementAndGet();
          holding.set(true);
          Thread.yield();
          holding.set(false);
          String unload = LincheckTest.outcome(() -> manager.unload(A, PLUGIN));
          if (!unload.equals("ok")) {
            wrong.add("unload after a load that succeeded: " + unload);
          }
        } else if (load.equals(MODULE_NOT_FOUND)) {
          notFound.incrementAndGet();
        } else {
          wrong.add("load: " + load);
        }
        if (before == after && before % 2 == 1 && !load.equals(MODULE_NOT_FOUND)) {
          wrong.add("load while uninstalled: " + load);
        }
        // Not loaded for a moment, so that some uninstalls succeed.
        LockSupport.parkNanos(50_000);
      }
    });
    Thread installer = new Thread(() -> {
      for (int i = 0; i < 2_000 && System.nanoTime() < deadline && wrong.isEmpty(); i++) {
        String uninstall = LincheckTest.outcome(() -> manager.uninstall(new PluginJar()));
        if (uninstall.equals("ok")) {
          if (holding.get()) {
            wrong.add("uninstall succeeded while lc_plugin was loaded");
          }
          uninstalled.incrementAndGet();
          stamp.incrementAndGet();
          Thread.yield();
          stamp.incrementAndGet();
          String install = LincheckTest.outcome(() -> manager.install(new PluginJar()));
          if (!install.equals("ok")) {
            wrong.add("install after an uninstall: " + install);
          }
        } else if (uninstall.equals(MODULE_IN_USE)) {
          inUse.incrementAndGet();
        } else {
          wrong.add("uninstall: " + uninstall);
        }
      }
    });
    loader.start();
    installer.start();
    loader.join(10_000);
    installer.join(10_000);
    assertFalse(loader.isAlive() || installer.isAlive(), "a thread is stuck");

    assertEquals(List.of(), List.copyOf(wrong),
        () -> loaded + " loads, " + notFound + " not found, " + uninstalled + " uninstalls, " + inUse + " in use");
    assertTrue(loaded.get() > 0 && uninstalled.get() > 0,
        () -> "the race did not race: " + loaded + " loads, " + uninstalled + " uninstalls");
    // Consistent at the end: installed, nothing loaded or claimed, and it still goes round.
    assertTrue(manager.moduleNames().contains(PLUGIN));
    assertFalse(manager.isLoaded(A, PLUGIN));
    manager.status().forEach(host -> host.modules().forEach(
        module -> assertEquals(ModuleState.LOADED, module.state(), module.name() + " on " + host.host())));
    assertBalanced(A);
    manager.load(A, PLUGIN);
    fails(MODULE_IN_USE, () -> manager.uninstall(new PluginJar()));
    manager.unload(A, PLUGIN);
    manager.uninstall(new PluginJar());
    fails(MODULE_NOT_FOUND, () -> manager.load(A, PLUGIN));
  }

  /** lc_plugin's instances on the hosts: created = unloaded + live; as many saved as restored. */
  private void assertBalanced(String... hosts) {
    for (String host : hosts) {
      int live = LincheckCounts.get(run, host, PLUGIN, LincheckCounts.CREATED)
          - LincheckCounts.get(run, host, PLUGIN, LincheckCounts.UNLOADED);
      assertEquals(manager.isLoaded(host, PLUGIN) ? 1 : 0, live, "live instances of lc_plugin on " + host);
      assertEquals(LincheckCounts.get(run, host, PLUGIN, LincheckCounts.SAVED),
          LincheckCounts.get(run, host, PLUGIN, LincheckCounts.RESTORED), "saved and restored on " + host);
    }
  }

  private static Set<String> with(Set<String> names, String name) {
    Set<String> more = new TreeSet<>(names);
    more.add(name);
    return more;
  }

  private static Set<String> without(Set<String> names, String name) {
    Set<String> fewer = new TreeSet<>(names);
    fewer.remove(name);
    return fewer;
  }

  /** A catalog of generated bindings, as one jar's. (The manager tells catalogs apart by class.) */
  private abstract static class Jar implements ModuleCatalog {
    private final List<ModuleBinding<?>> bindings;

    Jar(List<? extends ModuleBinding<?>> bindings) {
      this.bindings = List.copyOf(bindings);
    }

    @Override
    public List<ModuleBinding<?>> bindings() {
      return bindings;
    }
  }

  /** The server's jar: every generated binding but lc_plugin's, a hand-made one replacing its own. */
  private static final class MainJar extends Jar {
    MainJar(ModuleBinding<?>... replacing) {
      super(LincheckTest.generatedBindings().stream()
          .filter(binding -> !binding.name().equals(PLUGIN))
          .map(binding -> List.of(replacing).stream().filter(r -> r.name().equals(binding.name()))
              .<ModuleBinding<?>>map(r -> r).findFirst().orElse(binding))
          .toList());
    }
  }

  /** The plugin's jar: lc_plugin alone. */
  private static final class PluginJar extends Jar {
    PluginJar() {
      super(List.of(generatedBinding(PLUGIN)));
    }
  }

  /** Another jar. */
  private static final class OtherJar extends Jar {
    OtherJar(ModuleBinding<?>... bindings) {
      super(List.of(bindings));
    }
  }
}
