package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hostmod.runtime.ModuleContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Items a module adds on its host, which other modules list and follow, removed with the module
 * (and with a failed load or attach); and the state modules share: another module's instance,
 * typed, and a store per host.
 *
 * <p>{@code archive} adds its feature on its host, {@code conference} on each host it is attached
 * to; {@code disco} lists the features and follows {@code item-added/feature} and {@code
 * item-removed/feature}.
 */
class ItemsAndSharedStateTest extends ManagerTestBase {

  private static final String FEATURE = "feature";
  private static final String ADDED = "item-added/feature";
  private static final String REMOVED = "item-removed/feature";

  // ---- items

  @Test
  void addedItemsAreAnnouncedAndListedOnTheirHostOnly() {
    given(A, "disco");
    EventLog onA = EventLog.listen(manager, A, ADDED, REMOVED);

    manager.load(A, "archive");
    manager.load(A, "conference");

    List<Object> both = List.of(ArchiveModule.FEATURE, ConferenceModule.FEATURE);
    DiscoModule disco = manager.instance(A, DiscoModule.class);
    assertEquals(both, disco.features());
    assertEquals(both, disco.announced);
    assertEquals(both, manager.items(A, FEATURE));
    assertEquals(
        List.of("item-added/feature archive a.example", "item-added/feature conference a.example"),
        onA.take());
    assertEquals(List.of(), manager.items(B, FEATURE));
  }

  @Test
  void unloadingAModuleRemovesItsItemsAndAnnouncesEach() {
    given(A, "disco");
    given(A, "archive");
    given(A, "conference");
    given(B, "archive");
    EventLog onA = EventLog.listen(manager, A, ADDED, REMOVED);

    manager.unload(A, "archive");

    assertEquals(List.of("item-removed/feature archive a.example"), onA.take());
    assertEquals(List.of(ConferenceModule.FEATURE), manager.items(A, FEATURE));
    assertEquals(List.of(ConferenceModule.FEATURE), manager.instance(A, DiscoModule.class).announced);
    assertEquals(List.of(ArchiveModule.FEATURE), manager.items(B, FEATURE));
  }

  @Test
  void sharedModuleItemsGoWithItsPartOnEachHost() {
    given(A, "conference");
    given(B, "conference");

    manager.unload(A, "conference");

    assertEquals(List.of(), manager.items(A, FEATURE));
    assertEquals(List.of(ConferenceModule.FEATURE), manager.items(B, FEATURE));

    manager.unload(GLOBAL, "conference");

    assertEquals(List.of(), manager.items(B, FEATURE));
  }

  @Test
  void itemsAddedByAFailedLoadAreRemovedAgain() {
    given(A, "disco");
    EventLog onA = EventLog.listen(manager, A, ADDED, REMOVED);
    Journal.failAt("archive.load a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "archive"));

    assertEquals(List.of(), manager.items(A, FEATURE));
    assertEquals(List.of(), manager.instance(A, DiscoModule.class).announced);
    assertEquals(
        List.of("item-added/feature archive a.example", "item-removed/feature archive a.example"),
        onA.take());
  }

  @Test
  void itemsAddedByARefusedAttachAreRemovedAndOtherHostsKeepTheirs() {
    given(B, "conference");
    Journal.failAt("conference.addHost a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "conference"));

    assertEquals(List.of(), manager.items(A, FEATURE));
    assertEquals(List.of(ConferenceModule.FEATURE), manager.items(B, FEATURE));
  }

  // ---- shared state

  @Test
  void moduleReachesTheInstanceOfAnotherModuleTyped() {
    given(A, "archive");
    given(A, "roster");
    given(A, "chat");
    given(B, "stats");
    ModuleContext archive = manager.instance(A, ArchiveModule.class).context;

    // Its host's own instance, the one global instance, and a shared module's global instance.
    assertSame(manager.instance(A, RosterModule.class), archive.module(RosterModule.class));
    assertSame(manager.instance(GLOBAL, StatsModule.class), archive.module(StatsModule.class));
    assertSame(manager.instance(GLOBAL, ChatModule.class), archive.module(ChatModule.class));
    assertEquals(A, archive.hostProxy(ChatModule_HostProxy.class).host());
    assertReport(
        fails(MODULE_NOT_LOADED, () -> archive.module(DiscoModule.class)), "disco", A, "load it first");
  }

  @Test
  void sharedStoreIsOnePerHostAndNameForAllModulesOfTheHost() {
    given(A, "spam_filter");
    given(A, "archive");
    given(B, "archive");

    manager.instance(A, SpamFilterModule.class).block("mallory@evil.example");

    ModuleContext onA = manager.instance(A, ArchiveModule.class).context;
    ModuleContext onB = manager.instance(B, ArchiveModule.class).context;
    ModuleContext filterOnA = manager.instance(A, SpamFilterModule.class).context;
    assertEquals(Map.of("mallory@evil.example", true), onA.shared("blocklist"));
    assertSame(filterOnA.shared("blocklist"), onA.shared("blocklist"));
    assertEquals(Map.of(), onB.shared("blocklist"));
    assertEquals(Map.of(), onA.shared("allowlist"));
  }
}
