package io.hostmod.examples;

import io.hostmod.config.ConfigException;
import io.hostmod.runtime.ConfigChanges;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin API's {@code POST /config/reload}: reads the server's configuration file again ({@link
 * ExampleServer#readConfig}), checks it as the server does at start ({@link
 * ExampleServer#problems}), and applies it with {@link ModuleManager#reconfigure}, which checks it
 * against the modules and then changes only what differs: hosts activated and deactivated, modules
 * loaded and unloaded, options taken in place or by a reload.
 *
 * <p>A file that cannot be used changes nothing: the answer is {@code 400 bad-config} with every
 * problem found. hostmod-config stops at the first problem of the file itself (not TOML, a
 * misspelt key); the checks after it (no host, a host in capitals, an unknown module, an option
 * value of the wrong type, a required option missing, ...) list every problem. {@code admin_token}
 * is read at start only: a reload checks it but keeps the token the server started with.
 */
final class ConfigReload {

  /** A reload that changed nothing: the status to answer, the error code, a message listing every problem. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    Refused(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  /** The code of a server started on its embedded configuration, which has no file to read again. */
  static final String NO_CONFIG_FILE = "no-config-file";

  private final ModuleManager modules;
  private final Path file;

  /** @param file the configuration file the server started on; {@code null} for the embedded default */
  ConfigReload(ModuleManager modules, Path file) {
    this.modules = modules;
    this.file = file;
  }

  /** The file a reload reads, or {@code null} when the server runs on the embedded default. */
  Path file() {
    return file;
  }

  /**
   * Reads the file and applies it. Reloads run one at a time, so the last file read is the last
   * one applied.
   *
   * @return what changed, and what failed while applying (every other change was applied)
   * @throws Refused {@code 409 no-config-file} without a file; {@code 400 bad-config} for a file
   *     that cannot be read or used; the status of a {@link ModuleException} otherwise ({@code
   *     409 module-busy})
   */
  synchronized ConfigChanges run() throws Refused {
    if (file == null) {
      throw new Refused(409, NO_CONFIG_FILE, "the server runs on its embedded default configuration, so there is"
          + " no file to read again; start it with --config file.toml to reload that file");
    }
    ServerConfig next;
    try {
      next = ExampleServer.readConfig(file);
    } catch (ConfigException unusable) {
      throw new Refused(400, ModuleException.BAD_CONFIG, unusable.getMessage() + "; nothing was changed");
    }
    List<String> problems = ExampleServer.problems(next);
    if (!problems.isEmpty()) {
      throw new Refused(400, ModuleException.BAD_CONFIG, file + " has " + problems.size()
          + (problems.size() == 1 ? " problem" : " problems") + ", so nothing was changed:\n  "
          + String.join("\n  ", problems));
    }
    try {
      return modules.reconfigure(next);
    } catch (ModuleException refused) {
      String message = refused.code().equals(ModuleException.BAD_CONFIG)
          ? file + ": " + refused.getMessage() : refused.getMessage();
      throw new Refused(AdminApi.statusOf(refused), refused.code(), message);
    }
  }

  /**
   * What a reload changed, as the admin API answers it: {@code {"file": ..., "activated": [...],
   * "deactivated": [...], "modules": {host: {"loaded", "unloaded", "reconfigured", "reloaded"}},
   * "failures": [{"error", "host", "module", "message"}]}}.
   */
  String json(ConfigChanges changes) {
    String modulesJson = changes.modules().entrySet().stream()
        .map(host -> Escape.json(host.getKey()) + ":{\"loaded\":" + list(host.getValue().loaded())
            + ",\"unloaded\":" + list(host.getValue().unloaded())
            + ",\"reconfigured\":" + list(host.getValue().reconfigured())
            + ",\"reloaded\":" + list(host.getValue().reloaded()) + "}")
        .collect(Collectors.joining(","));
    String failures = changes.failures().stream()
        .map(f -> "{\"error\":" + Escape.json(f.code()) + ",\"host\":" + nullable(f.host())
            + ",\"module\":" + nullable(f.module()) + ",\"message\":" + Escape.json(f.getMessage()) + "}")
        .collect(Collectors.joining(","));
    return "{\"file\":" + Escape.json(String.valueOf(file)) + ",\"activated\":" + list(changes.hostsActivated())
        + ",\"deactivated\":" + list(changes.hostsDeactivated()) + ",\"modules\":{" + modulesJson + "}"
        + ",\"failures\":[" + failures + "]}\n";
  }

  /**
   * What a reload changed, for the console, a line each: {@code activated c.test}, {@code
   * deactivated b.test}, {@code on team.test: reconfigured chat; loaded greeter}, then the
   * failures; or {@code nothing changed}.
   */
  static String summary(ConfigChanges changes) {
    List<String> said = new ArrayList<>();
    if (!changes.hostsActivated().isEmpty()) {
      said.add("activated " + String.join(", ", changes.hostsActivated()));
    }
    if (!changes.hostsDeactivated().isEmpty()) {
      said.add("deactivated " + String.join(", ", changes.hostsDeactivated()));
    }
    for (Map.Entry<String, ConfigChanges.HostChanges> host : changes.modules().entrySet()) {
      // In the order reconfigure applies them.
      ConfigChanges.HostChanges on = host.getValue();
      List<String> done = new ArrayList<>();
      said(done, "unloaded", on.unloaded());
      said(done, "reconfigured", on.reconfigured());
      said(done, "reloaded", on.reloaded());
      said(done, "loaded", on.loaded());
      said.add("on " + host.getKey() + ": " + String.join("; ", done));
    }
    String text = said.isEmpty() ? "nothing changed" : String.join("\n", said);
    if (changes.failures().isEmpty()) {
      return text;
    }
    return text + "\n" + changes.failures().size() + (changes.failures().size() == 1 ? " failure" : " failures")
        + " (every other change was applied):\n  " + changes.failures().stream()
            .map(f -> f.code() + ": " + f.getMessage()).collect(Collectors.joining("\n  "));
  }

  private static void said(List<String> done, String verb, List<String> modules) {
    if (!modules.isEmpty()) {
      done.add(verb + " " + String.join(", ", modules));
    }
  }

  private static String list(List<String> names) {
    return "[" + names.stream().map(Escape::json).collect(Collectors.joining(",")) + "]";
  }

  private static String nullable(String text) {
    return text == null ? "null" : Escape.json(text);
  }
}
