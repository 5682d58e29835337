package io.hostmod.examples;

/**
 * An HTTP route that a module serves on its host. A module adds all its routes as one item under
 * {@link #ITEM} on the host it runs for ({@link Routes#add}), and the server finds them there:
 *
 * <pre>{@code
 * Routes.add(context, Route.get("/hello", request -> Response.text("hello")), Route.post("/hello", ...));
 * }</pre>
 *
 * <p>Items belong to the module that added them, so unloading the module removes its routes. A
 * global module's routes (added on {@code "*"}) are served on every host that has no route of its
 * own for that method and path. A single {@code Route} added as an item is served too, but
 * changes on its own, and is not answered {@code 503} while its module is reloaded.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the exact path, such as {@code /chat/messages}
 * @param handler what answers the request
 */
public record Route(String method, String path, Handler handler) {

  /** The item key routes are added under. */
  public static final String ITEM = "route";

  /** Answers one request; an exception becomes a 500 response. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request) throws Exception;
  }

  public static Route get(String path, Handler handler) {
    return new Route("GET", path, handler);
  }

  public static Route post(String path, Handler handler) {
    return new Route("POST", path, handler);
  }
}
