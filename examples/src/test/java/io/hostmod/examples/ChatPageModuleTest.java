package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.test.TestModules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat page with a fake chat: the page reaches it through ChatModule_HostProxy, as it would the real one. */
class ChatPageModuleTest {

  /** A chat with one message per host and a list of what was posted; no rooms, no @AddHost. */
  static final class FakeChat extends ChatModule {
    final List<String> posted = new CopyOnWriteArrayList<>();

    @Override
    public Message post(HostContext host, String from, String text) {
      posted.add(from + "@" + host.host() + ": " + text);
      return new Message(from, text, Instant.EPOCH);
    }

    @Override
    public List<Message> messages(HostContext host) {
      return List.of(new Message("fake", "<hello> " + host.host(), Instant.EPOCH));
    }
  }

  private final FakeChat chat = new FakeChat();

  @RegisterExtension
  final TestModules modules = TestModules.of(ChatPageModule.class).hosts("a.example", "b.example").fake(ChatModule.class, chat);

  @Test
  void showsTheRoomOfItsHostEscaped(ModuleManager manager) throws Exception {
    String page = Routed.call(manager, "b.example", "GET", "/chat", Map.of()).body();

    assertTrue(page.contains("<h1>Chat on b.example</h1>"), page);
    assertTrue(page.contains("<li><b>fake</b>: &lt;hello&gt; b.example</li>"), page);
  }

  @Test
  void postsToTheRoomOfItsHost(ModuleManager manager) throws Exception {
    Response answer = Routed.call(manager, "a.example", "POST", "/chat", Map.of("from", "ada", "text", "hi"));

    assertEquals(303, answer.status());
    assertEquals(List.of("ada@a.example: hi"), chat.posted);
  }

  @Test
  void goesBeforeChatWhenChatIsUnloaded() {
    modules.unload("a.example", ChatModule.class);

    assertEquals(List.of("chat_page", "chat"), modules.records().events("a.example", "module-unloaded").stream()
        .map(event -> event.module()).toList());
    modules.assertNothingLeft("a.example", ChatPageModule.class);
  }
}
