package io.hostmod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ConfigChanges;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a server configuration from TOML: the global section and one section per host, each
 * with its module lists and options; and every way a file can be wrong, each error naming the
 * file, the line and the key.
 */
class TomlConfigTest {

  private static final String FILE = "hostmod.toml";
  private static final Set<String> KNOWN = Set.of("history_limit", "welcome_text");

  @Test
  void validFileParsesIntoTheGlobalSectionAndOneSectionPerHost() {
    ServerConfig config =
        TomlConfig.parse(
            """
            modules_enabled = ["roster", "chat"]
            modules_disabled = ["legacy_auth"]
            history_limit = 50
            welcome_text = "Hello!"
            rate_per_second = 1.5
            registration_open = true
            admins = ["juliet@a.example", "romeo@a.example"]

            [hosts."a.example"]
            modules_enabled = ["welcome"]
            modules_disabled = ["chat"]
            history_limit = 10

            [hosts.b]
            """,
            FILE,
            null);

    ServerConfig.Section global = config.global();
    assertEquals(List.of("roster", "chat"), global.modulesEnabled());
    assertEquals(List.of("legacy_auth"), global.modulesDisabled());
    assertEquals(
        List.of("history_limit", "welcome_text", "rate_per_second", "registration_open", "admins"),
        List.copyOf(global.options().keySet()));
    assertEquals(
        Map.of(
            "history_limit", 50L,
            "welcome_text", "Hello!",
            "rate_per_second", 1.5,
            "registration_open", true,
            "admins", List.of("juliet@a.example", "romeo@a.example")),
        global.options());
    assertEquals(List.of("a.example", "b"), List.copyOf(config.hosts().keySet()));
    ServerConfig.Section host = config.hosts().get("a.example");
    assertEquals(List.of("welcome"), host.modulesEnabled());
    assertEquals(List.of("chat"), host.modulesDisabled());
    assertEquals(Map.of("history_limit", 10L), host.options());
    assertEquals(new ServerConfig.Section(List.of(), List.of(), Map.of()), config.hosts().get("b"));
    assertEquals(List.of("roster", "welcome"), config.modulesFor("a.example", List.of()));
    assertEquals(Optional.of(10L), config.option("a.example", "history_limit"));
    assertEquals(Optional.of(50L), config.option("b", "history_limit"));
  }

  @Test
  void knownOptionKeysAreAccepted() {
    ServerConfig config =
        TomlConfig.parse(
            """
            modules_enabled = ["welcome"]
            history_limit = 50
            [hosts.a]
            welcome_text = "Hi"
            """,
            FILE,
            KNOWN);

    assertEquals(Optional.of("Hi"), config.option("a", "welcome_text"));
  }

  @Test
  void readsAFile(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve(FILE), "history_limit = 5\n[hosts.a]\n");

    ServerConfig config = TomlConfig.read(file, KNOWN);

    assertEquals(Set.of("a"), config.hosts().keySet());
    assertEquals(Optional.of(5L), config.option("a", "history_limit"));
  }

  @Test
  void readingTheFileAgainGivesTheNewConfigurationWhichAManagerApplies(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve(FILE), "history_limit = 5\n[hosts.a]\n[hosts.b]\n");
    ServerConfig first = TomlConfig.read(file, KNOWN);
    ModuleManager manager = ModuleManager.builder().config(first).build();
    manager.activateHost("a");
    manager.activateHost("b");
    Files.writeString(file, "history_limit = 7\n[hosts.a]\n[hosts.c]\nhistory_limit = 9\n");

    ServerConfig again = TomlConfig.read(file, KNOWN);
    ConfigChanges changes = manager.reconfigure(again);

    assertEquals(Optional.of(5L), first.option("b", "history_limit"), "the first reading stays as it was");
    assertEquals(Set.of("a", "c"), again.hosts().keySet());
    assertEquals(Optional.of(9L), again.option("c", "history_limit"));
    assertEquals(Optional.of(7L), manager.config().option("a", "history_limit"));
    assertEquals(Set.of("*", "a", "c"), manager.activeHosts());
    assertEquals(List.of("c"), changes.hostsActivated());
    assertEquals(List.of("b"), changes.hostsDeactivated());
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        invalid(
            "not valid TOML",
            """
            modules_enabled = ["chat"]
            history_limit = 50x
            """,
            2,
            null,
            "is not valid TOML",
            "the line reads: history_limit = 50x"),
        invalid(
            "duplicate host sections",
            """
            [hosts."a.example"]
            history_limit = 1

            [hosts."a.example"]
            welcome_text = "Hi"
            """,
            4,
            null,
            "hosts.\"a.example\" previously defined at line 1"),
        invalid(
            "modules_enabled that is no list",
            """
            modules_enabled = "chat"
            """,
            1,
            "modules_enabled",
            "must be a list of module names"),
        invalid(
            "modules_enabled that lists a number",
            """
            [hosts."a.example"]

            modules_enabled = ["chat", 3]
            """,
            3,
            "hosts.\"a.example\".modules_enabled",
            "as strings",
            "found 3"),
        invalid(
            "modules_disabled that lists an empty name",
            """
            modules_disabled = [""]
            """,
            1,
            "modules_disabled",
            "as strings"),
        invalid(
            "a module enabled and disabled in the global section",
            """
            modules_enabled = ["chat"]
            modules_disabled = ["chat"]
            """,
            2,
            "modules_disabled",
            "'chat' is both enabled and disabled in the global section"),
        invalid(
            "a module enabled and disabled in a host section",
            """
            [hosts.a]
            modules_disabled = ["chat"]
            modules_enabled = ["roster", "chat"]
            """,
            3,
            "hosts.a.modules_enabled",
            "'chat' is both enabled and disabled in host 'a'"),
        invalid(
            "an option that is a table",
            """
            history_limit = 5
            [limits]
            history = 5
            """,
            2,
            "limits",
            "is a table",
            "hosts go under [hosts.\"name\"]"),
        invalid(
            "an option of a host that is a table",
            """
            [hosts.a]
            history_limit = 5
            [hosts.a.limits]
            history = 5
            """,
            3,
            "hosts.a.limits",
            "is a table"),
        invalid(
            "an option that is an inline table",
            """
            limits = { history = 5 }
            """,
            1,
            "limits",
            "is a table"),
        invalid(
            "an option that is a list of tables",
            """
            [[admins]]
            name = "juliet"
            """,
            1,
            "admins",
            "is a list of tables"),
        invalid(
            "an option that is a list with a table in it",
            """
            [hosts.a]
            admins = ["juliet", { name = "romeo" }]
            """,
            2,
            "hosts.a.admins",
            "is a list of tables"),
        invalid(
            "an option that is a list of lists",
            """
            admins = [["juliet"], ["romeo"]]
            """,
            1,
            "admins",
            "list of lists"),
        invalid(
            "an option that is a date",
            """
            [hosts.a]
            opened = 2024-01-01
            """,
            2,
            "hosts.a.opened",
            "use a string, boolean, number, or a list of these"),
        invalid(
            "hosts that is no table",
            """
            hosts = ["a.example"]
            """,
            1,
            "hosts",
            "must be a table"),
        invalid(
            "a host section that is no table",
            """
            [hosts]
            a = 1
            """,
            2,
            "hosts.a",
            "must be a table"),
        invalid(
            "the same host twice, in two cases",
            """
            [hosts."chat.example"]
            history_limit = 1

            [hosts."Chat.Example"]
            history_limit = 2
            """,
            4,
            "hosts.\"Chat.Example\"",
            "names the same host as [hosts.\"chat.example\"]",
            "keep one section"),
        invalid(
            "a section for the global host",
            """
            [hosts."*"]
            history_limit = 1
            """,
            1,
            "hosts.\"*\"",
            "is the global host",
            "top-level keys"),
        invalid(
            "an empty host name",
            """
            [hosts.""]
            history_limit = 1
            """,
            1,
            "hosts.\"\"",
            "name a real host"),
        invalid(
            "a host name with a space",
            """
            [hosts."chat .example"]
            history_limit = 1
            """,
            1,
            "hosts.\"chat .example\"",
            "has a space or control character (U+0020 at index 4)"),
        invalid(
            "a host name with a line break",
            """
            [hosts."chat.example\\n"]
            history_limit = 1
            """,
            1,
            "hosts.\"chat.example\\n\"",
            "has a space or control character (U+000A"),
        invalid(
            "an option that is a boolean where a list of modules belongs, in a host",
            """
            [hosts.a]
            modules_disabled = true
            """,
            2,
            "hosts.a.modules_disabled",
            "must be a list of module names"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void invalidFileIsRejectedNamingTheFileTheLineAndTheKey(
      String problem, String text, int line, String key, List<String> hints) {
    ConfigException failure =
        assertThrows(ConfigException.class, () -> TomlConfig.parse(text, FILE, null));

    assertError(failure, FILE, line, key, hints);
  }

  static Stream<Arguments> unknownOptionKeys() {
    return Stream.of(
        invalid("in the global section", "histroy_limit = 5\n", 1, "histroy_limit"),
        invalid(
            "in a host section",
            """
            [hosts."a.example"]
            history_limit = 5

            welcome_txt = "Hi"
            """,
            4,
            "hosts.\"a.example\".welcome_txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownOptionKeys")
  void unknownOptionKeyIsRejectedWhenTheKnownKeysAreGiven(
      String where, String text, int line, String key, List<String> hints) {
    ConfigException failure =
        assertThrows(ConfigException.class, () -> TomlConfig.parse(text, FILE, KNOWN));

    assertError(failure, FILE, line, key, List.of("is not an option any module reads", "history_limit"));
    // Without known keys, any key is an option.
    TomlConfig.parse(text, FILE, null);
  }

  @Test
  void errorInAFileNamesItsPath(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve(FILE), "\nmodules_enabled = 5\n");

    ConfigException failure = assertThrows(ConfigException.class, () -> TomlConfig.read(file));

    assertError(failure, file.toString(), 2, "modules_enabled", List.of("must be a list"));
  }

  @Test
  void fileThatCannotBeReadIsNamed(@TempDir Path directory) {
    Path missing = directory.resolve("missing.toml");

    ConfigException failure = assertThrows(ConfigException.class, () -> TomlConfig.read(missing));

    assertEquals(missing.toString(), failure.file());
    assertEquals(0, failure.line());
    assertNull(failure.key());
    assertTrue(failure.getMessage().startsWith(missing + ": cannot be read"), failure::getMessage);
  }

  private static Arguments invalid(String problem, String text, int line, String key, String... hints) {
    return Arguments.of(problem, text, line, key, List.of(hints));
  }

  /** Checks the file, line and key, that the message starts with them, and names each hint. */
  private static void assertError(
      ConfigException failure, String file, int line, String key, List<String> hints) {
    String message = failure.getMessage();
    assertEquals(file, failure.file(), message);
    assertEquals(line, failure.line(), message);
    assertEquals(key, failure.key(), message);
    String where = file + ":" + line + ": " + (key == null ? "" : key + ": ");
    assertTrue(message.startsWith(where), () -> "'" + message + "' should start with " + where);
    for (String hint : hints) {
      assertTrue(message.contains(hint), () -> "'" + message + "' should say " + hint);
    }
  }
}
