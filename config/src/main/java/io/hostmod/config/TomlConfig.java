package io.hostmod.config;

import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads a {@link ServerConfig} from TOML. Top-level keys are the global section; each host is a
 * table under {@code hosts}:
 *
 * <pre>{@code
 * modules_enabled = ["request_metrics", "chat"]
 * history_limit = 50
 *
 * [hosts."chat.example"]
 * modules_enabled = ["welcome"]
 * welcome_text = "Hello!"
 * }</pre>
 *
 * <p>{@code modules_enabled} and {@code modules_disabled} are lists of module names; every other
 * key is an option (a string, boolean, number, or a list of these). When the known option keys are
 * given, any other key is rejected, so a misspelt option is an error rather than silently unused.
 * Every error names the file, the line and the key.
 *
 * <p>Reloading the file while the server runs is reading it again and handing the result to the
 * manager, which checks it whole and applies only what changed (or, if it has a problem, throws
 * {@code bad-config} and changes nothing):
 *
 * <pre>{@code
 * manager.reconfigure(TomlConfig.read(file, manager.optionKeys()));
 * }</pre>
 */
public final class TomlConfig {

  private static final String HOSTS = "hosts";

  private final String file;
  private final TomlParseResult toml;
  private final Set<String> knownOptions;

  private TomlConfig(String file, TomlParseResult toml, Set<String> knownOptions) {
    this.file = file;
    this.toml = toml;
    this.knownOptions = knownOptions;
  }

  /** Reads a file, accepting any option key. */
  public static ServerConfig read(Path file) {
    return read(file, null);
  }

  /**
   * Reads a file.
   *
   * @param knownOptions the option keys modules read; {@code null} to accept any key
   * @throws ConfigException if the file cannot be read or is not a valid configuration
   */
  public static ServerConfig read(Path file, Set<String> knownOptions) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, null, "cannot be read (" + e + ")");
    }
    return parse(text, file.toString(), knownOptions);
  }

  /**
   * Parses configuration text.
   *
   * @param source the name to use in messages, such as the file name
   * @param knownOptions the option keys modules read; {@code null} to accept any key
   * @throws ConfigException if the text is not a valid configuration
   */
  public static ServerConfig parse(String text, String source, Set<String> knownOptions) {
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      // The parser gives the line only: show what is written there, which names the key.
      TomlParseError error = toml.errors().get(0);
      int line = error.position().line();
      String written = line < 1 ? "" : text.lines().skip(line - 1L).findFirst().orElse("").strip();
      throw new ConfigException(source, line, null, "is not valid TOML: " + error.getMessage()
          + (written.isEmpty() ? "" : "; the line reads: " + written));
    }
    return new TomlConfig(source, toml, knownOptions).toConfig();
  }

  private ServerConfig toConfig() {
    ServerConfig.Builder config = ServerConfig.builder();
    for (String key : toml.keySet()) {
      if (!key.equals(HOSTS)) {
        List<String> path = List.of(key);
        at(path, () -> {
          switch (key) {
            case ServerConfig.MODULES_ENABLED -> config.enable(moduleNames(path));
            case ServerConfig.MODULES_DISABLED -> config.disable(moduleNames(path));
            default -> config.option(key, option(path));
          }
        });
      }
    }
    if (toml.contains(HOSTS)) {
      TomlTable hosts = table(List.of(HOSTS));
      Map<String, String> byLowerCase = new HashMap<>();
      for (String host : hosts.keySet()) {
        List<String> hostPath = List.of(HOSTS, host);
        TomlTable section = table(hostPath);
        if (host.equals(ModuleManager.GLOBAL)) {
          throw error(hostPath, "is the global host; its settings are the top-level keys of the file,"
              + " before any [hosts.\"name\"] table");
        }
        String sameHost = byLowerCase.putIfAbsent(host.toLowerCase(Locale.ROOT), host);
        if (sameHost != null) {
          throw error(hostPath, "names the same host as [hosts.\"" + sameHost + "\"] (host names differ"
              + " only in case); keep one section, in lower case");
        }
        at(hostPath, () -> config.host(host, builder -> {
          for (String key : section.keySet()) {
            List<String> path = List.of(HOSTS, host, key);
            at(path, () -> {
              switch (key) {
                case ServerConfig.MODULES_ENABLED -> builder.enable(moduleNames(path));
                case ServerConfig.MODULES_DISABLED -> builder.disable(moduleNames(path));
                default -> builder.option(key, option(path));
              }
            });
          }
        }));
      }
    }
    return config.build();
  }

  private TomlTable table(List<String> path) {
    Object value = toml.get(path);
    if (!(value instanceof TomlTable table)) {
      throw error(path, "must be a table, like [" + String.join(".", quoted(path)) + "]");
    }
    return table;
  }

  private String[] moduleNames(List<String> path) {
    Object value = toml.get(path);
    List<String> names = new ArrayList<>();
    if (value instanceof TomlArray array) {
      for (Object item : array.toList()) {
        if (!(item instanceof String name) || name.isEmpty()) {
          throw error(path, "must list module names as strings, like [\"chat\", \"welcome\"]; found " + item);
        }
        names.add(name);
      }
      return names.toArray(new String[0]);
    }
    throw error(path, "must be a list of module names, like [\"chat\", \"welcome\"]");
  }

  private Object option(List<String> path) {
    String key = path.get(path.size() - 1);
    if (knownOptions != null && !knownOptions.contains(key)) {
      throw error(path, "is not an option any module reads; check the spelling (known options: " + knownOptions + ")");
    }
    Object value = toml.get(path);
    if (value instanceof TomlTable || (value instanceof TomlArray array && hasTable(array))) {
      throw error(path, (value instanceof TomlTable ? "is a table" : "is a list of tables")
          + ", but options are strings, booleans, numbers or lists of these"
          + (path.size() == 1 ? "; hosts go under [hosts.\"name\"]" : ""));
    }
    return value instanceof TomlArray array ? list(array) : value;
  }

  private static boolean hasTable(TomlArray array) {
    return IntStream.range(0, array.size()).anyMatch(array::isTable);
  }

  /** An array as a list, nested arrays as lists too, so that options reject them as such. */
  private static List<Object> list(TomlArray array) {
    List<Object> items = new ArrayList<>();
    for (Object item : array.toList()) {
      items.add(item instanceof TomlArray nested ? list(nested) : item);
    }
    return items;
  }

  /** Runs a step of building, and turns the builder's complaint into an error at that key. */
  private void at(List<String> path, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException problem) {
      throw error(path, problem.getMessage());
    }
  }

  private ConfigException error(List<String> path, String problem) {
    TomlPosition position = toml.inputPositionOf(path);
    return new ConfigException(file, position == null ? 0 : position.line(), String.join(".", quoted(path)), problem);
  }

  private static List<String> quoted(List<String> path) {
    List<String> parts = new ArrayList<>();
    for (String part : path) {
      parts.add(part.matches("[A-Za-z0-9_-]+") ? part : "\"" + escaped(part) + "\"");
    }
    return parts;
  }

  /** A key as TOML writes it between quotes, so that a message stays on one line. */
  private static String escaped(String key) {
    StringBuilder text = new StringBuilder();
    for (char c : key.toCharArray()) {
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\t' -> text.append("\\t");
        case '\r' -> text.append("\\r");
        default -> {
          if (Character.isISOControl(c)) {
            text.append(String.format("\\u%04X", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.toString();
  }
}
