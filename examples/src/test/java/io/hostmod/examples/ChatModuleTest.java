package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.Health;
import io.hostmod.runtime.LifecycleObservation;
import io.hostmod.runtime.ModuleHealth;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.test.TestModules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat module alone: a room per host with its own history limit, its health, and reloads. */
class ChatModuleTest {

  @RegisterExtension
  final TestModules modules = TestModules.of(ChatModule.class)
      .hosts("a.example", "b.example")
      .option(ChatModule.HISTORY_LIMIT, 3)
      .option("b.example", ChatModule.HISTORY_LIMIT, 2);

  @Test
  void eachHostKeepsItsLastMessagesUpToItsLimit(ChatModule_HostProxy chat) {
    ChatModule_HostProxy onB = modules.hostProxy("b.example", ChatModule_HostProxy.class);
    for (String text : List.of("one", "two", "three")) {
      chat.post("ada", text);
      onB.post("bob", text);
    }

    assertEquals(List.of("one", "two", "three"), texts(chat.messages()));
    assertEquals(List.of("two", "three"), texts(onB.messages()));
  }

  @Test
  void aFullRoomReportsWarnAtTheTimeOfTheClock(ModuleManager manager) {
    ChatModule_HostProxy onB = modules.hostProxy("b.example", ChatModule_HostProxy.class);
    onB.post("bob", "one");
    modules.advance(Duration.ofMinutes(5));
    onB.post("bob", "two");

    List<Event> reports = modules.records().events("b.example", Event.MODULE_STATUS);
    ModuleHealth full = reports.get(reports.size() - 1).data(ModuleHealth.class);
    assertEquals(Health.WARN, full.health());
    assertEquals("room full: 2 of 2 messages", full.message());
    assertEquals(modules.clock().instant(), full.since());
    assertEquals(Health.OK, modules.records().events("a.example", Event.MODULE_STATUS).get(0).data(ModuleHealth.class).health());
  }

  @Test
  void servesItsRoomAsARouteItemOfEachHost(ModuleManager manager) throws Exception {
    assertEquals(2, modules.records().itemsAdded(Route.ITEM).size(), "one set of routes per host");

    Response posted = Routed.call(manager, "a.example", "POST", "/chat/messages", Map.of("from", "ada", "text", "hi"));

    assertEquals(201, posted.status());
    assertEquals(List.of("hi"), texts(modules.hostProxy(ChatModule_HostProxy.class).messages()));
  }

  @Test
  void aReloadOfTheGlobalInstanceKeepsEveryRoom(ChatModule_HostProxy chat) {
    chat.post("ada", "kept");

    modules.manager().reload(ModuleManager.GLOBAL, "chat");

    assertEquals(List.of("kept"), texts(chat.messages()));
    assertEquals(List.of("RELOAD * chat ok"), modules.records().lifecycle().stream()
        .filter(o -> o.step() == LifecycleObservation.Step.RELOAD)
        .map(o -> o.step() + " " + o.host() + " " + o.module() + " " + o.outcome())
        .toList());
  }

  private static List<String> texts(List<ChatModule.Message> messages) {
    return messages.stream().map(ChatModule.Message::text).toList();
  }
}
