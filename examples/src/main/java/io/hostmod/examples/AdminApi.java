package io.hostmod.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleStatus;
import io.hostmod.runtime.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator's API, on its own loopback port. Every request needs the admin token, as {@code
 * Authorization: Bearer <token>}; a GET may pass it as {@code ?token=} instead, so that a browser
 * can open the status page.
 *
 * <pre>
 * GET  /                                          the status page (HTML)
 * GET  /hosts                                     every host with its modules (JSON)
 * POST /hosts/{host}/activate                     activate a configured host, loading its modules
 * POST /hosts/{host}/deactivate                   unload its modules, then deactivate it
 * POST /hosts/{host}/modules/{module}/load        load a module on a host ("*": the global host)
 * POST /hosts/{host}/modules/{module}/unload
 * POST /hosts/{host}/modules/{module}/reload
 * </pre>
 *
 * <p>A change answers with the host's status; a refused one with {@code {"error": code, "message":
 * ...}} and the status code of the {@link ModuleException}'s code.
 */
final class AdminApi implements HttpHandler {

  private final ModuleManager modules;
  private final ServerConfig config;
  private final byte[] token;
  private final String url;

  AdminApi(ModuleManager modules, ServerConfig config, String token, String url) {
    this.modules = modules;
    this.config = config;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.url = url;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Response response;
    try {
      Http.requireShortUri(exchange);
      authorize(exchange, Http.query(exchange));
      response = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Http.params(exchange));
    } catch (Http.Refused refused) {
      response = refused.response;
    } catch (ModuleException refused) {
      response = Response.error(statusOf(refused), refused.code(), refused.getMessage());
    } catch (RuntimeException bug) {
      response = Response.error(500, "internal-error", bug.toString());
    }
    Http.send(exchange, response);
  }

  private void authorize(HttpExchange exchange, Map<String, String> params) throws Http.Refused {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
        : exchange.getRequestMethod().equals("GET") ? params.get("token") : null;
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"hostmod admin\"");
      throw new Http.Refused(401, "unauthorized", given == null
          ? "send the admin token as Authorization: Bearer <token>; it is printed at start, or set by admin_token"
          : "wrong admin token; use the one printed at start, or admin_token of the configuration");
    }
  }

  private Response answer(String method, String path, Map<String, String> params) throws Http.Refused {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/+");
    if (path.equals("/") || path.equals("/status")) {
      requireMethod(method, "GET");
      return Response.html(statusPage(params.get("token")));
    }
    if (parts.length == 1 && parts[0].equals("hosts")) {
      requireMethod(method, "GET");
      return Response.json(hostsJson());
    }
    if (parts.length == 3 && parts[0].equals("hosts")) {
      String host = parts[1];
      requireMethod(method, "POST");
      switch (parts[2]) {
        case "activate" -> modules.activateHost(host);
        case "deactivate" -> modules.deactivateHost(host);
        default -> throw notFound(path);
      }
      return Response.json(hostJson(host));
    }
    if (parts.length == 5 && parts[0].equals("hosts") && parts[2].equals("modules")) {
      String host = parts[1];
      String module = parts[3];
      requireMethod(method, "POST");
      switch (parts[4]) {
        case "load" -> modules.load(host, module);
        case "unload" -> modules.unload(host, module);
        case "reload" -> modules.reload(host, module);
        default -> throw notFound(path);
      }
      return Response.json(hostJson(host));
    }
    throw notFound(path);
  }

  /** The HTTP status for a refused operation. */
  static int statusOf(ModuleException refused) {
    return switch (refused.code()) {
      case ModuleException.UNKNOWN_HOST, ModuleException.MODULE_NOT_FOUND -> 404;
      case ModuleException.MODULE_ALREADY_LOADED, ModuleException.GLOBAL_MODULE_ALREADY_LOADED,
          ModuleException.MODULE_NOT_LOADED, ModuleException.HOST_ALREADY_ACTIVE, ModuleException.MODULE_BUSY,
          ModuleException.DEPENDENCY_DISABLED -> 409;
      case ModuleException.INSUFFICIENT_PARAMETERS, ModuleException.INVALID_NAME -> 400;
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
        + "; see GET /hosts and POST /hosts/{host}/modules/{module}/load|unload|reload");
  }

  // ---- the view: every configured host, active or not, with its modules

  /** The global host, then the configured hosts in configuration order; inactive ones without modules. */
  private Map<String, List<ModuleStatus>> hosts() {
    Map<String, List<ModuleStatus>> active = new LinkedHashMap<>();
    for (HostStatus host : modules.status()) {
      active.put(host.host(), host.modules());
    }
    Map<String, List<ModuleStatus>> hosts = new LinkedHashMap<>();
    hosts.put(ModuleManager.GLOBAL, active.getOrDefault(ModuleManager.GLOBAL, List.of()));
    for (String host : config.hosts().keySet()) {
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
            + (m.failure() != null ? ",\"failure\":" + Escape.json(m.failure()) : "") + "}")
        .collect(Collectors.joining(","));
    return "{\"host\":" + Escape.json(host) + ",\"active\":" + (loaded != null) + ",\"modules\":[" + list + "]}";
  }

  private String statusPage(String browserToken) {
    StringBuilder rows = new StringBuilder();
    hosts().forEach((host, loaded) -> {
      if (loaded == null) {
        rows.append(row(host, "", "", "inactive", "", ""));
      } else if (loaded.isEmpty()) {
        rows.append(row(host, "", "", "active, no module", "", ""));
      }
      for (ModuleStatus m : loaded == null ? List.<ModuleStatus>of() : loaded) {
        rows.append(row(host, m.name(), lower(m.kind()), lower(m.state()), String.valueOf(m.since()),
            m.failure() == null ? "" : m.failure()));
      }
    });
    String refresh = browserToken == null ? "" : "<meta http-equiv=\"refresh\" content=\"5\">";
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\">" + refresh + "<title>hostmod admin</title>\n"
        + "<style>body{font-family:sans-serif}td,th{padding:2px 12px;text-align:left}"
        + "tr:nth-child(even){background:#eee}</style></head>\n<body><h1>hostmod example server</h1>\n"
        + "<table>\n<tr><th>host</th><th>module</th><th>kind</th><th>state</th><th>since</th><th>failure</th></tr>\n"
        + rows + "</table>\n<p>Modules available: " + Escape.html(String.join(", ", modules.moduleNames())) + "</p>\n"
        + "<p>Change them with <code>curl -X POST -H \"Authorization: Bearer $TOKEN\" "
        + Escape.html(url) + "hosts/{host}/modules/{module}/load</code> (or unload, reload), and"
        + " <code>/hosts/{host}/activate</code> (or deactivate).</p>\n</body></html>\n";
  }

  private static String row(String... cells) {
    StringBuilder row = new StringBuilder("<tr>");
    for (String cell : cells) {
      row.append("<td>").append(Escape.html(cell)).append("</td>");
    }
    return row.append("</tr>\n").toString();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
