package io.hostmod.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The server's configuration, shaped like Prosody's: a global section and one section per host,
 * each with {@code modules_enabled}, {@code modules_disabled} and free options.
 *
 * <p>A host's module set is computed as Prosody does: the modules the server always loads, plus
 * global {@code modules_enabled}, minus global {@code modules_disabled}, plus the host's {@code
 * modules_enabled}, minus the host's {@code modules_disabled}. An option is looked up on the host,
 * then in the global section.
 *
 * <p>Build one in code with {@link #builder()}, or read a TOML file with {@code hostmod-config}.
 * Option values are strings, booleans, whole numbers ({@code Long}), decimals ({@code Double}), or
 * lists of these.
 */
public final class ServerConfig {

  /** The option keys a section reserves for its module lists. */
  public static final String MODULES_ENABLED = "modules_enabled";

  public static final String MODULES_DISABLED = "modules_disabled";

  /**
   * One section: the global one or a host's.
   *
   * @param modulesEnabled modules to load, in order
   * @param modulesDisabled modules not to load, even if enabled in the global section
   * @param options free options, by key, in declaration order
   */
  public record Section(
      List<String> modulesEnabled, List<String> modulesDisabled, Map<String, Object> options) {

    private static final Section EMPTY = new Section(List.of(), List.of(), Map.of());

    public Section {
      modulesEnabled = List.copyOf(modulesEnabled);
      modulesDisabled = List.copyOf(modulesDisabled);
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
  }

  private final Section global;
  private final Map<String, Section> hosts;

  private ServerConfig(Section global, Map<String, Section> hosts) {
    this.global = global;
    this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
  }

  /** An empty configuration: no host, no module, no option. */
  public static ServerConfig empty() {
    return new ServerConfig(Section.EMPTY, Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  public Section global() {
    return global;
  }

  /** The configured hosts in declaration order, with their sections. */
  public Map<String, Section> hosts() {
    return hosts;
  }

  /** The host's section; an empty one for {@code "*"} or a host the configuration does not list. */
  public Section host(String host) {
    return hosts.getOrDefault(host, Section.EMPTY);
  }

  /**
   * The modules to load when the host is activated, in order: always-loaded, then global enabled,
   * then host enabled; global disabled and host disabled removed.
   */
  public List<String> modulesFor(String host, Collection<String> alwaysLoaded) {
    Section section = host(host);
    Set<String> modules = new LinkedHashSet<>(alwaysLoaded);
    modules.addAll(global.modulesEnabled());
    global.modulesDisabled().forEach(modules::remove);
    modules.addAll(section.modulesEnabled());
    section.modulesDisabled().forEach(modules::remove);
    return List.copyOf(modules);
  }

  /** Whether the module is disabled for the host, in its section or the global one. */
  public boolean isDisabled(String host, String module) {
    return host(host).modulesDisabled().contains(module)
        || (global.modulesDisabled().contains(module)
            && !host(host).modulesEnabled().contains(module));
  }

  /** An option's raw value: the host's, else the global one. */
  public Optional<Object> option(String host, String key) {
    Object value = host(host).options().get(key);
    return Optional.ofNullable(value != null ? value : global.options().get(key));
  }

  /**
   * This configuration with the host's section added, or replaced if the host is listed already
   * (it keeps its place then); the global section and the other hosts stay as they are. For a
   * server that creates hosts (tenants) at run time: {@code
   * manager.reconfigure(manager.config().withHost("c.example", c -> c.enable("muc")))}.
   *
   * @throws IllegalArgumentException as {@link Builder#host}: for {@code "*"}, an empty or
   *     malformed name, or a section the builder would refuse
   */
  public ServerConfig withHost(String host, Consumer<SectionBuilder> section) {
    SectionBuilder built = new SectionBuilder(checkedHost(host));
    section.accept(built);
    Map<String, Section> next = new LinkedHashMap<>(hosts);
    next.put(host, built.build());
    return new ServerConfig(global, next);
  }

  /** This configuration with the host listed, with an empty section; see {@link #withHost(String, Consumer)}. */
  public ServerConfig withHost(String host) {
    return withHost(host, section -> {});
  }

  /**
   * This configuration without the host's section; itself if it does not list the host. Removing
   * the last host gives a configuration that lists none, under which a manager lets any host be
   * activated: {@link ModuleManager#reconfigure} still deactivates a host that the configuration
   * it replaces listed.
   *
   * @throws IllegalArgumentException for {@code "*"}, or an empty or malformed name
   */
  public ServerConfig withoutHost(String host) {
    checkedHost(host);
    if (!hosts.containsKey(host)) {
      return this;
    }
    Map<String, Section> next = new LinkedHashMap<>(hosts);
    next.remove(host);
    return new ServerConfig(global, next);
  }

  /**
   * Checks a host name a section is declared for.
   *
   * @return how messages name its section: {@code host 'a.example'}
   * @throws IllegalArgumentException for {@code "*"}, or an empty or malformed name
   */
  private static String checkedHost(String host) {
    if (host == null || host.isEmpty() || host.equals(ModuleManager.GLOBAL)) {
      throw new IllegalArgumentException(
          "host name '" + host + "' is not allowed: name a real host; global settings go on the builder itself (the global section)");
    }
    String malformed = malformedHostName(host);
    if (malformed != null) {
      throw new IllegalArgumentException(malformed);
    }
    return "host '" + host + "'";
  }

  /**
   * What is wrong with a non-empty host name, or {@code null} if nothing is: a host name has no
   * whitespace and no control character (a sign of a name pasted with a space or a line break).
   */
  static String malformedHostName(String host) {
    int i = 0;
    // Printable ASCII other than the space is fine: most names are only that (checked on every
    // activation).
    while (i < host.length() && host.charAt(i) > ' ' && host.charAt(i) < 0x7f) {
      i++;
    }
    while (i < host.length()) {
      int c = host.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        return "host name '" + host.replaceAll("\\p{Cntrl}", "?") + "' has a space or control character"
            + String.format(" (U+%04X at index %d)", c, i) + "; write the host's domain name, like 'chat.example'";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** Where an option's value comes from, for messages: {@code host 'a.example'} or {@code the global section}. */
  String sourceOf(String host, String key) {
    return host(host).options().containsKey(key) ? "host '" + host + "'" : "the global section";
  }

  /** Builds a {@link ServerConfig}; the global section is built on the builder itself. */
  public static final class Builder {

    private final SectionBuilder global = new SectionBuilder("the global section");
    private final Map<String, SectionBuilder> hosts = new LinkedHashMap<>();

    private Builder() {}

    /** Adds to the global {@code modules_enabled}. */
    public Builder enable(String... modules) {
      global.enable(modules);
      return this;
    }

    /** Adds to the global {@code modules_disabled}. */
    public Builder disable(String... modules) {
      global.disable(modules);
      return this;
    }

    /** Sets a global option. */
    public Builder option(String key, Object value) {
      global.option(key, value);
      return this;
    }

    /**
     * Declares a host, and configures its section.
     *
     * @throws IllegalArgumentException if the host is declared twice, or is {@code "*"}
     */
    public Builder host(String host, Consumer<SectionBuilder> section) {
      SectionBuilder builder = new SectionBuilder(checkedHost(host));
      if (hosts.putIfAbsent(host, builder) != null) {
        throw new IllegalArgumentException("host '" + host + "' is declared twice; merge its sections");
      }
      section.accept(builder);
      return this;
    }

    /** Declares a host with an empty section. */
    public Builder host(String host) {
      return host(host, section -> {});
    }

    /**
     * Builds the configuration.
     */
    public ServerConfig build() {
      Map<String, Section> built = new LinkedHashMap<>();
      hosts.forEach((host, section) -> built.put(host, section.build()));
      return new ServerConfig(global.build(), built);
    }
  }

  /** Builds one section. */
  public static final class SectionBuilder {

    private final String where;
    private final List<String> enabled = new ArrayList<>();
    private final List<String> disabled = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();

    private SectionBuilder(String where) {
      this.where = where;
    }

    /**
     * Adds to this section's {@code modules_enabled}.
     *
     * @throws IllegalArgumentException for an empty name, or a module this section disables
     */
    public SectionBuilder enable(String... modules) {
      enabled.addAll(moduleNames(modules, disabled));
      return this;
    }

    /**
     * Adds to this section's {@code modules_disabled}.
     *
     * @throws IllegalArgumentException for an empty name, or a module this section enables
     */
    public SectionBuilder disable(String... modules) {
      disabled.addAll(moduleNames(modules, enabled));
      return this;
    }

    /**
     * Sets an option.
     *
     * @throws IllegalArgumentException for a reserved key, or a value that is not a string,
     *     boolean, number or list of these
     */
    public SectionBuilder option(String key, Object value) {
      if (key == null || key.isEmpty() || key.equals(MODULES_ENABLED) || key.equals(MODULES_DISABLED)) {
        throw new IllegalArgumentException(
            "option key '" + key + "' in " + where + " is empty or reserved; use enable/disable for module lists");
      }
      options.put(key, OptionValues.normalize(value, key, where));
      return this;
    }

    private List<String> moduleNames(String[] modules, List<String> other) {
      for (String module : modules) {
        if (module == null || module.isEmpty()) {
          throw new IllegalArgumentException("an empty module name in " + where);
        }
        if (other.contains(module)) {
          throw new IllegalArgumentException(
              "module '" + module + "' is both enabled and disabled in " + where + "; keep one");
        }
      }
      return List.of(modules);
    }

    private Section build() {
      return new Section(enabled, disabled, options);
    }
  }
}
