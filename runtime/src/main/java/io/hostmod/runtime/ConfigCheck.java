package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with a configuration, checked against the installed modules before a reconfigure
 * applies it: every problem, each naming its section (host) and key, in a stable order. What
 * {@link ServerConfig.Builder} refuses already (a module both enabled and disabled in one section,
 * a malformed host name, a value of no option type) cannot reach it.
 */
final class ConfigCheck {

  private final ServerConfig config;
  private final Bindings bindings;
  private final Set<String> problems = new LinkedHashSet<>();

  private ConfigCheck(ServerConfig config, Bindings bindings) {
    this.config = config;
    this.bindings = bindings;
  }

  /**
   * The problems of {@code config}: unknown module names in the module lists, option values of
   * a type a module declaring the key cannot read, and, for each host in {@code hosts}, a module
   * of its set that misses a required option or depends on a module disabled where it loads.
   */
  static List<String> problems(
      ServerConfig config, Bindings bindings, List<String> alwaysLoaded, Collection<String> hosts) {
    ConfigCheck check = new ConfigCheck(config, bindings);
    check.section("the global section", config.global());
    config.hosts().forEach((host, section) -> check.section("host '" + host + "'", section));
    for (String host : hosts) {
      for (String module : config.modulesFor(host, alwaysLoaded)) {
        if (bindings.names().contains(module)) {
          check.moduleOn(host, bindings.named(module));
        }
      }
    }
    return new ArrayList<>(check.problems);
  }

  private void section(String where, ServerConfig.Section section) {
    moduleNames(where, ServerConfig.MODULES_ENABLED, section.modulesEnabled());
    moduleNames(where, ServerConfig.MODULES_DISABLED, section.modulesDisabled());
    for (Map.Entry<String, Object> option : section.options().entrySet()) {
      for (String module : bindings.names()) {
        for (ModuleOption declared : bindings.named(module).options()) {
          if (declared.key().equals(option.getKey()) && !readable(option.getValue(), declared)) {
            problems.add(where + " option '" + option.getKey() + "': " + OptionValues.describe(option.getValue())
                + " cannot be read as " + typeOf(declared) + ", as module '" + module + "' reads it");
          }
        }
      }
    }
  }

  private void moduleNames(String where, String key, List<String> modules) {
    for (String module : modules) {
      if (!bindings.names().contains(module)) {
        problems.add(where + " " + key + ": no module '" + module + "' is installed");
      }
    }
  }

  /** A module of a host's set: its required options where it reads them, its dependencies where they load. */
  private void moduleOn(String host, ModuleBinding<?> binding) {
    String home = binding.kind() == ModuleKind.PER_HOST ? host : ModuleManager.GLOBAL;
    for (ModuleOption declared : binding.options()) {
      if (declared.required() && config.option(home, declared.key()).isEmpty()) {
        problems.add(sectionOf(home) + " option '" + declared.key() + "': module '" + binding.name()
            + "', which host '" + host + "' loads, requires it (" + typeOf(declared) + ")");
      }
    }
    for (String dependency : binding.dependencies()) {
      if (!bindings.names().contains(dependency)) {
        continue; // a catalog's problem, not the configuration's: the load says module-not-found
      }
      if (config.isDisabled(home, dependency)) {
        String where = config.host(home).modulesDisabled().contains(dependency) ? sectionOf(home) : "the global section";
        problems.add(where + " " + ServerConfig.MODULES_DISABLED + ": module '" + binding.name()
            + "', which host '" + host + "' loads, depends on '" + dependency + "', disabled there");
      } else {
        moduleOn(home, bindings.named(dependency));
      }
    }
  }

  private String sectionOf(String host) {
    return host.equals(ModuleManager.GLOBAL) || !config.hosts().containsKey(host)
        ? "the global section"
        : "host '" + host + "'";
  }

  private static boolean readable(Object value, ModuleOption declared) {
    if (!declared.list()) {
      return OptionValues.convert(value, declared.type()) != null;
    }
    for (Object item : value instanceof List<?> list ? list : List.of(value)) {
      if (OptionValues.convert(item, declared.type()) == null) {
        return false;
      }
    }
    return true;
  }

  private static String typeOf(ModuleOption declared) {
    return (declared.list() ? "a list of " : "") + declared.type().getSimpleName();
  }
}
