package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.config.ConfigException;
import io.hostmod.examples.Client.Reply;
import io.hostmod.runtime.ServerConfig;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's configuration: the embedded default, a file of one's own, and its mistakes. */
class ConfigTest {

  @TempDir
  Path dir;

  @Test
  void theEmbeddedConfigurationHasThreeHosts() {
    ServerConfig config = ExampleServer.readConfig(null);
    assertEquals(List.of("chat.localhost", "team.localhost", "docs.localhost"), List.copyOf(config.hosts().keySet()));
    assertEquals(List.of("request_metrics", "welcome", "chat", "chat_page"), config.modulesFor("chat.localhost", List.of()));
  }

  @Test
  void aConfigurationFileSetsHostsModulesOptionsAndTheToken() throws IOException {
    Path file = write("""
        admin_token = "my-own-token"
        modules_enabled = ["welcome"]

        [hosts."one.test"]
        modules_enabled = ["chat"]
        history_limit = 2
        welcome_text = "Hello from one"
        """);
    ExampleServer server = ExampleServer.start(ExampleServer.readConfig(file), 0, 0, line -> {});
    try {
      assertEquals("my-own-token", server.adminToken());
      Reply hosts = Client.send("GET", server.adminUrl().resolve("/hosts"), null, "my-own-token", null);
      assertEquals(200, hosts.status());
      assertTrue(hosts.body().contains("{\"host\":\"one.test\",\"active\":true"), hosts.body());
      assertTrue(Client.send("GET", server.url(), "one.test", null, null).body().startsWith("Hello from one\n"));
      assertTrue(Client.send("GET", server.url().resolve("/chat/messages"), "one.test", null, null).body()
          .contains("\"limit\":2"));
      assertEquals(404, Client.send("GET", server.url(), "chat.localhost", null, null).status(), "not configured");
    } finally {
      server.stop();
    }
  }

  @Test
  void aMisspeltOptionIsRefusedWithItsLine() throws IOException {
    Path file = write("""
        modules_enabled = ["welcome"]

        [hosts."one.test"]
        histroy_limit = 2
        """);
    ConfigException refused = assertThrows(ConfigException.class, () -> ExampleServer.readConfig(file));
    assertEquals(4, refused.line());
    assertTrue(refused.getMessage().contains("histroy_limit"), refused.getMessage());
    assertTrue(refused.getMessage().contains("history_limit"), "lists the known keys: " + refused.getMessage());
  }

  @Test
  void aModuleThatCannotLoadShowsAsFailedAndTheRestRuns() throws IOException {
    Path file = write("""
        modules_enabled = ["welcome"]

        [hosts."one.test"]
        modules_enabled = ["chat"]
        history_limit = "lots"
        """);
    ExampleServer server = ExampleServer.start(ExampleServer.readConfig(file), 0, 0, line -> {});
    try {
      assertEquals(200, Client.send("GET", server.url(), "one.test", null, null).status(), "welcome runs");
      Reply hosts = Client.send("GET", server.adminUrl().resolve("/hosts"), null, server.adminToken(), null);
      assertTrue(hosts.body().contains("{\"module\":\"chat\",\"kind\":\"shared\",\"state\":\"failed\""), hosts.body());
      Reply load = Client.send("POST", server.adminUrl().resolve("/hosts/one.test/modules/chat/load"), null,
          server.adminToken(), null);
      assertEquals(500, load.status());
      assertTrue(load.body().contains("\"error\":\"bad-option\""), load.body());
    } finally {
      server.stop();
    }
  }

  @Test
  void aConfigurationWithoutHostsIsRefused() throws IOException {
    ServerConfig config = ExampleServer.readConfig(write("modules_enabled = [\"welcome\"]\n"));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ExampleServer.start(config, 0, 0));
    assertTrue(refused.getMessage().contains("lists no host"), refused.getMessage());
  }

  @Test
  void aTakenPortIsExplained() throws IOException {
    ExampleServer first = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {});
    try {
      int taken = first.url().getPort();
      BindException refused = assertThrows(BindException.class,
          () -> ExampleServer.start(ExampleServer.readConfig(null), taken, 0, line -> {}));
      assertTrue(refused.getMessage().contains("port " + taken + " on 127.0.0.1 is taken"), refused.getMessage());
      assertTrue(refused.getMessage().contains("--port"), refused.getMessage());
    } finally {
      first.stop();
    }
  }

  private Path write(String toml) throws IOException {
    return Files.writeString(dir.resolve("server.toml"), toml);
  }
}
