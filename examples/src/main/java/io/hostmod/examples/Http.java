package io.hostmod.examples;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/** Reading a request, for both listeners: its URI, its Host header, its parameters. */
final class Http {

  /** The largest request body read; a larger one is answered with 413. */
  static final int MAX_BODY = 16 * 1024;

  /**
   * The longest path and query a request may have; a longer one is answered with 414 before it
   * reaches a route or an operation.
   */
  static final int MAX_URI = 2048;

  /**
   * One request, read whole: its head as Jetty parsed it and its body.
   *
   * @param body the body as UTF-8, at most {@link #MAX_BODY} bytes
   */
  record Exchange(Request request, String body) {

    String method() {
      return request.getMethod();
    }

    /** The path as sent, %-escapes and all. */
    String rawPath() {
      String path = request.getHttpURI().getPath();
      return path == null || path.isEmpty() ? "/" : path;
    }

    /** The path with its %-escapes decoded (and nothing else: {@code ..} stays). */
    String path() throws Refused {
      return String.join("/", segments(rawPath(), -1));
    }

    String rawQuery() {
      return request.getHttpURI().getQuery();
    }

    /** A request header's first value, or {@code null}. */
    String header(String name) {
      return request.getHeaders().get(name);
    }
  }

  /** A request refused before it reaches a route, with the response that says why. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Response response;

    Refused(int status, String code, String message) {
      this(Response.error(status, code, message));
    }

    Refused(Response response) {
      super(response.body(), null, false, false);
      this.response = response;
    }
  }

  private Http() {}

  /** Refuses a request whose path and query are longer than {@link #MAX_URI}. */
  static void requireShortUri(Exchange exchange) throws Refused {
    if (exchange.rawPath().length() + String.valueOf(exchange.rawQuery()).length() > MAX_URI) {
      throw new Refused(414, "uri-too-long", "the request's path and query are longer than " + MAX_URI + " characters");
    }
  }

  /**
   * The segments of a path between its slashes, each %-decoded, the empty ones kept: {@code
   * /hosts//x/} is {@code ["", "hosts", "", "x", ""]} (with {@code limit} -1).
   */
  static List<String> segments(String rawPath, int limit) throws Refused {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/", limit)) {
      segments.add(decodePath(segment));
    }
    return segments;
  }

  /** The virtual host asked for: the Host header, lower case, without its port. */
  static String host(Exchange exchange) throws Refused {
    String header = exchange.header("Host");
    if (header == null || header.isBlank()) {
      throw new Refused(400, "bad-request", "the request has no Host header; name the virtual host in it");
    }
    String host = header.strip().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
  }

  /** The parameters of the query string. */
  static Map<String, String> query(Exchange exchange) throws Refused {
    Map<String, String> params = new LinkedHashMap<>();
    parse(exchange.rawQuery(), params);
    return params;
  }

  /** The parameters of the query string, then of a form body. */
  static Map<String, String> params(Exchange exchange) throws Refused {
    Map<String, String> params = query(exchange);
    String type = exchange.header("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      parse(exchange.body(), params);
    }
    return params;
  }

  /** The parameters of a form body only (what a form posts, not what its URL carries). */
  static Map<String, String> form(Exchange exchange) throws Refused {
    Map<String, String> params = new LinkedHashMap<>();
    String type = exchange.header("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      parse(exchange.body(), params);
    }
    return params;
  }

  static Refused tooLarge() {
    return new Refused(413, "too-large", "the request body is larger than " + MAX_BODY + " bytes");
  }

  private static void parse(String encoded, Map<String, String> into) throws Refused {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!name.isEmpty()) {
        into.putIfAbsent(name, value);
      }
    }
  }

  private static String decode(String text) throws Refused {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      throw new Refused(400, "bad-request", "malformed %-escape in '" + text + "'");
    }
  }

  /** A path segment's %-escapes decoded; unlike a form, a {@code +} stays a {@code +}. */
  private static String decodePath(String segment) throws Refused {
    return segment.indexOf('%') < 0 ? segment : decode(segment.replace("+", "%2B"));
  }
}
