package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.config.ConfigException;
import io.hostmod.examples.Client.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration files the server cannot use: refused when read (naming the file, line and key) or
 * when the server starts (naming the host or module), before any port is opened; and a file that
 * is usable but asks for something one host cannot have, which shows as that module failed while
 * everything else runs. The basic cases (a misspelt option, a badly typed option, no host) are in
 * {@link ConfigTest}; every way a TOML file can be malformed is in the config module's
 * {@code TomlConfigTest}.
 */
class ConfigBadInputTest {

  @TempDir
  Path dir;

  static Stream<Arguments> unreadableFiles() {
    return Stream.of(
        Arguments.of("a module enabled and disabled at once", """
            [hosts."one.test"]
            modules_enabled = ["chat"]
            modules_disabled = ["chat"]
            """, 3, "'chat' is both enabled and disabled in host 'one.test'"),
        Arguments.of("the same host twice", """
            [hosts."one.test"]
            [hosts."one.test"]
            """, 2, "previously defined"),
        Arguments.of("the same host twice, in two cases", """
            [hosts."one.test"]
            [hosts."One.Test"]
            """, 2, "names the same host as [hosts.\"one.test\"]"),
        Arguments.of("a module list of the wrong type", """
            modules_enabled = "welcome"
            [hosts."one.test"]
            """, 1, "must be a list of module names"),
        Arguments.of("an option of a type no option has", """
            [hosts."one.test"]
            history_limit = { messages = 5 }
            """, 2, "is a table"),
        Arguments.of("an unknown key", """
            [hosts."one.test"]
            modules_enable = ["chat"]
            """, 2, "is not an option any module reads"),
        Arguments.of("a host name with a space", """
            [hosts."one .test"]
            """, 1, "has a space or control character"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFiles")
  void aFileThatCannotBeReadIsRefusedNamingItsLine(String what, String toml, int line, String hint) throws IOException {
    Path file = write(toml);

    ConfigException refused = assertThrows(ConfigException.class, () -> ExampleServer.readConfig(file));

    assertEquals(file.toString(), refused.file());
    assertEquals(line, refused.line(), refused.getMessage());
    assertTrue(refused.getMessage().contains(hint), refused.getMessage());
  }

  static Stream<Arguments> unusableConfigurations() {
    return Stream.of(
        Arguments.of("a host in capitals, which requests never name", """
            [hosts."One.Test"]
            """, "host 'One.Test' has capital letters", "write 'one.test'"),
        Arguments.of("a module no catalog has", """
            modules_enabled = ["welcome", "chta"]
            [hosts."one.test"]
            """, "modules_enabled of the global section names module 'chta'", "its modules are [chat, "),
        Arguments.of("a disabled module no catalog has", """
            [hosts."one.test"]
            modules_disabled = ["legacy"]
            """, "modules_disabled of host 'one.test' names module 'legacy'", "does not have"),
        Arguments.of("an admin token that is no string", """
            admin_token = 42
            [hosts."one.test"]
            """, "admin_token must be a non-empty string", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableConfigurations")
  void aConfigurationTheServerCannotUseIsRefusedAtStart(String what, String toml, String hint, String advice)
      throws IOException {
    var config = ExampleServer.readConfig(write(toml));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ExampleServer.start(config, 0, 0, line -> {}));

    assertTrue(refused.getMessage().contains(hint), refused.getMessage());
    assertTrue(refused.getMessage().contains(advice), refused.getMessage());
  }

  /**
   * A host enables a module whose dependency it disables: the server starts, that module shows as
   * failed with dependency-disabled, an operator's load of it is refused with 409 and the reason,
   * and the host and the other hosts serve the rest.
   */
  @Test
  void aModuleWhoseDependencyIsDisabledShowsFailedAndTheRestServes() throws IOException {
    Path file = write("""
        modules_enabled = ["welcome"]

        [hosts."one.test"]
        modules_enabled = ["chat_page"]
        modules_disabled = ["chat"]

        [hosts."two.test"]
        modules_enabled = ["chat", "chat_page"]
        """);
    ExampleServer server = ExampleServer.start(ExampleServer.readConfig(file), 0, 0, line -> {});
    try {
      Reply hosts = Client.send("GET", server.adminUrl().resolve("/hosts"), null, server.adminToken(), null);
      assertTrue(hosts.body().contains("{\"module\":\"chat_page\",\"kind\":\"per-host\",\"state\":\"failed\""),
          hosts.body());
      assertTrue(hosts.body().contains("dependency-disabled"), hosts.body());
      Reply load = Client.send("POST", server.adminUrl().resolve("/hosts/one.test/modules/chat_page/load"), null,
          server.adminToken(), null);
      assertEquals(409, load.status());
      assertTrue(load.body().contains("\"error\":\"dependency-disabled\""), load.body());
      assertTrue(load.body().contains("remove 'chat' from modules_disabled"), load.body());
      assertEquals(200, Client.send("GET", server.url(), "one.test", null, null).status(), "welcome serves");
      assertEquals(200, Client.send("GET", server.url().resolve("/chat"), "two.test", null, null).status(),
          "the other host has its chat page");
    } finally {
      server.stop();
    }
  }

  private Path write(String toml) throws IOException {
    return Files.writeString(dir.resolve("server.toml"), toml);
  }
}
