package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static io.hostmod.runtime.ModuleException.SAVE_STATE_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reloads: save, unload, a new instance, restore; a shared module's host part re-added on its own;
 * a shared module's hosts re-attached to its new global instance; and reloads that fail.
 */
class ReloadTest extends ManagerTestBase {

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  @Test
  void perHostModuleReloadCarriesItsStateToANewInstance() {
    given(A, "roster");
    given(B, "roster");
    RosterModule old = manager.instance(A, RosterModule.class);
    old.contacts.add("juliet@a.example");
    RosterModule onB = manager.instance(B, RosterModule.class);

    manager.reload(A, "roster");

    assertEquals(
        List.of(
            "roster.save a.example",
            "roster.unload a.example",
            "roster.new a.example",
            "roster.load a.example",
            "roster.restore a.example"),
        Journal.take());
    RosterModule fresh = manager.instance(A, RosterModule.class);
    assertNotSame(old, fresh);
    assertEquals(List.of("juliet@a.example"), fresh.contacts);
    assertSame(onB, manager.instance(B, RosterModule.class));
    log.assertQuiet();
  }

  @Test
  void globalModuleReloadOnStarCarriesItsStateToANewInstance() {
    given(A, "stats");
    StatsModule old = manager.instance(GLOBAL, StatsModule.class);
    old.served.set(42);

    manager.reload(GLOBAL, "stats");

    assertEquals(
        List.of("stats.save *", "stats.unload *", "stats.new", "stats.load *", "stats.restore *"),
        Journal.take());
    StatsModule fresh = manager.instance(GLOBAL, StatsModule.class);
    assertNotSame(old, fresh);
    assertEquals(42, fresh.served.get());
  }

  @Test
  void globalModuleIsNotLoadedOnTheHostItWasAskedFor() {
    given(A, "stats");

    fails(MODULE_NOT_LOADED, () -> manager.reload(A, "stats"));
    assertEquals(List.of(), Journal.take());
  }

  @Test
  void sharedModuleReloadOnOneHostReaddsOnlyThatHost() {
    given(A, "chat");
    given(B, "chat");
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);
    chatOn(A).post("hello from a");
    chatOn(B).post("hello from b");

    manager.reload(A, "chat");

    // As Prosody: that host's unload and add again, and no global save, unload, load or restore.
    assertEquals(List.of("chat.unloadHost a.example", "chat.addHost a.example"), Journal.take());
    assertSame(chat, manager.instance(GLOBAL, ChatModule.class));
    assertSame(chat, manager.instance(A, ChatModule.class));
    assertEquals(List.of("hello from a"), chatOn(A).messages());
    assertEquals(List.of("hello from b"), chatOn(B).messages());
  }

  @Test
  void sharedModuleReloadOnStarReattachesEveryHostToTheNewInstance() {
    given(A, "chat");
    given(B, "chat");
    ChatModule old = manager.instance(GLOBAL, ChatModule.class);
    ChatModule_HostProxy onA = chatOn(A);
    ChatModule_HostProxy onB = chatOn(B);
    onA.post("before");

    manager.reload(GLOBAL, "chat");

    assertEquals(
        List.of(
            "chat.save *",
            "chat.unloadHost a.example",
            "chat.unloadHost b.example",
            "chat.unload *",
            "chat.new *",
            "chat.load *",
            "chat.restore *",
            "chat.addHost a.example",
            "chat.addHost b.example"),
        Journal.take());
    ChatModule fresh = manager.instance(GLOBAL, ChatModule.class);
    assertNotSame(old, fresh);
    assertSame(fresh, manager.instance(A, ChatModule.class));
    assertSame(fresh, manager.instance(B, ChatModule.class));
    // Proxies taken before the reload reach the new instance, which has the restored state.
    onB.post("after");
    assertEquals(List.of("before"), onA.messages());
    assertEquals(List.of("after"), fresh.history.get(B));
    assertEquals(List.of(), old.history.get(B));
  }

  @Test
  void failedSaveAbortsTheReloadAndTheOldInstanceKeepsServing() {
    given(A, "roster");
    RosterModule old = manager.instance(A, RosterModule.class);
    old.contacts.add("juliet@a.example");
    Journal.failAt("roster.save a.example");

    ModuleException failure = fails(SAVE_STATE_FAILED, () -> manager.reload(A, "roster"));

    assertInstanceOf(Journal.Fault.class, failure.getCause());
    assertEquals(List.of("roster.save a.example"), Journal.take());
    assertTrue(manager.isLoaded(A, "roster"));
    assertSame(old, manager.instance(A, RosterModule.class));
    assertEquals(List.of("juliet@a.example"), old.contacts);

    // Once @Save works, the same module reloads.
    Journal.heal("roster.save a.example");
    manager.reload(A, "roster");
    assertNotSame(old, manager.instance(A, RosterModule.class));
  }

  @Test
  void failedSaveOfASharedModuleLeavesItsHostsAttached() {
    given(A, "chat");
    ChatModule old = manager.instance(GLOBAL, ChatModule.class);
    ChatModule_HostProxy onA = chatOn(A);
    Journal.failAt("chat.save *");

    fails(SAVE_STATE_FAILED, () -> manager.reload(GLOBAL, "chat"));

    assertEquals(List.of("chat.save *"), Journal.take());
    assertSame(old, manager.instance(A, ChatModule.class));
    onA.post("still serving");
    assertEquals(List.of("still serving"), onA.messages());
  }

  @Test
  void failedRestoreIsLoggedAndTheNewInstanceStaysLoaded() {
    given(GLOBAL, "stats");
    StatsModule old = manager.instance(GLOBAL, StatsModule.class);
    old.served.set(42);
    Journal.failAt("stats.restore *");

    manager.reload(GLOBAL, "stats");

    StatsModule fresh = manager.instance(GLOBAL, StatsModule.class);
    assertNotSame(old, fresh);
    assertEquals(0, fresh.served.get(), "the state was not restored");
    log.assertOneWarning("stats.restore *", "@Restore", "'stats'", "'*'");
  }

  @Test
  void reloadWhoseNewInstanceFailsToLoadLeavesTheModuleUnloaded() {
    given(A, "roster");
    Journal.failAt("roster.load a.example");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.reload(A, "roster"));

    assertInstanceOf(Journal.Fault.class, failure.getCause());
    // The old instance was unloaded once; the new one never finished loading, so no unload of it.
    assertEquals(
        List.of(
            "roster.save a.example",
            "roster.unload a.example",
            "roster.new a.example",
            "roster.load a.example"),
        Journal.take());
    assertFalse(manager.isLoaded(A, "roster"));
  }

  @Test
  void sharedReloadOnStarWhoseNewInstanceFailsToLoadLeavesNoHostAttached() {
    given(A, "chat");
    ChatModule_HostProxy onA = chatOn(A);
    Journal.failAt("chat.load *");

    fails(LOAD_FAILED, () -> manager.reload(GLOBAL, "chat"));

    assertEquals(
        List.of(
            "chat.save *", "chat.unloadHost a.example", "chat.unload *", "chat.new *", "chat.load *"),
        Journal.take());
    assertFalse(manager.isLoaded(GLOBAL, "chat"));
    assertFalse(manager.isLoaded(A, "chat"));
    fails(MODULE_NOT_LOADED, onA::messages);
  }

  @Test
  void hostThatRefusesTheNewGlobalInstanceIsUnloadedAndTheOthersAttach() {
    given(A, "chat");
    given(B, "chat");
    Journal.failAt("chat.addHost b.example");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.reload(GLOBAL, "chat"));

    assertReport(failure, "chat", B, "@AddHost");
    ChatModule fresh = manager.instance(GLOBAL, ChatModule.class);
    assertSame(fresh, manager.instance(A, ChatModule.class));
    assertFalse(manager.isLoaded(B, "chat"));
  }

  @Test
  void hostThatRefusesItsReloadIsUnloadedAndTheGlobalInstanceStays() {
    given(A, "chat");
    given(B, "chat");
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);
    Journal.failAt("chat.addHost b.example");

    fails(LOAD_FAILED, () -> manager.reload(B, "chat"));

    assertEquals(List.of("chat.unloadHost b.example", "chat.addHost b.example"), Journal.take());
    assertFalse(manager.isLoaded(B, "chat"));
    assertSame(chat, manager.instance(GLOBAL, ChatModule.class));
    assertSame(chat, manager.instance(A, ChatModule.class));
  }
}
