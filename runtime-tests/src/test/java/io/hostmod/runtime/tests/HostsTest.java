package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.UNKNOWN_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.spi.ModuleCatalog;
import io.hostmod.runtime.spi.ModuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hosts coming and going, and finding the generated catalog. */
class HostsTest extends ManagerTestBase {

  private static final Set<String> TEST_MODULES =
      Set.of(
          "archive", "callback", "callback_peer", "callback_shared", "callback_user", "chat",
          "conference", "disco", "health", "keyed", "lc_global", "lc_plugin", "lc_shared", "lc_user", "motd",
          "probe_global", "probe_local", "probe_shared", "probe_user", "reentrant", "roster",
          "spam_filter", "plain_tuned", "stats", "tally", "traced_global", "traced_global_user", "traced_local",
          "traced_local_user", "traced_shared", "traced_shared_user", "traced_tick", "traced_tick_shared", "tuned", "upload", "welcome");

  @Test
  void activatedHostCanLoadModules() {
    manager.activateHost("c.example");

    assertEquals(Set.of(GLOBAL, A, B, "c.example"), manager.activeHosts());
    assertEquals(Set.of(), manager.loadedModules("c.example"));
    manager.load("c.example", "roster");
    assertTrue(manager.isLoaded("c.example", "roster"));
  }

  @Test
  void deactivateUnloadsEveryModuleOfTheHostNewestFirst() {
    given(A, "chat");
    given(A, "roster");
    given(B, "chat");
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);

    manager.deactivateHost(A);

    // Newest first: neither the load order nor the names' order.
    assertEquals(List.of("roster.unload a.example", "chat.unloadHost a.example"), Journal.take());
    assertEquals(Set.of(GLOBAL, B), manager.activeHosts());
    assertFalse(manager.isLoaded(A, "roster"));
    fails(UNKNOWN_HOST, () -> manager.load(A, "roster"));
    // The shared module's global instance and its other hosts stay.
    assertSame(chat, manager.instance(B, ChatModule.class));
  }

  @Test
  void deactivateUnloadsNewestFirstAfterModulesCameAndWent() {
    List<String> unloaded = new ArrayList<>();
    manager.hook(A, Event.MODULE_UNLOADED, 0, event -> unloaded.add(event.module()));
    given(A, "chat");
    given(A, "disco");
    given(A, "roster");
    manager.unload(A, "disco");
    manager.load(A, "disco");
    unloaded.clear();

    manager.deactivateHost(A);

    // Loaded as chat, roster, disco (again): no longer the names' order, nor in one run.
    assertEquals(List.of("disco", "roster", "chat"), unloaded);
  }

  @Test
  void reactivatedHostStartsEmpty() {
    given(A, "roster");
    manager.deactivateHost(A);
    Journal.take();

    manager.activateHost(A);

    assertEquals(Set.of(), manager.loadedModules(A));
    manager.load(A, "roster");
    assertEquals(List.of("roster.new a.example", "roster.load a.example"), Journal.take());
  }

  @Test
  void starIsAlwaysActiveAndCannotBeActivatedOrDeactivated() {
    given(GLOBAL, "stats");

    assertReport(fails(UNKNOWN_HOST, () -> manager.activateHost(GLOBAL)), null, GLOBAL, "global host");
    assertReport(fails(UNKNOWN_HOST, () -> manager.deactivateHost(GLOBAL)), null, GLOBAL, "global host");

    assertTrue(manager.activeHosts().contains(GLOBAL));
    assertTrue(manager.isLoaded(GLOBAL, "stats"));
    assertEquals(List.of(), Journal.take());
  }

  @Test
  void discoverCatalogsFindsTheGeneratedCatalog() {
    assertEquals(TEST_MODULES, manager.moduleNames());
    assertEquals(Set.of(), ModuleManager.builder().build().moduleNames());
  }

  @Test
  void theSameCatalogAddedByHandAndDiscoveredCountsOnce() {
    ModuleCatalog generated = ServiceLoader.load(ModuleCatalog.class).findFirst().orElseThrow();

    ModuleManager both = ModuleManager.builder().catalog(generated).discoverCatalogs().build();

    // No duplicate-module: it is one catalog, found twice.
    assertEquals(TEST_MODULES, both.moduleNames());
  }

  @Test
  void tableListingAModuleOutOfOrderIsRefused() {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, OutOfOrderTable::new);

    assertEquals(
        OutOfOrderTable.class.getName() + " lists module motd at 1, not 0", failure.getMessage());
  }

  /**
   * Hand-made, and ONLY to break the rule every generated table keeps: modules are listed in the
   * order of their indexes, which the table's switches use.
   */
  private static final class OutOfOrderTable extends ModuleTable {
    OutOfOrderTable() {
      module(1, "motd", MotdModule.class, ModuleKind.PER_HOST);
    }

    @Override
    protected Object create(int module, ModuleContext context) {
      throw noSuchModule(module);
    }
  }
}
