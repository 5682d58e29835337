package io.hostmod.examples;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests from and writing responses to the JDK's HTTP server, for both listeners. */
final class Http {

  /** The largest request body read; a larger one is answered with 413. */
  static final int MAX_BODY = 16 * 1024;

  /**
   * The longest path and query a request may have; a longer one is answered with 414 before it
   * reaches a route or an operation (the JDK's server itself accepts any length).
   */
  static final int MAX_URI = 2048;

  /** A request refused before it reaches a route, with the response that says why. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Response response;

    Refused(int status, String code, String message) {
      super(message, null, false, false);
      this.response = Response.error(status, code, message);
    }
  }

  private Http() {}

  /** Refuses a request whose path and query are longer than {@link #MAX_URI}. */
  static void requireShortUri(HttpExchange exchange) throws Refused {
    if (exchange.getRequestURI().getRawPath().length() + String.valueOf(exchange.getRequestURI().getRawQuery()).length()
        > MAX_URI) {
      throw new Refused(414, "uri-too-long", "the request's path and query are longer than " + MAX_URI + " characters");
    }
  }

  /** The virtual host asked for: the Host header, lower case, without its port. */
  static String host(HttpExchange exchange) throws Refused {
    String header = exchange.getRequestHeaders().getFirst("Host");
    if (header == null || header.isBlank()) {
      throw new Refused(400, "bad-request", "the request has no Host header; name the virtual host in it");
    }
    String host = header.strip().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
  }

  /** The parameters of the query string. */
  static Map<String, String> query(HttpExchange exchange) throws Refused {
    Map<String, String> params = new LinkedHashMap<>();
    parse(exchange.getRequestURI().getRawQuery(), params);
    return params;
  }

  /** The parameters of the query string, then of a form body. */
  static Map<String, String> params(HttpExchange exchange) throws Refused, IOException {
    Map<String, String> params = query(exchange);
    String body = body(exchange);
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      parse(body, params);
    }
    return params;
  }

  /** The request body as UTF-8, at most {@link #MAX_BODY} bytes. */
  static String body(HttpExchange exchange) throws Refused, IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > MAX_BODY) {
      throw tooLarge();
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw tooLarge();
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Sends the response and ends the exchange. */
  static void send(HttpExchange exchange, Response response) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    response.headers().forEach(exchange.getResponseHeaders()::set);
    boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
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

  private static Refused tooLarge() {
    return new Refused(413, "too-large", "the request body is larger than " + MAX_BODY + " bytes");
  }
}
