package io.hostmod.examples;

import io.hostmod.runtime.ConfigChanges;
import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleHealth;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The operator's API and console, on their own loopback port.
 *
 * <p>Scripts send the admin token as {@code Authorization: Bearer <token>} and get JSON. A browser
 * logs in once with the token (a form, or a link with {@code ?token=} that is taken out of the
 * address at once) and gets a session cookie ({@code HttpOnly; SameSite=Strict}); the console's
 * buttons are forms that post with the session's CSRF token. Every POST from a browser must come
 * from this page: a request whose {@code Origin} is another site, or whose {@code Sec-Fetch-Site}
 * says cross-site, is refused with {@code 403}, and so is a session's POST without its CSRF token.
 * Nothing changes on a GET.
 *
 * <pre>
 * GET  /                                          the console (HTML), or the login form
 * POST /login, /logout                            a console session, from the token
 * GET  /hosts                                     every host with its modules, their health and version (JSON)
 * GET  /metrics                                   the server's metrics, Prometheus text format 0.0.4
 * POST /hosts/{host}/activate                     activate a configured host, loading its modules
 * POST /hosts/{host}/deactivate                   unload its modules, then deactivate it
 * POST /hosts/{host}/modules/{module}/load        load a module on a host ("*": the global host)
 * POST /hosts/{host}/modules/{module}/unload
 * POST /hosts/{host}/modules/{module}/reload      (load and reload read the module jars' directory again first:
 *                                                 a rebuilt jar's new code runs, with the module's state)
 * POST /config/reload                             read the configuration file again and apply what changed
 * </pre>
 *
 * <p>With the token, a change answers with the host's status (a reload: with what changed, see
 * {@link ConfigReload}); a refused one with {@code {"error": code, "message": ...}} and the status
 * code of the {@link ModuleException}'s code. From the console, it answers {@code 303} back to the
 * console, which shows the result.
 *
 * <p>{@code GET /metrics} is a read like {@code GET /hosts}: the token header (what a Prometheus
 * scrape job sends, {@code authorization: {credentials_file: ...}}), or a console session.
 */
final class AdminApi implements HttpListener.Answerer {

  private final ModuleManager modules;
  private final ConfigReload reload;
  private final byte[] token;
  private final String url;
  private final Supplier<String> scrape;
  private final AdminSessions sessions = new AdminSessions();

  /** The media type of Prometheus's text exposition format, which {@code GET /metrics} answers. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * @param scrape the metrics in Prometheus text, such as {@code PrometheusMeterRegistry::scrape}
   */
  /** Whether the manager reads module jars from a directory, which a load or reload reads again first. */
  private final boolean moduleJars;

  AdminApi(ModuleManager modules, boolean moduleJars, ConfigReload reload, String token, String url,
      Supplier<String> scrape) {
    this.modules = modules;
    this.moduleJars = moduleJars;
    this.reload = reload;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.url = url;
    this.scrape = scrape;
  }

  /** Who sent a request: a script with the token, or a browser with a session. */
  private record Caller(AdminSessions.Session session) {
    boolean browser() {
      return session != null;
    }
  }

  @Override
  public Response answer(Http.Exchange exchange) {
    String method = exchange.method();
    try {
      Http.requireShortUri(exchange);
      Http.params(exchange);   // a malformed query or form is refused, whoever sends it
      if (method.equals("POST")) {
        requireSameSite(exchange);
      }
      List<String> parts = parts(exchange);
      if (parts.equals(List.of("login"))) {
        return login(exchange);
      }
      Caller caller = authorize(exchange);
      if (method.equals("POST") && caller.browser()) {
        requireCsrf(exchange, caller.session());
      }
      return answer(method, parts, caller);
    } catch (Http.Refused refused) {
      return refused.response;
    } catch (RuntimeException bug) {
      return Response.error(500, "internal-error", bug.toString());
    }
  }

  private Response answer(String method, List<String> parts, Caller caller) throws Http.Refused {
    if (parts.isEmpty() || parts.equals(List.of("status"))) {
      requireMethod(method, "GET");
      return page(console(caller.session()));
    }
    if (parts.equals(List.of("logout"))) {
      requireMethod(method, "POST");
      if (caller.browser()) {
        sessions.end(caller.session());
      }
      return Response.redirect("/").withHeader("Set-Cookie", AdminSessions.expiredCookie());
    }
    if (parts.equals(List.of("hosts"))) {
      requireMethod(method, "GET");
      return Response.json(hostsJson());
    }
    if (parts.equals(List.of("metrics"))) {
      requireMethod(method, "GET");
      return new Response(200, PROMETHEUS_TEXT, scrape.get(), Map.of());
    }
    if (parts.equals(List.of("config", "reload"))) {
      requireMethod(method, "POST");
      String what = "reload configuration" + (reload.file() == null ? "" : " from " + reload.file());
      return act(caller, what, () -> {
        ConfigChanges changes = reload.run();
        return new Done(changes.failures().isEmpty(), (changes.failures().isEmpty() ? "done\n" : "applied\n")
            + ConfigReload.summary(changes), reload.json(changes));
      });
    }
    String action = action(parts);
    if (action == null) {
      throw notFound("/" + String.join("/", parts));
    }
    requireMethod(method, "POST");
    String host = parts.get(1);
    String module = parts.size() == 5 ? parts.get(3) : null;
    return act(caller, module == null ? action + " host " + host : action + " " + module + " on " + host, () -> {
      if (moduleJars && (action.equals("load") || action.equals("reload"))) {
        // As Prosody's reload re-reads the module's file: a jar rebuilt since is read now, so the
        // load or reload runs its new code (a jar refused, half written say, refuses the action).
        modules.refreshModules();
      }
      switch (action) {
        case "activate" -> modules.activateHost(host);
        case "deactivate" -> modules.deactivateHost(host);
        case "load" -> modules.load(host, module);
        case "unload" -> modules.unload(host, module);
        default -> modules.reload(host, module);
      }
      return new Done(true, "done", hostJson(host));
    });
  }

  /**
   * What an action did: whether all went well, the console's words for it (after the action's
   * name), the JSON a script gets.
   */
  private record Done(boolean ok, String said, String json) {}

  /** An action, refused with the status and code it says when it changes nothing. */
  private interface Action {
    Done run() throws ConfigReload.Refused;
  }

  /**
   * Runs an action: a script gets its JSON or the error; a browser is sent back to the console,
   * which shows {@code what} with the result.
   */
  private Response act(Caller caller, String what, Action action) {
    Done done;
    try {
      done = action.run();
    } catch (ModuleException refused) {
      return refused(caller, what, statusOf(refused), refused.code(), refused.getMessage());
    } catch (ConfigReload.Refused refused) {
      return refused(caller, what, refused.status, refused.code, refused.getMessage());
    } catch (RuntimeException failure) {
      if (caller.browser()) {
        caller.session().said(false, what + ": failed: " + failure);
        return Response.redirect("/");
      }
      throw failure;
    }
    if (caller.browser()) {
      caller.session().said(done.ok(), what + ": " + done.said());
      return Response.redirect("/");
    }
    return Response.json(done.json());
  }

  private static Response refused(Caller caller, String what, int status, String code, String message) {
    if (caller.browser()) {
      caller.session().said(false, what + ": refused, " + status + " " + code + ": " + message);
      return Response.redirect("/");
    }
    return Response.error(status, code, message);
  }

  /** The action a path names, {@code hosts/{host}/activate} or {@code hosts/{host}/modules/{module}/load}; else null. */
  private static String action(List<String> parts) {
    if (parts.contains("")) {
      return null;   // an empty segment names nothing: /hosts//activate
    }
    if (parts.size() == 3 && parts.get(0).equals("hosts") && Set.of("activate", "deactivate").contains(parts.get(2))) {
      return parts.get(2);
    }
    if (parts.size() == 5 && parts.get(0).equals("hosts") && parts.get(2).equals("modules")
        && Set.of("load", "unload", "reload").contains(parts.get(4))) {
      return parts.get(4);
    }
    return null;
  }

  /** The path's segments without the leading slash and trailing slashes, %-decoded. */
  private static List<String> parts(Http.Exchange exchange) throws Http.Refused {
    String path = exchange.rawPath().replaceAll("^/+|/+$", "");
    return path.isEmpty() ? List.of() : Http.segments(path, -1);
  }

  // ---- who may ask

  /**
   * Refuses a POST that a browser sends from another site: an {@code Origin} other than this
   * server's own address, or a {@code Sec-Fetch-Site} other than same-origin or none (typed by the
   * user). Scripts send neither header.
   */
  private static void requireSameSite(Http.Exchange exchange) throws Http.Refused {
    String site = exchange.header("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      throw new Http.Refused(403, "cross-site", "a change must come from this server's own console, not from " + site);
    }
    String origin = exchange.header("Origin");
    String host = exchange.header("Host");
    if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host.strip()))) {
      throw new Http.Refused(403, "cross-site", "a change must come from this server's own console, not from " + origin);
    }
  }

  private static void requireCsrf(Http.Exchange exchange, AdminSessions.Session session) throws Http.Refused {
    String given = Http.form(exchange).get(AdminSessions.CSRF_FIELD);
    if (given == null || !MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8))) {
      throw new Http.Refused(403, "csrf", "the console's form token is missing or stale; reload the console and try again");
    }
  }

  /**
   * The caller: the token in the header, else a session's cookie. The token in the query of a GET
   * starts a session instead: refused with a redirect to the console that carries its cookie, so
   * the token leaves the address bar at once. Without any, the console's address shows the login
   * form.
   */
  private Caller authorize(Http.Exchange exchange) throws Http.Refused {
    String header = exchange.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      requireToken(header.substring(7).strip());
      return new Caller(null);
    }
    AdminSessions.Session session = sessions.find(exchange.header("Cookie"));
    if (session != null) {
      return new Caller(session);
    }
    String query = exchange.method().equals("GET") ? Http.query(exchange).get("token") : null;
    if (query != null) {
      requireToken(query);
      throw new Http.Refused(redirect("/", sessions.start()));
    }
    if (header == null && exchange.method().equals("GET") && parts(exchange).isEmpty()) {
      throw new Http.Refused(loginPage(401, null));
    }
    throw unauthorized(header != null);
  }

  private void requireToken(String given) throws Http.Refused {
    if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw unauthorized(true);
    }
  }

  private static Http.Refused unauthorized(boolean given) {
    return new Http.Refused(Response.error(401, "unauthorized", given
        ? "wrong admin token; use the one printed at start, or admin_token of the configuration"
        : "send the admin token as Authorization: Bearer <token>; it is printed at start, or set by admin_token")
        .withHeader("WWW-Authenticate", "Bearer realm=\"hostmod admin\""));
  }

  /** {@code GET /login}: the form; {@code POST /login}: a session from the token in the form. */
  private Response login(Http.Exchange exchange) throws Http.Refused {
    if (exchange.method().equals("GET")) {
      return loginPage(200, null);
    }
    requireMethod(exchange.method(), "POST");
    String given = Http.form(exchange).get("token");
    if (given == null || !MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8))) {
      return loginPage(401, "That is not the admin token.");
    }
    return redirect("/", sessions.start());
  }

  private static Response redirect(String location, AdminSessions.Session session) {
    Response redirect = Response.redirect(location).withHeader("Referrer-Policy", "no-referrer");
    return session == null ? redirect : redirect.withHeader("Set-Cookie", session.cookie());
  }

  /** The HTTP status for a refused operation. */
  static int statusOf(ModuleException refused) {
    return switch (refused.code()) {
      case ModuleException.UNKNOWN_HOST, ModuleException.MODULE_NOT_FOUND -> 404;
      case ModuleException.MODULE_ALREADY_LOADED, ModuleException.GLOBAL_MODULE_ALREADY_LOADED,
          ModuleException.MODULE_NOT_LOADED, ModuleException.HOST_ALREADY_ACTIVE, ModuleException.MODULE_BUSY,
          ModuleException.DEPENDENCY_DISABLED -> 409;
      case ModuleException.INSUFFICIENT_PARAMETERS, ModuleException.INVALID_NAME, ModuleException.BAD_CONFIG -> 400;
      default -> 500;   // load-failed, save-state-failed, missing-option, bad-option: see the message
    };
  }

  private static void requireMethod(String method, String expected) throws Http.Refused {
    if (!method.equals(expected)) {
      throw new Http.Refused(405, "method-not-allowed", "use " + expected + " here");
    }
  }

  private static Http.Refused notFound(String path) {
    return new Http.Refused(404, "not-found", "no admin endpoint at " + path
        + "; see GET /hosts, GET /metrics, POST /hosts/{host}/modules/{module}/load|unload|reload and POST /config/reload");
  }

  // ---- the view: every configured host, active or not, with its modules

  /**
   * The global host, then the hosts of the configuration now (a reload changes them), in its
   * order; inactive ones without modules.
   */
  private Map<String, List<ModuleStatus>> hosts() {
    Map<String, List<ModuleStatus>> active = new LinkedHashMap<>();
    for (HostStatus host : modules.status()) {
      active.put(host.host(), host.modules());
    }
    Map<String, List<ModuleStatus>> hosts = new LinkedHashMap<>();
    hosts.put(ModuleManager.GLOBAL, active.getOrDefault(ModuleManager.GLOBAL, List.of()));
    for (String host : modules.config().hosts().keySet()) {
      hosts.put(host, active.get(host));
    }
    return hosts;
  }

  private String hostsJson() {
    List<String> hosts = new ArrayList<>();
    hosts().forEach((host, loaded) -> hosts.add(hostJson(host, loaded)));
    String available = modules.moduleNames().stream().map(Escape::json).collect(Collectors.joining(","));
    return "{\"hosts\":[" + String.join(",", hosts) + "],\"available\":[" + available + "]}\n";
  }

  private String hostJson(String host) {
    return hostJson(host, hosts().get(host)) + "\n";
  }

  private static String hostJson(String host, List<ModuleStatus> loaded) {
    String list = loaded == null ? "" : loaded.stream()
        .map(m -> "{\"module\":" + Escape.json(m.name()) + ",\"kind\":" + Escape.json(lower(m.kind()))
            + ",\"state\":" + Escape.json(lower(m.state())) + ",\"since\":" + Escape.json(String.valueOf(m.since()))
            + (m.failure() != null ? ",\"failure\":" + Escape.json(m.failure()) : "")
            + (m.health() != null ? ",\"health\":" + healthJson(m.health()) : "")
            + (m.version() != null ? ",\"version\":" + Escape.json(m.version()) : "") + "}")
        .collect(Collectors.joining(","));
    return "{\"host\":" + Escape.json(host) + ",\"active\":" + (loaded != null) + ",\"modules\":[" + list + "]}";
  }

  private static String healthJson(ModuleHealth health) {
    return "{\"health\":" + Escape.json(lower(health.health())) + ",\"message\":" + Escape.json(health.message())
        + ",\"since\":" + Escape.json(String.valueOf(health.since())) + "}";
  }

  /** The console's words for a module's health: {@code warn: room full: 3 of 3 messages}; empty before it reports. */
  private static String health(ModuleHealth health) {
    if (health == null) {
      return "";
    }
    String message = health.message() == null || health.message().isEmpty() ? "" : ": " + health.message();
    return lower(health.health()) + message;
  }

  /**
   * The console: a row per host and module with its kind, state, since, failure and health (what
   * the module reports, {@code ModuleContext.status}), and, for a
   * session, the buttons that change it; the result of the session's last action above.
   */
  private String console(AdminSessions.Session session) {
    StringBuilder rows = new StringBuilder();
    hosts().forEach((host, loaded) -> {
      boolean global = host.equals(ModuleManager.GLOBAL);
      if (loaded == null) {
        rows.append(row(List.of(host, "", "", "inactive", "", "", "", ""), button(session, host, null, "activate")));
        return;
      }
      rows.append(row(List.of(host, "", "", "active", "", "", "", ""), global ? "" : button(session, host, null, "deactivate")));
      Set<String> listed = new TreeSet<>();
      for (ModuleStatus m : loaded) {
        listed.add(m.name());
        rows.append(row(List.of(host, m.name(), lower(m.kind()), lower(m.state()), String.valueOf(m.since()),
            m.failure() == null ? "" : m.failure(), health(m.health()), version(m)), m.state().name().equals("FAILED")
            ? button(session, host, m.name(), "load")
            : button(session, host, m.name(), "unload") + button(session, host, m.name(), "reload")));
      }
      for (String module : modules.moduleNames()) {
        if (!listed.contains(module)) {
          rows.append(row(List.of(host, module, "", "not loaded", "", "", "", ""), button(session, host, module, "load")));
        }
      }
    });
    String result = session == null || session.last() == null ? ""
        : "<p id=\"result\" class=\"" + (session.lastOk() ? "ok" : "failed") + "\">" + Escape.html(session.last()) + "</p>\n";
    String logout = session == null ? "" : "<form method=\"post\" action=\"/logout\">" + csrfField(session)
        + "<button id=\"logout\">log out</button></form>\n";
    String reloadConfig = session == null ? "" : "<div><form method=\"post\" action=\"/config/reload\">"
        + csrfField(session) + "<button id=\"reload-config\">Reload configuration</button></form> "
        + (reload.file() == null ? "(the server runs on its embedded default configuration: start it with"
            + " <code>--config file.toml</code> to reload a file)"
            : "from <code>" + Escape.html(reload.file().toString()) + "</code>: hosts, modules and options")
        + "</div>\n";
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>hostmod console</title>\n"
        + "<style>body{font-family:sans-serif}td,th{padding:2px 12px;text-align:left}form{display:inline}"
        + "tr:nth-child(even){background:#eee}.ok{color:#060}.failed{color:#a00}#result{white-space:pre-line}"
        + "</style></head>\n<body><h1>hostmod example server</h1>\n" + logout + reloadConfig + result
        + "<table>\n<tr><th>host</th><th>module</th><th>kind</th><th>state</th><th>since</th><th>failure</th><th>health</th><th>version</th><th></th></tr>\n"
        + rows + "</table>\n<p>Modules available: " + Escape.html(String.join(", ", modules.moduleNames())) + "</p>\n"
        + "<p>Scripts: <code>curl -X POST -H \"Authorization: Bearer $TOKEN\" "
        + Escape.html(url) + "hosts/{host}/modules/{module}/load</code> (or unload, reload), and"
        + " <code>/hosts/{host}/activate</code> (or deactivate), <code>/config/reload</code>; the <a href=\"/metrics\">metrics</a>"
        + " for Prometheus: <code>curl -H \"Authorization: Bearer $TOKEN\" " + Escape.html(url) + "metrics</code>.</p>\n</body></html>\n";
  }

  private Response loginPage(int status, String error) {
    String page = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>hostmod console: log in</title></head>\n"
        + "<body><h1>hostmod example server</h1>\n"
        + (error == null ? "" : "<p id=\"result\" class=\"failed\">" + Escape.html(error) + "</p>\n")
        + "<form method=\"post\" action=\"/login\"><label>Admin token <input type=\"password\" name=\"token\""
        + " id=\"token\" autocomplete=\"current-password\" required autofocus></label> <button id=\"login\">log in</button>"
        + "</form>\n<p>The token is printed when the server starts, or set by <code>admin_token</code>.</p>\n</body></html>\n";
    return new Response(status, "text/html; charset=utf-8", page, Map.of()).withHeader("Content-Security-Policy", CSP)
        .withHeader("X-Frame-Options", "DENY");
  }

  /** No script, no frame, forms to this server only. */
  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static Response page(String html) {
    return Response.html(html).withHeader("Content-Security-Policy", CSP).withHeader("X-Frame-Options", "DENY");
  }

  /** A button that posts an action, with the session's CSRF token; none without a session. */
  private static String button(AdminSessions.Session session, String host, String module, String action) {
    if (session == null) {
      return "";
    }
    String path = "/hosts/" + segment(host) + (module == null ? "" : "/modules/" + segment(module)) + "/" + action;
    return "<form method=\"post\" action=\"" + Escape.html(path) + "\">" + csrfField(session)
        + "<button data-host=\"" + Escape.html(host) + "\" data-module=\"" + Escape.html(module == null ? "" : module)
        + "\" data-action=\"" + action + "\">" + action + "</button></form>";
  }

  private static String csrfField(AdminSessions.Session session) {
    return "<input type=\"hidden\" name=\"" + AdminSessions.CSRF_FIELD + "\" value=\"" + Escape.html(session.csrf()) + "\">";
  }

  private static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("%2A", "*");
  }

  /** The code a module runs: its jar and the jar's time ({@code guestbook.jar@2026-...Z}), or the class path. */
  private static String version(ModuleStatus module) {
    return module.version() == null ? "class path" : module.version();
  }

  private static String row(List<String> cells, String actions) {
    StringBuilder row = new StringBuilder("<tr>");
    for (String cell : cells) {
      row.append("<td>").append(Escape.html(cell)).append("</td>");
    }
    return row.append("<td>").append(actions).append("</td></tr>\n").toString();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
