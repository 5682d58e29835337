package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unloading from one host, and unloading global and shared modules from {@code "*"}. */
class UnloadTest extends ManagerTestBase {

  @Test
  void perHostModuleUnloadsFromThatHostOnly() {
    given(A, "roster");
    given(B, "roster");
    RosterModule onB = manager.instance(B, RosterModule.class);

    manager.unload(A, "roster");

    assertEquals(List.of("roster.unload a.example"), Journal.take());
    assertFalse(manager.isLoaded(A, "roster"));
    assertSame(onB, manager.instance(B, RosterModule.class));
  }

  @Test
  void sharedModuleUnloadsOnlyThatHostsPart() {
    given(A, "chat");
    given(B, "chat");
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);

    manager.unload(A, "chat");

    assertEquals(List.of("chat.unloadHost a.example"), Journal.take());
    assertFalse(manager.isLoaded(A, "chat"));
    assertTrue(manager.isLoaded(B, "chat"));
    assertSame(chat, manager.instance(GLOBAL, ChatModule.class));
    assertSame(chat, manager.instance(B, ChatModule.class));
  }

  @Test
  void sharedModuleUnloadedFromStarUnloadsEveryHostPartThenTheGlobalInstance() {
    given(A, "chat");
    given(B, "chat");

    manager.unload(GLOBAL, "chat");

    assertEquals(
        List.of("chat.unloadHost a.example", "chat.unloadHost b.example", "chat.unload *"),
        Journal.take());
    assertFalse(manager.isLoaded(GLOBAL, "chat"));
    assertFalse(manager.isLoaded(A, "chat"));
    assertFalse(manager.isLoaded(B, "chat"));
  }

  @Test
  void sharedModuleLoadedAgainAfterUnloadFromStarGetsANewGlobalInstance() {
    given(A, "chat");
    ChatModule old = manager.instance(GLOBAL, ChatModule.class);
    manager.unload(GLOBAL, "chat");
    Journal.take();

    // Unlike Prosody, no host part outlives the global instance, so this is no module-already-loaded.
    manager.load(A, "chat");

    assertEquals(List.of("chat.new *", "chat.load *", "chat.addHost a.example"), Journal.take());
    assertNotSame(old, manager.instance(A, ChatModule.class));
  }

  @Test
  void plainGlobalModuleUnloadsFromStar() {
    given(A, "stats");

    manager.unload(GLOBAL, "stats");

    assertEquals(List.of("stats.unload *"), Journal.take());
    assertFalse(manager.isLoaded(GLOBAL, "stats"));
    assertEquals(Set.of(), manager.loadedModules(GLOBAL));
  }
}
