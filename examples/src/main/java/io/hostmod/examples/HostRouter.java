package io.hostmod.examples;

import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The public HTTP front end: picks the virtual host by the Host header and answers with the route
 * that the modules loaded on that host serve for the method and path, else with a route of a global
 * module (added on {@code "*"}). Routes come from the {@link RouteTable}, so a module's routes
 * change as a whole, and a path whose module is being reloaded is answered {@code 503} with
 * {@code Retry-After}. For each answer it fires {@link #SERVED} on {@code "*"}.
 */
public final class HostRouter implements HttpListener.Answerer {

  /** The event fired on {@code "*"} for each answer, before it is sent, with a {@link Served} as data. */
  public static final String SERVED = "http-served";

  /** Seconds a client is asked to wait before it retries a path whose module is being reloaded. */
  static final String RETRY_AFTER = "1";

  /**
   * One answered request.
   *
   * @param host the virtual host that answered, or {@code null} when none did (unknown or inactive)
   * @param nanos how long it took to answer
   */
  public record Served(String host, String method, String path, int status, long nanos) {}

  private final ModuleManager modules;
  private final Consumer<String> log;
  private final RouteTable routes;

  HostRouter(ModuleManager modules, Consumer<String> log) {
    this.modules = modules;
    this.log = log;
    this.routes = new RouteTable(modules);
  }

  @Override
  public Response answer(Http.Exchange exchange) {
    long start = System.nanoTime();
    String method = exchange.method();
    String path = exchange.rawPath();
    String served = null;
    Response response;
    try {
      Http.requireShortUri(exchange);
      path = exchange.path();
      String host = Http.host(exchange);
      List<RouteTable.Table> tables = tablesOf(host);
      served = host;
      response = answer(new Request(host, method, path, Http.params(exchange)), tables);
    } catch (Http.Refused refused) {
      response = refused.response;
    }
    // Fired before sending, so that a client's next request sees this one counted.
    modules.fire(ModuleManager.GLOBAL, SERVED, new Served(served, method, path, response.status(), System.nanoTime() - start));
    return response;
  }

  /**
   * The route tables of an active host: its own, then the global one. The hosts are those of the
   * configuration now ({@code ModuleManager.config()}), which a reconfigure replaces: a host it
   * adds is served once activated, a host it removes is unknown at once.
   */
  private List<RouteTable.Table> tablesOf(String host) throws Http.Refused {
    Set<String> hosts = modules.config().hosts().keySet();
    if (!hosts.contains(host)) {
      throw new Http.Refused(404, "unknown-host", "this server has no host '" + host + "'; its hosts are " + hosts);
    }
    try {
      return List.of(routes.current(host), routes.current(ModuleManager.GLOBAL));
    } catch (ModuleException inactive) {
      throw new Http.Refused(503, "host-inactive", "host '" + host + "' is deactivated; an operator can activate it");
    }
  }

  private Response answer(Request request, List<RouteTable.Table> tables) {
    Map<String, Boolean> decided = new HashMap<>(4);
    for (RouteTable.Table table : tables) {
      RouteTable.Target target = table.at(request.path()).get(request.method());
      if (target instanceof RouteTable.Live live) {
        return run(live.route(), request);
      }
      if (target instanceof RouteTable.Reloading reloading && routes.stands(table, reloading, decided)) {
        return Response.error(503, "reloading", "module '" + reloading.module() + "' is being reloaded on "
            + table.host() + "; retry").withHeader("Retry-After", RETRY_AFTER);
      }
    }
    TreeSet<String> allowed = new TreeSet<>();
    for (RouteTable.Table table : tables) {
      allowed.addAll(routes.methods(table, request.path(), decided));
    }
    if (!allowed.isEmpty()) {
      return Response.error(405, "method-not-allowed", request.method() + " is not served at " + request.path()
          + "; use " + String.join(" or ", allowed)).withHeader("Allow", String.join(", ", allowed));
    }
    return Response.error(404, "not-found", "host '" + request.host() + "' serves nothing at " + request.path()
        + "; its modules may not be loaded (see the welcome page at /)");
  }

  private Response run(Route route, Request request) {
    try {
      return route.handler().handle(request);
    } catch (Exception failure) {
      log.accept("route " + route.method() + " " + route.path() + " on " + request.host() + " threw " + failure);
      return Response.error(500, "route-failed", "the route threw " + failure);
    }
  }
}
