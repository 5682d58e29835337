package io.hostmod.examples;

import java.util.Map;

/**
 * An HTTP request as a {@link Route} sees it.
 *
 * @param host the virtual host it was sent to (the Host header without its port)
 * @param method the HTTP method, such as {@code POST}
 * @param path the path, without the query string
 * @param params the parameters of the query string and of a form body ({@code a=1&b=2}); the
 *     first value of each name
 */
public record Request(String host, String method, String path, Map<String, String> params) {

  public Request {
    params = Map.copyOf(params);
  }

  /** A parameter, or {@code defaultValue} when it is absent or blank. */
  public String param(String name, String defaultValue) {
    String value = params.get(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
