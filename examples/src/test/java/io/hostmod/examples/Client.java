package io.hostmod.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for the tests, that can name the virtual host in the Host header. */
final class Client {

  static {
    // The JDK client sets Host from the URL unless allowed to take it from a header; also set in
    // the surefire argLine, as the property is read once, when the client classes load.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A response: status, body and headers. */
  record Reply(int status, String body, HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private Client() {}

  /**
   * Sends a request.
   *
   * @param host the Host header, or {@code null} for the URL's
   * @param token the admin token, or {@code null} for none
   * @param form a form body ({@code a=1&b=2}), or {@code null} for none
   */
  static Reply send(String method, URI url, String host, String token, String form) {
    return send(method, url, host, token, form, Duration.ofSeconds(10));
  }

  /** {@link #send(String, URI, String, String, String)} that fails after {@code timeout}. */
  static Reply send(String method, URI url, String host, String token, String form, Duration timeout) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (host != null) {
      headers.put("Host", host);
    }
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return sendWith(method, url, headers, form, timeout);
  }

  /** Sends a request with these headers, and a form body unless {@code form} is {@code null}. */
  static Reply sendWith(String method, URI url, Map<String, String> headers, String form, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
    headers.forEach(request::header);
    if (form != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    request.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
