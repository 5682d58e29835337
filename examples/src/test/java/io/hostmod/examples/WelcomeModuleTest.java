package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleManager;
import io.hostmod.test.TestModules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The welcome page of each host, with the host's text and routes; nothing of it left once unloaded. */
class WelcomeModuleTest {

  @RegisterExtension
  final TestModules modules = TestModules.of(WelcomeModule.class, ChatModule.class)
      .hosts("a.example", "b.example")
      .undeclaredOptions(WelcomeModule.WELCOME_TEXT)   // welcome reads it by hand, not with @Option
      .option("b.example", WelcomeModule.WELCOME_TEXT, "Hi from b");

  @Test
  void greetsWithTheHostsTextElseItsName(WelcomeModule welcome) {
    assertEquals("Welcome to a.example!", welcome.greeting());
    assertEquals("Hi from b", modules.instance("b.example", WelcomeModule.class).greeting());
  }

  @Test
  void listsTheRoutesTheHostServes(ModuleManager manager) throws Exception {
    String page = Routed.call(manager, "b.example", "GET", "/", Map.of()).body();

    assertTrue(page.startsWith("Hi from b\n\nThis host serves:\n"), page);
    assertTrue(page.contains("GET   /chat/messages"), page);
  }

  @Test
  void takesItsRoutesWithItAndLeavesNothing() {
    modules.unload("a.example", WelcomeModule.class);

    // No local variable keeps the routes: their handlers hold the instance, which must go.
    assertEquals(List.of("welcome"), modules.records().itemsRemoved(Route.ITEM).stream()
        .map(routes -> ((Routes) routes).module()).toList());
    modules.assertNothingLeft("a.example", WelcomeModule.class);
  }
}
