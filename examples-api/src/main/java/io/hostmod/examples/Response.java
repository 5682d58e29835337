package io.hostmod.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response: a status, a content type, a body and extra headers.
 *
 * @param status the HTTP status code
 * @param contentType the body's media type, with its charset
 * @param body the body, sent as UTF-8
 * @param headers extra headers, such as {@code Location}
 */
public record Response(int status, String contentType, String body, Map<String, String> headers) {

  public Response {
    headers = Map.copyOf(headers);
  }

  public static Response text(String body) {
    return new Response(200, "text/plain; charset=utf-8", body, Map.of());
  }

  public static Response html(String body) {
    return new Response(200, "text/html; charset=utf-8", body, Map.of());
  }

  public static Response json(String body) {
    return json(200, body);
  }

  public static Response json(int status, String body) {
    return new Response(status, "application/json; charset=utf-8", body, Map.of());
  }

  /** An error as JSON: {@code {"error": code, "message": message}}. */
  public static Response error(int status, String code, String message) {
    return json(status, "{\"error\":" + Escape.json(code) + ",\"message\":" + Escape.json(message) + "}\n");
  }

  /** A 303 redirect, as answered to a form post. */
  public static Response redirect(String location) {
    return new Response(303, "text/plain; charset=utf-8", "", Map.of("Location", location));
  }

  /** This response with another header added. */
  public Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}
