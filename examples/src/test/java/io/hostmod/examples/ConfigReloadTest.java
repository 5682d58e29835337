package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import io.hostmod.runtime.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /config/reload} end to end: a real server on free ports started on a configuration
 * file, the file edited, the reload asked for over HTTP with the admin token, and the public port
 * checked: a host added answers, a host removed is unknown, a changed {@code history_limit} keeps
 * every message and applies to the posts after it, and a file that cannot be used is refused with
 * every problem listed, changing nothing.
 */
class ConfigReloadTest {

  private static final String BEFORE = """
      modules_enabled = ["welcome"]
      history_limit = 10

      [hosts."a.test"]
      modules_enabled = ["chat"]
      history_limit = 5

      [hosts."b.test"]
      modules_enabled = ["chat"]

      [hosts."gone.test"]
      welcome_text = "Soon gone"
      """;

  @TempDir
  Path dir;

  private Path file;
  private ExampleServer server;

  @BeforeEach
  void start() throws IOException {
    file = Files.writeString(dir.resolve("server.toml"), BEFORE);
    server = ExampleServer.start(file, 0, 0, line -> {});
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aReloadAddsAndRemovesHostsAndChangesHistoryLimitsKeepingEveryMessage() throws IOException {
    List<String> onA = post("a.test", "a1", "a2", "a3", "a4");   // a's own limit: 5
    List<String> onB = post("b.test", "b1", "b2", "b3");         // b inherits the global 10
    assertEquals(200, get("gone.test", "/").status());
    assertUnknown("new.test");

    // The operator edits the file: the global limit (b inherits it) and a's own, a host for another.
    Files.writeString(file, BEFORE.replace("history_limit = 10", "history_limit = 4")
        .replace("history_limit = 5", "history_limit = 6")
        .replace("[hosts.\"gone.test\"]\nwelcome_text = \"Soon gone\"",
            "[hosts.\"new.test\"]\nmodules_enabled = [\"chat\"]\nwelcome_text = \"Hello from new\""));
    Reply reloaded = reload(server.adminToken());
    assertEquals(200, reloaded.status(), reloaded.body());
    assertEquals("{\"file\":" + Escape.json(file.toString()) + ",\"activated\":[\"new.test\"],"
        + "\"deactivated\":[\"gone.test\"],\"modules\":{"
        + "\"*\":{\"loaded\":[],\"unloaded\":[],\"reconfigured\":[\"chat\"],\"reloaded\":[]},"
        + "\"a.test\":{\"loaded\":[],\"unloaded\":[],\"reconfigured\":[],\"reloaded\":[\"chat\"]},"
        + "\"b.test\":{\"loaded\":[],\"unloaded\":[],\"reconfigured\":[],\"reloaded\":[\"chat\"]}},"
        + "\"failures\":[]}\n", reloaded.body(), "chat's global instance in place, each host part by a reload");

    Reply added = get("new.test", "/");
    assertEquals(200, added.status(), added.body());
    assertTrue(added.body().startsWith("Hello from new\n"), added.body());
    assertTrue(added.body().contains("POST  /chat/messages"), "its modules are loaded: " + added.body());
    assertUnknown("gone.test");
    String hosts = Client.send("GET", server.adminUrl().resolve("/hosts"), null, server.adminToken(), null).body();
    assertTrue(hosts.contains("{\"host\":\"new.test\",\"active\":true"), hosts);
    assertFalse(hosts.contains("gone.test"), hosts);

    // Every message is still there, under the new limits, which apply to the next posts.
    assertEquals(onA, messages("a.test", 6));
    assertEquals(onB, messages("b.test", 4));
    onA.addAll(post("a.test", "a5", "a6", "a7"));
    onB.addAll(post("b.test", "b4", "b5"));
    assertEquals(onA.subList(1, 7), messages("a.test", 6), "the oldest goes once 6 are there");
    assertEquals(onB.subList(1, 5), messages("b.test", 4), "b inherits the new global limit");
    assertEquals(List.of(), messages("new.test", 4));

    Reply again = reload(server.adminToken());
    assertEquals(200, again.status(), again.body());
    assertTrue(again.body().contains("\"activated\":[],\"deactivated\":[],\"modules\":{},\"failures\":[]"),
        "reading the same file again changes nothing: " + again.body());
    assertEquals(onA.subList(1, 7), messages("a.test", 6));
  }

  @Test
  void aFileThatCannotBeUsedIsRefusedWithEveryProblemAndChangesNothing() throws IOException {
    List<String> onA = post("a.test", "kept");
    ServerConfig running = server.modules().config();

    Files.writeString(file, BEFORE.replace("history_limit = 5", "history_limit = = 5"));
    Reply notToml = reload(server.adminToken());
    assertEquals(400, notToml.status(), notToml.body());
    assertTrue(notToml.body().contains("\"error\":\"bad-config\""), notToml.body());
    assertTrue(notToml.body().contains(file + ":6") && notToml.body().contains("not valid TOML"), notToml.body());

    Files.writeString(file, BEFORE.replace("modules_enabled = [\"chat\"]\nhistory_limit = 5",
        "modules_enabled = [\"chat\", \"chatt\"]\nhistory_limit = \"lots\""));
    Reply badModules = reload(server.adminToken());
    assertEquals(400, badModules.status(), badModules.body());
    String message = badModules.body();
    assertTrue(message.contains("\"error\":\"bad-config\"") && message.contains("2 problems"), message);
    assertTrue(message.contains("host 'a.test' modules_enabled: no module 'chatt' is installed"), message);
    assertTrue(message.contains("host 'a.test' option 'history_limit': \\\"lots\\\" (a String) cannot be read as"),
        message);

    Files.writeString(file, "admin_token = \"\"\n" + BEFORE.replace("a.test", "A.test"));
    Reply badNames = reload(server.adminToken());
    assertEquals(400, badNames.status(), badNames.body());
    assertTrue(badNames.body().contains("2 problems"), badNames.body());
    assertTrue(badNames.body().contains("host 'A.test' has capital letters"), badNames.body());
    assertTrue(badNames.body().contains("admin_token must be a non-empty string"), badNames.body());

    assertSame(running, server.modules().config(), "the configuration is the same");
    assertEquals(200, get("gone.test", "/").status());
    assertEquals(onA, messages("a.test", 5));
  }

  @Test
  void aModuleThatFailsWhileApplyingIsListedAndEveryOtherChangeApplied() throws IOException {
    // welcome reads welcome_text by hand, so only its load finds a number where it wants a string.
    Files.writeString(file, BEFORE + "\n[hosts.\"bad.test\"]\nwelcome_text = 5\n\n[hosts.\"ok.test\"]\n");
    Reply reloaded = reload(server.adminToken());
    assertEquals(200, reloaded.status(), reloaded.body());
    assertTrue(reloaded.body().contains("\"activated\":[\"bad.test\",\"ok.test\"]"), reloaded.body());
    assertTrue(reloaded.body().contains("\"failures\":[{\"error\":\"bad-option\",\"host\":\"bad.test\","
        + "\"module\":\"welcome\",\"message\":"), reloaded.body());
    assertEquals(200, get("ok.test", "/").status());
    assertEquals(404, get("bad.test", "/").status(), "bad.test is active, without its welcome page");
  }

  @Test
  void theReloadIsAnAdminActionAndNeedsAFile() throws IOException {
    Files.writeString(file, BEFORE.replace("[hosts.\"gone.test\"]", "[hosts.\"other.test\"]"));
    assertEquals(401, reload(null).status());
    assertEquals(401, reload("not-the-token").status());
    Reply byGet = Client.send("GET", server.adminUrl().resolve("/config/reload"), null, server.adminToken(), null);
    assertEquals(405, byGet.status());
    assertEquals(200, get("gone.test", "/").status(), "nothing done");

    ExampleServer embedded = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {});
    try {
      Reply noFile = Client.send("POST", embedded.adminUrl().resolve("/config/reload"), null,
          embedded.adminToken(), null);
      assertEquals(409, noFile.status(), noFile.body());
      assertTrue(noFile.body().contains("\"error\":\"no-config-file\""), noFile.body());
      assertTrue(noFile.body().contains("--config file.toml"), noFile.body());
    } finally {
      embedded.stop();
    }
  }

  // ---- helpers

  private Reply reload(String token) {
    return Client.send("POST", server.adminUrl().resolve("/config/reload"), null, token, null);
  }

  private Reply get(String host, String path) {
    return Client.send("GET", server.url().resolve(path), host, null, null);
  }

  private void assertUnknown(String host) {
    Reply reply = get(host, "/");
    assertEquals(404, reply.status(), reply.body());
    assertTrue(reply.body().contains("\"unknown-host\""), reply.body());
  }

  /** Posts each text to the host's room; returns them. */
  private List<String> post(String host, String... texts) {
    List<String> posted = new ArrayList<>();
    for (String text : texts) {
      Reply reply = Client.send("POST", server.url().resolve("/chat/messages"), host, null, "from=t&text=" + text);
      assertEquals(201, reply.status(), reply.body());
      posted.add(text);
    }
    return posted;
  }

  /** The texts in the host's room, checking the limit it reports. */
  private List<String> messages(String host, int limit) {
    Reply reply = get(host, "/chat/messages");
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.body().contains("\"limit\":" + limit + ","), reply.body());
    List<String> texts = new ArrayList<>();
    Matcher text = Pattern.compile("\"text\":\"([^\"]*)\"").matcher(reply.body());
    while (text.find()) {
      texts.add(text.group(1));
    }
    return texts;
  }
}
