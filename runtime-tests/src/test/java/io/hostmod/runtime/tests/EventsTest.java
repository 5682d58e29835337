package io.hostmod.runtime.tests;

import static io.hostmod.runtime.Event.HOST_ACTIVATED;
import static io.hostmod.runtime.Event.HOST_DEACTIVATED;
import static io.hostmod.runtime.Event.MODULE_LOADED;
import static io.hostmod.runtime.Event.MODULE_RELOADED;
import static io.hostmod.runtime.Event.MODULE_UNLOADED;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.Registration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hooks a module registers on its host (a shared module: on each host it is attached to), their
 * dispatch by priority, stopping and failing handlers, their removal, and the lifecycle events.
 *
 * <p>On {@code message}, {@code spam_filter} runs at priority 10 and stops {@code "spam"};
 * {@code archive} and {@code conference} run at priority 0.
 */
class EventsTest extends ManagerTestBase {

  private static final String MESSAGE = "message";
  private static final String C = "c.example";
  private static final String[] LIFECYCLE = {
    MODULE_LOADED, MODULE_UNLOADED, MODULE_RELOADED, HOST_ACTIVATED, HOST_DEACTIVATED
  };

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  // ---- module hooks

  @Test
  void handlersRunByPriorityHighestFirstThenInTheOrderRegistered() {
    given(A, "archive");
    given(A, "conference");
    given(A, "spam_filter");

    manager.fire(A, MESSAGE, "hello");

    assertEquals(
        List.of(
            "spam_filter.message a.example",
            "archive.message a.example",
            "conference.message a.example"),
        Journal.take());

    // Reloaded, archive registers again: now after conference, its equal in priority.
    manager.reload(A, "archive");
    Journal.take();
    manager.fire(A, MESSAGE, "hello again");

    assertEquals(
        List.of(
            "spam_filter.message a.example",
            "conference.message a.example",
            "archive.message a.example"),
        Journal.take());
  }

  @Test
  void handlerThatStopsTheEventEndsTheDispatch() {
    given(A, "archive");
    given(A, "spam_filter");

    Event event = manager.fire(A, MESSAGE, SpamFilterModule.SPAM);

    assertTrue(event.isStopped());
    assertEquals(List.of("spam_filter.message a.example"), Journal.take());
    assertEquals(List.of(), manager.instance(A, ArchiveModule.class).archived);
  }

  @Test
  void throwingHandlerIsLoggedAndTheOthersStillRun() {
    given(A, "spam_filter");
    given(A, "archive");
    given(A, "conference");
    Journal.failAt("archive.message a.example");

    Event event = manager.fire(A, MESSAGE, "hello");

    assertFalse(event.isStopped());
    assertEquals(
        List.of(
            "spam_filter.message a.example",
            "archive.message a.example",
            "conference.message a.example"),
        Journal.take());
    log.assertOneWarning("archive.message a.example", "'message'", "'a.example'");
  }

  @Test
  void handlersOfAModuleAreRemovedWhenItUnloadsFromThatHost() {
    given(A, "archive");
    given(B, "archive");

    manager.unload(A, "archive");
    manager.fire(A, MESSAGE, "to a");
    manager.fire(B, MESSAGE, "to b");

    assertEquals(List.of("archive.message b.example"), Journal.take());
  }

  @Test
  void sharedModuleHandlesTheEventsOfEachHostItIsAttachedToWithThatHostsContext() {
    given(A, "conference");
    given(B, "conference");

    manager.fire(A, MESSAGE, "to a");
    manager.fire(B, MESSAGE, "to b");
    manager.fire(GLOBAL, MESSAGE, "to the server");

    assertEquals(List.of("conference.message a.example", "conference.message b.example"), Journal.take());

    given(A, "spam_filter");
    manager.unload(A, "conference");
    Journal.take();
    manager.fire(A, MESSAGE, "to a");
    manager.fire(B, MESSAGE, "to b");

    assertEquals(
        List.of("spam_filter.message a.example", "conference.message b.example"), Journal.take());
  }

  @Test
  void handlersRegisteredByAFailedLoadAreRemoved() {
    Journal.failAt("archive.load a.example");
    fails(LOAD_FAILED, () -> manager.load(A, "archive"));
    Journal.take();

    manager.fire(A, MESSAGE, "hello");

    assertEquals(List.of(), Journal.take());
  }

  @Test
  void handlersRegisteredByARefusedAttachAreRemovedAndOtherHostsKeepTheirs() {
    given(A, "conference");
    Journal.failAt("conference.addHost b.example");
    fails(LOAD_FAILED, () -> manager.load(B, "conference"));
    Journal.take();

    manager.fire(B, MESSAGE, "to b");
    manager.fire(A, MESSAGE, "to a");

    assertEquals(List.of("conference.message a.example"), Journal.take());
  }

  // ---- lifecycle events

  /**
   * Lifecycle events are posted only while someone listens for them somewhere (the manager counts
   * their handlers): a handler removed, even twice, stops counting once, so another host's handler
   * still hears its events, and one added after hears the next.
   */
  @Test
  void lifecycleHandlersAreCountedOnceEachSoTheOthersStillHear() {
    List<String> heardOnA = new ArrayList<>();
    List<String> heardOnB = new ArrayList<>();
    Registration onA = manager.hook(A, MODULE_LOADED, 0, event -> heardOnA.add(event.module()));
    Registration onB = manager.hook(B, MODULE_LOADED, 0, event -> heardOnB.add(event.module()));

    onA.close();
    onA.close();
    manager.load(A, "roster");
    manager.load(B, "roster");

    assertEquals(List.of(), heardOnA);
    assertEquals(List.of("roster"), heardOnB, "B's handler, after A's was removed twice");
    onB.close();
    manager.unload(B, "roster");
    Registration again = manager.hook(B, MODULE_LOADED, 0, event -> heardOnB.add(event.module()));
    manager.load(B, "roster");
    assertEquals(List.of("roster", "roster"), heardOnB, "a handler added after every other was removed");
    again.close();
  }

  @Test
  void moduleLoadedIsFiredForEveryHostTheFirstHostOfASharedModuleAndStarIncluded() {
    EventLog onA = EventLog.listen(manager, A, LIFECYCLE);
    EventLog onServer = EventLog.listen(manager, GLOBAL, LIFECYCLE);

    manager.load(A, "chat");
    manager.load(B, "chat");
    manager.load(A, "roster");
    manager.load(B, "stats");

    assertEquals(List.of("module-loaded chat a.example", "module-loaded roster a.example"), onA.take());
    assertEquals(
        List.of(
            "module-loaded chat *",
            "module-loaded chat a.example",
            "module-loaded chat b.example",
            "module-loaded roster a.example",
            "module-loaded stats *"),
        onServer.take());
  }

  @Test
  void moduleReloadedAndModuleUnloadedNameTheModuleAndTheHost() {
    given(A, "roster");
    given(A, "chat");
    given(B, "chat");
    EventLog onA = EventLog.listen(manager, A, LIFECYCLE);
    EventLog onServer = EventLog.listen(manager, GLOBAL, LIFECYCLE);

    manager.reload(A, "roster");
    manager.reload(A, "chat");
    manager.unload(GLOBAL, "chat");

    assertEquals(
        List.of(
            "module-reloaded roster a.example",
            "module-reloaded chat a.example",
            "module-unloaded chat a.example"),
        onA.take());
    assertEquals(
        List.of(
            "module-reloaded roster a.example",
            "module-reloaded chat a.example",
            "module-unloaded chat a.example",
            "module-unloaded chat b.example",
            "module-unloaded chat *"),
        onServer.take());
  }

  @Test
  void moduleReloadedIsFiredAlsoWhenADependentDoesNotComeBack() {
    given(A, "welcome");
    EventLog onServer = EventLog.listen(manager, GLOBAL, LIFECYCLE);
    Journal.failAt("welcome.load a.example");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.reload(A, "roster"));

    assertReport(failure, "welcome", A, "@Load");
    assertEquals(
        List.of("module-unloaded welcome a.example", "module-reloaded roster a.example"),
        onServer.take());
    assertTrue(manager.isLoaded(A, "roster"));
    assertFalse(manager.isLoaded(A, "welcome"));
  }

  @Test
  void hostActivatedAndDeactivatedReachTheServerAndTheHostsOwnListeners() {
    EventLog onServer = EventLog.listen(manager, GLOBAL, LIFECYCLE);

    manager.activateHost(C);
    EventLog onC = EventLog.listen(manager, C, LIFECYCLE);
    manager.load(C, "roster");
    manager.deactivateHost(C);

    assertEquals(
        List.of(
            "host-activated c.example",
            "module-loaded roster c.example",
            "module-unloaded roster c.example",
            "host-deactivated c.example"),
        onServer.take());
    assertEquals(
        List.of(
            "module-loaded roster c.example",
            "module-unloaded roster c.example",
            "host-deactivated c.example"),
        onC.take());
  }

  @Test
  void noEventIsFiredForAModuleThatWasNotLoaded() {
    EventLog onA = EventLog.listen(manager, A, LIFECYCLE);
    EventLog onServer = EventLog.listen(manager, GLOBAL, LIFECYCLE);
    Journal.failAt("roster.load a.example");
    Journal.failAt("chat.addHost a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "roster"));
    // Its global instance was created, then dropped with the refused host part.
    fails(LOAD_FAILED, () -> manager.load(A, "chat"));
    fails(MODULE_NOT_LOADED, () -> manager.unload(A, "roster"));
    fails(MODULE_NOT_LOADED, () -> manager.reload(A, "roster"));

    assertEquals(List.of(), onA.take());
    assertEquals(List.of(), onServer.take());
  }
}
