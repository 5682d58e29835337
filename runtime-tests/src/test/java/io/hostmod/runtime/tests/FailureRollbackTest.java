package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failed load leaves nothing of itself loaded, and calls {@code @Unload} only for what finished
 * loading; a failed unload step is logged and the unload completes.
 */
class FailureRollbackTest extends ManagerTestBase {

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  @Test
  void failedConstructorLeavesNothingLoaded() {
    Journal.failAt("roster.new a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "roster"));

    assertEquals(List.of("roster.new a.example"), Journal.take());
    assertNothingLoaded(A, "roster");
  }

  @Test
  void failedLoadLeavesNothingLoadedAndIsNotUnloaded() {
    Journal.failAt("roster.load a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "roster"));

    // It never finished loading, so its @Unload is not called.
    assertEquals(List.of("roster.new a.example", "roster.load a.example"), Journal.take());
    assertNothingLoaded(A, "roster");

    Journal.heal("roster.load a.example");
    manager.load(A, "roster");
    assertTrue(manager.isLoaded(A, "roster"));
  }

  @Test
  void failedLoadOfAGlobalModuleLeavesNothingOnStar() {
    Journal.failAt("stats.load *");

    fails(LOAD_FAILED, () -> manager.load(A, "stats"));

    assertEquals(List.of("stats.new", "stats.load *"), Journal.take());
    assertNothingLoaded(GLOBAL, "stats");
  }

  @Test
  void failedLoadOfASharedModuleIsNotMaskedByItsFirstHost() {
    Journal.failAt("chat.load *");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "chat"));

    // Prosody would go on to add_host and report success; here no host is added.
    assertReport(failure, "chat", GLOBAL, "@Load");
    assertEquals(List.of("chat.new *", "chat.load *"), Journal.take());
    assertNothingLoaded(GLOBAL, "chat");
    assertNothingLoaded(A, "chat");
  }

  @Test
  void failedFirstAddHostAlsoUnloadsTheGlobalInstanceItCreated() {
    Journal.failAt("chat.addHost a.example");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "chat"));

    assertReport(failure, "chat", A, "@AddHost");
    assertInstanceOf(Journal.Fault.class, failure.getCause());
    // The refused host part is not unloaded; the global instance it created is, exactly once.
    assertEquals(
        List.of("chat.new *", "chat.load *", "chat.addHost a.example", "chat.unload *"),
        Journal.take());
    assertNothingLoaded(GLOBAL, "chat");
    assertNothingLoaded(A, "chat");

    Journal.heal("chat.addHost a.example");
    manager.load(A, "chat");
    assertEquals(List.of("chat.new *", "chat.load *", "chat.addHost a.example"), Journal.take());
    assertTrue(manager.isLoaded(A, "chat"));
  }

  @Test
  void failedAddHostOnASecondHostLeavesTheGlobalInstanceAndTheFirstHostAlone() {
    given(A, "chat");
    ChatModule chat = manager.instance(GLOBAL, ChatModule.class);
    Journal.failAt("chat.addHost b.example");

    fails(LOAD_FAILED, () -> manager.load(B, "chat"));

    assertEquals(List.of("chat.addHost b.example"), Journal.take());
    assertNothingLoaded(B, "chat");
    assertSame(chat, manager.instance(GLOBAL, ChatModule.class));
    assertSame(chat, manager.instance(A, ChatModule.class));
    chatOn(A).post("still here");
    assertEquals(List.of("still here"), chatOn(A).messages());

    // B refused only this once: nothing was left behind that would block a new load.
    Journal.heal("chat.addHost b.example");
    manager.load(B, "chat");
    assertEquals(List.of("chat.addHost b.example"), Journal.take());
  }

  @Test
  void failedUnloadIsLoggedAndTheUnloadCompletes() {
    given(A, "roster");
    Journal.failAt("roster.unload a.example");

    manager.unload(A, "roster");

    assertNothingLoaded(A, "roster");
    log.assertOneWarning("roster.unload a.example", "@Unload", "'roster'", "'a.example'");

    manager.load(A, "roster");
    assertTrue(manager.isLoaded(A, "roster"));
  }

  @Test
  void failedUnloadStepsOfASharedModuleFromStarAreLoggedAndEveryPartIsUnloaded() {
    given(A, "chat");
    given(B, "chat");
    Journal.failAt("chat.unloadHost a.example");
    Journal.failAt("chat.unload *");

    manager.unload(GLOBAL, "chat");

    assertEquals(
        List.of("chat.unloadHost a.example", "chat.unloadHost b.example", "chat.unload *"),
        Journal.take());
    assertNothingLoaded(GLOBAL, "chat");
    assertNothingLoaded(A, "chat");
    assertNothingLoaded(B, "chat");
    log.assertWarnings(List.of("chat.unloadHost a.example", "chat.unload *"));
  }

  private void assertNothingLoaded(String host, String module) {
    assertFalse(manager.isLoaded(host, module), () -> module + " loaded on " + host);
    assertFalse(manager.loadedModules(host).contains(module), () -> module + " listed on " + host);
  }
}
