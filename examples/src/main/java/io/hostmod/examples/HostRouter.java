package io.hostmod.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The public HTTP front end: picks the virtual host by the Host header and answers with the first
 * route that the modules loaded on that host added for the method and path, else with a route of
 * a global module (added on {@code "*"}). For each answer it fires {@link #SERVED} on {@code "*"}.
 */
public final class HostRouter implements HttpHandler {

  /** The event fired on {@code "*"} for each answer, before it is sent, with a {@link Served} as data. */
  public static final String SERVED = "http-served";

  /**
   * One answered request.
   *
   * @param host the virtual host that answered, or {@code null} when none did (unknown or inactive)
   * @param nanos how long it took to answer
   */
  public record Served(String host, String method, String path, int status, long nanos) {}

  private final ModuleManager modules;
  private final ServerConfig config;
  private final Consumer<String> log;

  HostRouter(ModuleManager modules, ServerConfig config, Consumer<String> log) {
    this.modules = modules;
    this.config = config;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String served = null;
    Response response;
    try {
      Http.requireShortUri(exchange);
      String host = Http.host(exchange);
      List<Route> routes = routesOf(host);
      served = host;
      response = answer(new Request(host, method, path, Http.params(exchange)), routes);
    } catch (Http.Refused refused) {
      response = refused.response;
    }
    // Fired before sending, so that a client's next request sees this one counted.
    modules.fire(ModuleManager.GLOBAL, SERVED, new Served(served, method, path, response.status(), System.nanoTime() - start));
    Http.send(exchange, response);
  }

  /** The routes of an active host, its own first. */
  private List<Route> routesOf(String host) throws Http.Refused {
    if (!config.hosts().containsKey(host)) {
      throw new Http.Refused(404, "unknown-host",
          "this server has no host '" + host + "'; its hosts are " + config.hosts().keySet());
    }
    if (!modules.activeHosts().contains(host)) {
      throw new Http.Refused(503, "host-inactive", "host '" + host + "' is deactivated; an operator can activate it");
    }
    List<Route> routes = new ArrayList<>();
    try {
      for (String owner : new String[] {host, ModuleManager.GLOBAL}) {
        for (Object item : modules.items(owner, Route.ITEM)) {
          if (item instanceof Route route) {
            routes.add(route);
          }
        }
      }
    } catch (ModuleException deactivatedMeanwhile) {
      throw new Http.Refused(503, "host-inactive", deactivatedMeanwhile.getMessage());
    }
    return routes;
  }

  private Response answer(Request request, List<Route> routes) {
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      if (route.path().equals(request.path())) {
        if (route.method().equals(request.method())) {
          try {
            return route.handler().handle(request);
          } catch (Exception failure) {
            log.accept("route " + route.method() + " " + route.path() + " on " + request.host() + " threw " + failure);
            return Response.error(500, "route-failed", "the route threw " + failure);
          }
        }
        allowed.add(route.method());
      }
    }
    if (!allowed.isEmpty()) {
      return Response.error(405, "method-not-allowed", request.method() + " is not served at " + request.path()
          + "; use " + String.join(" or ", allowed)).withHeader("Allow", String.join(", ", allowed));
    }
    return Response.error(404, "not-found", "host '" + request.host() + "' serves nothing at " + request.path()
        + "; its modules may not be loaded (see the welcome page at /)");
  }
}
