package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleHealth;
import io.hostmod.runtime.ModuleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat's health on each host: {@code WARN} once a room's history is at its {@code history_limit},
 * {@code OK} while it is not, shown by the console page and {@code GET /hosts}, over HTTP.
 */
class ChatHealthTest {

  private static final String TEAM = "team.localhost";   // history_limit = 3 in the default configuration
  private static final String FULL = "room full: 3 of 3 messages";

  @TempDir
  Path dir;

  private Path file;
  private ExampleServer server;
  private final List<String> reported = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    file = ConsoleTest.defaultConfigIn(dir);
    server = ExampleServer.start(file, 0, 0, line -> {});
    server.modules().hook(ModuleManager.GLOBAL, Event.MODULE_STATUS, 0, event -> reported.add(event.host() + " "
        + event.module() + " " + event.data(ModuleHealth.class).health()));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aFullRoomWarnsOnTheConsoleAndInHostsUntilItsLimitGrows() throws Exception {
    assertTrue(console().contains("<tr><td>team.localhost</td><td>chat</td><td>shared</td><td>loaded</td>"));
    assertTrue(teamChatRow().contains("<td>ok: room open: up to 3 messages</td>"), teamChatRow());

    for (int i = 1; i <= 3; i++) {
      assertEquals(201, post("text=m" + i).status());
    }
    assertTrue(teamChatRow().contains("<td>warn: " + FULL + "</td>"), teamChatRow());
    String hosts = admin("GET", "/hosts").body();
    assertTrue(hosts.contains("{\"module\":\"chat\",\"kind\":\"shared\",\"state\":\"loaded\""), hosts);
    assertTrue(hosts.contains("\"health\":{\"health\":\"warn\",\"message\":\"" + FULL + "\",\"since\":"), hosts);
    assertFalse(chatRow("chat.localhost").contains("warn"), "the other rooms are not full: " + chatRow("chat.localhost"));

    assertEquals(201, post("text=m4").status());   // the oldest goes; still full, nothing new reported
    assertEquals(List.of("team.localhost chat WARN"), reported, "a change only, on the server: " + reported);

    // A larger limit reloads chat's part on team, whose room opens with room to spare.
    Files.writeString(file, Files.readString(file).replace("history_limit = 3 ", "history_limit = 5 "));
    Reply reload = admin("POST", "/config/reload");
    assertEquals(200, reload.status(), reload.body());
    assertTrue(teamChatRow().contains("<td>ok: room open: up to 5 messages</td>"), teamChatRow());
    assertTrue(admin("GET", "/hosts").body().contains("\"health\":{\"health\":\"ok\",\"message\":\"room open: up to 5 messages\""));

    assertEquals(201, post("text=m5").status());
    assertEquals(201, post("text=m6").status());
    assertTrue(teamChatRow().contains("<td>warn: room full: 5 of 5 messages</td>"), teamChatRow());
  }

  private Reply post(String form) {
    return Client.send("POST", server.url().resolve("/chat/messages"), TEAM, null, form);
  }

  private Reply admin(String method, String path) {
    return Client.send(method, server.adminUrl().resolve(path), null, server.adminToken(), null);
  }

  private String console() {
    Reply page = admin("GET", "/");
    assertEquals(200, page.status());
    return page.body();
  }

  private String teamChatRow() {
    return chatRow(TEAM);
  }

  /** The console's row of chat on a host. */
  private String chatRow(String host) {
    String page = console();
    int start = page.indexOf("<tr><td>" + host + "</td><td>chat</td>");
    assertTrue(start >= 0, page);
    return page.substring(start, page.indexOf("</tr>", start));
  }
}
