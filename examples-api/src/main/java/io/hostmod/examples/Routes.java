package io.hostmod.examples;

import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's routes on one host, added as one item under {@link Route#ITEM} so that the server
 * swaps them as a whole: a request sees all of them or none, never some of a new set beside some
 * of an old one. A module adds its routes in one call, in {@code @Load} (or {@code @AddHost}):
 *
 * <pre>{@code
 * Routes.add(context, Route.get("/hello", request -> Response.text("hello")), Route.post("/hello", ...));
 * }</pre>
 *
 * <p>While the module is reloaded (its old set gone, its new one not yet added), the server answers
 * its paths {@code 503} with {@code Retry-After}, not {@code 404}.
 *
 * @param module the module that serves them, as {@link ModuleContext#name()}
 * @param routes the routes, in the order they are matched
 */
public record Routes(String module, List<Route> routes) {

  public Routes {
    routes = List.copyOf(routes);
  }

  /** Adds routes to the context's host as one item; unloading the module removes them. */
  public static Registration add(ModuleContext context, Route... routes) {
    return context.addItem(Route.ITEM, new Routes(context.name(), List.of(routes)));
  }

  /** Every route of a host's items: those of each {@code Routes}, and single {@link Route} items. */
  public static List<Route> of(List<Object> items) {
    List<Route> all = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Routes set) {
        all.addAll(set.routes());
      } else if (item instanceof Route route) {
        all.add(route);
      }
    }
    return all;
  }
}
