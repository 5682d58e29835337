package io.hostmod.examples;

/**
 * An HTTP route that a module serves on its host. A module adds its routes as items under {@link
 * #ITEM} on the host it runs for, and the server finds them there for each request:
 *
 * <pre>{@code
 * context.addItem(Route.ITEM, Route.get("/hello", request -> Response.text("hello")));
 * }</pre>
 *
 * <p>Items belong to the module that added them, so unloading the module removes its routes. A
 * global module's routes (added on {@code "*"}) are served on every host that has no route of its
 * own for that method and path.
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
