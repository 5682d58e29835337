package io.hostmod.examples;

import io.hostmod.config.ConfigException;
import io.hostmod.config.TomlConfig;
import io.hostmod.micrometer.HostmodMetrics;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleStatus;
import io.hostmod.runtime.Registration;
import io.hostmod.runtime.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The example server: virtual hosts served over HTTP on 127.0.0.1, each answering with the routes
 * of the modules loaded on it, and an admin API and console on a second loopback port to load,
 * unload and reload modules and to activate and deactivate hosts while it runs, and its metrics in
 * Prometheus text ({@code GET /metrics} there): the manager's figures ({@link HostmodMetrics#bind})
 * and the meters its modules register ({@link RequestMetricsModule}).
 *
 * <p>Each port is its own Jetty server with its own threads and {@link HttpLimits} (timeouts for a
 * request's head and body and for an idle connection, a connection limit): a client that stalls
 * holds no thread, and nothing done to the public port keeps the admin port from answering.
 *
 * <pre>
 * mvn -B -q -pl examples -am package exec:java -DskipTests -Dexec.args="--port 8080 --admin-port 8081 --config my.toml"
 * </pre>
 *
 * <p>Without {@code --config} it uses its embedded {@code default-config.toml}: three hosts.
 * With it, the admin API's {@code POST /config/reload} reads the file again and applies what
 * changed ({@link ConfigReload}). Port 0 picks a free port. Ctrl-C deactivates every host and
 * unloads every module, dependents first, before the process ends.
 */
public final class ExampleServer {

  /** The option (global section) that sets the admin token; unset, one is generated. */
  public static final String ADMIN_TOKEN = "admin_token";

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_ADMIN_PORT = 8081;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private static final String USAGE = "usage: ExampleServer [--config file.toml] [--port 8080] [--admin-port 8081]"
      + " [--modules dir]   (port 0: a free port; module jars from dir, else examples/modules or modules)";

  private final Consumer<String> log;
  private final ModuleManager modules;
  private final String adminToken;
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Registration metricsBinding;
  private final Gate gate = new Gate();
  private final HttpListener http;
  private final HttpListener admin;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private final Path moduleDirectory;

  private ExampleServer(ServerConfig config, Path configFile, Path moduleDirectory, int port, int adminPort,
      Consumer<String> log, HttpLimits httpLimits, HttpLimits adminLimits) throws IOException {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.log = log;
    this.adminToken = adminToken(config);
    this.moduleDirectory = moduleDirectory;
    boolean moduleJars = moduleDirectory != null && Files.isDirectory(moduleDirectory);
    ModuleManager.Builder builder = ModuleManager.builder().config(config).discoverCatalogs();
    if (moduleJars) {
      builder.moduleDirectory(moduleDirectory);   // its *.jar; reloading a module runs its jar's code now
    }
    this.modules = builder.build();
    checkModuleNames(config, modules.moduleNames(), moduleDirectory);
    // Before any host is activated: the lifecycle figures from the first load on, and the registry
    // for a module that asks for it (RequestMetricsModule's @Load).
    this.metricsBinding = HostmodMetrics.bind(modules, metrics);
    modules.hook(ModuleManager.GLOBAL, RequestMetricsModule.REGISTRY, 0,
        event -> event.data(RequestMetricsModule.RegistryRequest.class).answer(metrics));
    this.http = new HttpListener("http", port, "--port", httpLimits, gate.wrap(new HostRouter(modules, log)));
    HttpListener adminListener = null;
    try {
      adminListener = new HttpListener("admin", adminPort, "--admin-port", adminLimits,
          gate.wrap(exchange -> adminApi.answer(exchange)));
    } catch (IOException | RuntimeException failure) {
      http.stop();
      throw failure;
    }
    this.admin = adminListener;
    this.adminApi = new AdminApi(modules, moduleJars,
        new ConfigReload(modules, configFile), adminToken, adminUrl().toString(),
        metrics::scrape);
  }

  /** Set once the admin port is bound (it names its own address); read only by requests after start. */
  private AdminApi adminApi;

  /**
   * Starts a server: activates every configured host (loading its modules), then serves them.
   *
   * @param port the HTTP port on 127.0.0.1; 0 for a free one
   * @param adminPort the admin API's port on 127.0.0.1; 0 for a free one
   * @throws BindException if a port is taken
   */
  public static ExampleServer start(ServerConfig config, int port, int adminPort) throws IOException {
    return start(config, port, adminPort, ExampleServer::print);
  }

  /**
   * Starts a server on a configuration file ({@link #readConfig}), which {@code POST /config/reload}
   * reads again; {@code null} for the embedded default, which it cannot.
   *
   * @throws ConfigException if the file cannot be read or used
   */
  public static ExampleServer start(Path configFile, int port, int adminPort, Consumer<String> log) throws IOException {
    return start(configFile, defaultModuleDirectory(), port, adminPort, log);
  }

  /**
   * Starts a server on a configuration file (or {@code null}), reading module jars from {@code
   * moduleDirectory} ({@code null}, or a directory that does not exist: none).
   */
  public static ExampleServer start(Path configFile, Path moduleDirectory, int port, int adminPort,
      Consumer<String> log) throws IOException {
    return start(readConfig(configFile), configFile, moduleDirectory, port, adminPort, log,
        HttpLimits.publicDefaults(), HttpLimits.adminDefaults());
  }

  /** Starts a server on a configuration, reading module jars from {@code moduleDirectory}. */
  public static ExampleServer start(ServerConfig config, Path moduleDirectory, int port, int adminPort,
      Consumer<String> log) throws IOException {
    return start(config, null, moduleDirectory, port, adminPort, log, HttpLimits.publicDefaults(),
        HttpLimits.adminDefaults());
  }

  /**
   * Where module jars are read from without {@code --modules}: {@code examples/modules} (the
   * README's command runs from the repository's root), else {@code modules} (from {@code
   * examples/}, as its tests run). {@code examples-guestbook}'s build writes its jar there.
   */
  public static Path defaultModuleDirectory() {
    Path fromRoot = Path.of("examples", "modules");
    return Files.isDirectory(fromRoot) ? fromRoot : Path.of("modules");
  }

  /** Starts a server that writes its log lines (modules loaded and unloaded, ...) to {@code log}. */
  public static ExampleServer start(ServerConfig config, int port, int adminPort, Consumer<String> log)
      throws IOException {
    return start(config, port, adminPort, log, HttpLimits.publicDefaults(), HttpLimits.adminDefaults());
  }

  /** Starts a server whose public and admin ports allow what {@code httpLimits} and {@code adminLimits} say. */
  public static ExampleServer start(ServerConfig config, int port, int adminPort, Consumer<String> log,
      HttpLimits httpLimits, HttpLimits adminLimits) throws IOException {
    return start(config, null, defaultModuleDirectory(), port, adminPort, log, httpLimits, adminLimits);
  }

  private static ExampleServer start(ServerConfig config, Path configFile, Path moduleDirectory, int port,
      int adminPort, Consumer<String> log, HttpLimits httpLimits, HttpLimits adminLimits) throws IOException {
    ExampleServer server = new ExampleServer(config, configFile, moduleDirectory, port, adminPort, log, httpLimits,
        adminLimits);
    try {
      server.logLifecycle();
      for (String host : config.hosts().keySet()) {
        server.modules.activateHost(host);
      }
      server.http.start();
      server.admin.start();
    } catch (IOException | RuntimeException failure) {
      server.stop();
      throw failure;
    }
    return server;
  }

  /**
   * Reads a configuration file, or the embedded default when {@code file} is {@code null}. Every
   * option key must be one that the server or a module reads, so that a misspelt key is an error.
   *
   * @throws ConfigException naming the file, line and key
   */
  public static ServerConfig readConfig(Path file) {
    if (file != null) {
      return TomlConfig.read(file, knownOptions());
    }
    try (InputStream in = ExampleServer.class.getResourceAsStream("default-config.toml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TomlConfig.parse(text, "default-config.toml (embedded)", knownOptions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The option keys a configuration may set: the server's own and those its modules read. */
  static Set<String> knownOptions() {
    // The server's own key and the one the welcome module reads by hand, then those modules
    // declare with @Option (chat's history_limit).
    Set<String> keys = new TreeSet<>(Set.of(ADMIN_TOKEN, WelcomeModule.WELCOME_TEXT));
    keys.addAll(ModuleManager.builder().discoverCatalogs().build().optionKeys());
    return keys;
  }

  public ModuleManager modules() {
    return modules;
  }

  /** The token the admin API asks for. */
  public String adminToken() {
    return adminToken;
  }

  /** The HTTP listener, such as {@code http://127.0.0.1:8080/}; send the host in the Host header. */
  public URI url() {
    return http.url();
  }

  /** A host's address, such as {@code http://chat.localhost:8080/}. */
  public URI url(String host) {
    return URI.create("http://" + host + ":" + http.port() + "/");
  }

  /** The admin API and console, such as {@code http://127.0.0.1:8081/}. */
  public URI adminUrl() {
    return admin.url();
  }

  /**
   * Stops the server: answers new requests with 503, lets those under way finish (up to 5
   * seconds), closes both ports and ends their threads, deactivates every host (each unloads its modules, dependents
   * first) and unloads the global modules. Calling it again waits for the first call to finish.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStop();
      return;
    }
    try {
      gate.close(TimeUnit.SECONDS.toNanos(5));
      http.stop();
      admin.stop();
      List<String> hosts = new ArrayList<>(modules.config().hosts().keySet());
      Collections.reverse(hosts);
      for (String host : hosts) {
        if (modules.activeHosts().contains(host)) {
          modules.deactivateHost(host);
        }
      }
      unloadGlobalModules();
      metricsBinding.close();
      log.accept("stopped");
    } finally {
      stopped.countDown();
    }
  }

  /** Waits until {@link #stop()} has finished. */
  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Unloads the modules of "*", newest first; unloading a module unloads its dependents first. */
  private void unloadGlobalModules() {
    List<ModuleStatus> loaded = new ArrayList<>();
    for (HostStatus host : modules.status()) {
      if (host.host().equals(ModuleManager.GLOBAL)) {
        loaded.addAll(host.modules());
      }
    }
    loaded.sort(Comparator.comparing(ModuleStatus::since).reversed());
    for (ModuleStatus module : loaded) {
      if (modules.isLoaded(ModuleManager.GLOBAL, module.name())) {
        try {
          modules.unload(ModuleManager.GLOBAL, module.name());
        } catch (ModuleException alreadyGone) {
          // Unloaded meanwhile, as a dependent of another one.
        }
      }
    }
  }

  /** Logs every module loaded, unloaded and reloaded, and every host (de)activated. */
  private void logLifecycle() {
    for (String event : List.of(Event.MODULE_LOADED, Event.MODULE_UNLOADED, Event.MODULE_RELOADED)) {
      String verb = event.substring("module-".length());
      modules.hook(ModuleManager.GLOBAL, event, 0, e -> log.accept(verb + " " + e.module() + " on " + e.host()));
    }
    for (String event : List.of(Event.HOST_ACTIVATED, Event.HOST_DEACTIVATED)) {
      String verb = event.substring("host-".length());
      modules.hook(ModuleManager.GLOBAL, event, 0, e -> log.accept(verb + " host " + e.host()));
    }
  }

  public static void main(String[] args) throws IOException {
    Path configFile = null;
    Path moduleDirectory = null;
    int port = DEFAULT_PORT;
    int adminPort = DEFAULT_ADMIN_PORT;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--config" -> configFile = Path.of(value(args, ++i));
          case "--port" -> port = port(value(args, ++i));
          case "--admin-port" -> adminPort = port(value(args, ++i));
          case "--modules" -> moduleDirectory = Path.of(value(args, ++i));
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (IllegalArgumentException bad) {
      System.err.println(bad.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
    ExampleServer server;
    try {
      server = start(configFile, moduleDirectory != null ? moduleDirectory : defaultModuleDirectory(), port,
          adminPort, ExampleServer::print);
    } catch (ConfigException | IllegalArgumentException | BindException problem) {
      System.err.println("cannot start: " + problem.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "hostmod-shutdown"));
    System.out.println(server.banner());
    server.awaitStop();
  }

  private static void print(String line) {
    System.out.println(LocalTime.now().format(TIME) + " " + line);
  }

  /** What main prints once the server runs: where each host is, and how to reach the admin API. */
  String banner() {
    ServerConfig config = modules.config();
    StringBuilder text = new StringBuilder("\nhostmod example server on " + url() + "\n");
    for (String host : config.hosts().keySet()) {
      text.append(String.format("  %-34s %s%n", url(host), String.join(", ", modules.loadedModules(host))));
    }
    text.append(String.format("  %-34s %s%n", "global (*)", String.join(", ", modules.loadedModules(ModuleManager.GLOBAL))));
    text.append("  (or name the host in a header: curl -H 'Host: ").append(config.hosts().keySet().iterator().next())
        .append("' ").append(url()).append(")\n");
    text.append("module jars: ").append(moduleDirectory == null ? "none" : moduleDirectory.toAbsolutePath().normalize()
        + (Files.isDirectory(moduleDirectory) ? "" : " (not found: none)")).append('\n');
    text.append("admin API and console: ").append(adminUrl()).append(config.global().options().containsKey(ADMIN_TOKEN)
        ? "   (token: admin_token of the configuration)\n"
        : "?token=" + adminToken + "   (the link logs a browser in)\n  export TOKEN=" + adminToken + "\n");
    return text.append("Ctrl-C stops the server.\n").toString();
  }

  /**
   * What keeps this server from running on a configuration, whatever its modules: no host listed,
   * a host it could never serve (requests name hosts in lower case), an unusable {@code
   * admin_token}. Checked at start, and by {@code POST /config/reload} before it applies a file.
   */
  static List<String> problems(ServerConfig config) {
    List<String> problems = new ArrayList<>();
    if (config.hosts().isEmpty()) {
      problems.add("the configuration lists no host; add a [hosts.\"name\"] section");
    }
    for (String host : config.hosts().keySet()) {
      String lower = host.toLowerCase(Locale.ROOT);
      if (!host.equals(lower)) {
        problems.add("host '" + host + "' has capital letters, but requests name their"
            + " host in lower case, so it would never be served; write '" + lower + "'");
      }
    }
    Object token = config.global().options().get(ADMIN_TOKEN);
    if (token != null && (!(token instanceof String text) || text.isBlank())) {
      problems.add(ADMIN_TOKEN + " must be a non-empty string");
    }
    return problems;
  }

  /**
   * Refuses a configuration that names a module this server does not have (a typo would otherwise
   * only be logged). A reload leaves this to {@code reconfigure}, which lists every problem at once.
   */
  private static void checkModuleNames(ServerConfig config, Set<String> known, Path moduleDirectory) {
    Map<String, ServerConfig.Section> sections = new LinkedHashMap<>();
    sections.put("the global section", config.global());
    config.hosts().forEach((host, section) -> sections.put("host '" + host + "'", section));
    sections.forEach((where, section) -> {
      for (String list : List.of(ServerConfig.MODULES_ENABLED, ServerConfig.MODULES_DISABLED)) {
        for (String module : list.equals(ServerConfig.MODULES_ENABLED) ? section.modulesEnabled() : section.modulesDisabled()) {
          if (!known.contains(module)) {
            throw new IllegalArgumentException(list + " of " + where + " names module '" + module
                + "', which this server does not have; its modules are " + known + " (module jars are read from "
                + (moduleDirectory == null ? "no directory" : moduleDirectory.toAbsolutePath().normalize()
                    + (Files.isDirectory(moduleDirectory) ? "" : ", which does not exist")
                    + ": `mvn -B -q -pl examples-guestbook -am package` builds guestbook.jar there") + ")");
          }
        }
      }
    });
  }

  private static String adminToken(ServerConfig config) {
    Object configured = config.global().options().get(ADMIN_TOKEN);
    if (configured == null) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      return HexFormat.of().formatHex(random);
    }
    return (String) configured;   // problems(config) refused any other value
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException("a port is a number from 0 to 65535, not '" + text + "'");
  }

  /**
   * Counts the requests being answered, so that {@link #stop()} lets them finish before closing
   * the ports, and answers those that come after with 503.
   */
  private static final class Gate {
    private int underWay;
    private boolean closed;

    HttpListener.Answerer wrap(HttpListener.Answerer answerer) {
      return exchange -> {
        if (!enter()) {
          return Response.error(503, "stopping", "the server is stopping").withHeader("Connection", "close");
        }
        try {
          return answerer.answer(exchange);
        } finally {
          exit();
        }
      };
    }

    private synchronized boolean enter() {
      if (!closed) {
        underWay++;
      }
      return !closed;
    }

    private synchronized void exit() {
      if (--underWay == 0) {
        notifyAll();
      }
    }

    /** Refuses new requests, and waits up to {@code nanos} for those under way. */
    synchronized void close(long nanos) {
      closed = true;
      long deadline = System.nanoTime() + nanos;
      try {
        for (long left = nanos; underWay > 0 && left > 0; left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
