package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loading per-host, plain global and shared modules, on hosts and on {@code "*"}. */
class LoadTest extends ManagerTestBase {

  @Test
  void perHostModuleGetsItsOwnInstanceOnEveryHost() {
    manager.load(A, "roster");
    manager.load(B, "roster");

    assertEquals(
        List.of(
            "roster.new a.example",
            "roster.load a.example",
            "roster.new b.example",
            "roster.load b.example"),
        Journal.take());
    RosterModule onA = manager.instance(A, RosterModule.class);
    RosterModule onB = manager.instance(B, RosterModule.class);
    assertNotSame(onA, onB);
    assertContext("roster", A, onA.loadedWith);
    assertContext("roster", B, onB.loadedWith);
    assertTrue(manager.isLoaded(A, "roster"));
    assertTrue(manager.isLoaded(B, "roster"));
    assertFalse(manager.isLoaded(GLOBAL, "roster"));
  }

  @Test
  void sharedModuleFirstLoadOnAHostCreatesTheGlobalInstanceOnceThenAddsTheHost() {
    manager.load(A, "chat");

    assertEquals(List.of("chat.new *", "chat.load *", "chat.addHost a.example"), Journal.take());
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);
    assertContext("chat", GLOBAL, chat.createdWith);
    assertContext("chat", GLOBAL, chat.loadedWith);
    assertSame(chat, manager.instance(A, ChatModule.class));
    assertTrue(manager.isLoaded(GLOBAL, "chat"));
    assertTrue(manager.isLoaded(A, "chat"));
    assertFalse(manager.isLoaded(B, "chat"));
  }

  @Test
  void sharedModuleLoadOnAnotherHostOnlyAddsThatHost() {
    given(A, "chat");
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);

    manager.load(B, "chat");

    assertEquals(List.of("chat.addHost b.example"), Journal.take());
    assertSame(chat, manager.instance(B, ChatModule.class));
    assertSame(chat, manager.instance(GLOBAL, ChatModule.class));
    assertTrue(manager.isLoaded(GLOBAL, "chat"));
    assertTrue(manager.isLoaded(A, "chat"));
    assertTrue(manager.isLoaded(B, "chat"));
  }

  @Test
  void sharedModuleLoadedOnStarCreatesOnlyTheGlobalInstance() {
    manager.load(GLOBAL, "chat");

    assertEquals(List.of("chat.new *", "chat.load *"), Journal.take());
    assertTrue(manager.isLoaded(GLOBAL, "chat"));
    assertFalse(manager.isLoaded(A, "chat"));
    assertFalse(manager.isLoaded(B, "chat"));

    // A host loaded later joins that instance.
    manager.load(A, "chat");
    assertEquals(List.of("chat.addHost a.example"), Journal.take());
  }

  @Test
  void plainGlobalModuleAskedForAHostIsLoadedOnStarOnly() {
    manager.load(A, "stats");

    assertEquals(List.of("stats.new", "stats.load *"), Journal.take());
    assertContext("stats", GLOBAL, manager.instance(GLOBAL, StatsModule.class).loadedWith);
    assertTrue(manager.isLoaded(GLOBAL, "stats"));
    assertFalse(manager.isLoaded(A, "stats"));
    assertEquals(Set.of(), manager.loadedModules(A));
  }

  @Test
  void loadedModulesListsWhatEachHostHasLoaded() {
    manager.load(A, "roster");
    manager.load(A, "chat");
    manager.load(B, "stats");

    assertEquals(Set.of("chat", "roster"), manager.loadedModules(A));
    assertEquals(Set.of(), manager.loadedModules(B));
    assertEquals(Set.of("chat", "stats"), manager.loadedModules(GLOBAL));
  }
}
