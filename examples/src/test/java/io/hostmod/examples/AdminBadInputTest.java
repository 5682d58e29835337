package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import io.hostmod.runtime.ModuleManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests to the admin API that are unauthorized, malformed or oversized, and operators acting at
 * once: each gets a specific status and error code (a JSON {@code {"error": code, "message": ...}}
 * from the server, also for a request Jetty refuses before it reaches the API), changes nothing it
 * should not, and the server keeps serving every host (checked after every test). The basic token
 * cases (none, wrong, in the query of a change) are in {@link ExampleServerTest}.
 */
class AdminBadInputTest {

  private static final String CHAT = "chat.localhost";
  private static final String DOCS = "docs.localhost";
  private static final String LOAD_CHAT_ON_DOCS = "/hosts/docs.localhost/modules/chat/load";

  private ExampleServer server;

  @BeforeEach
  void start() throws Exception {
    server = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {});
  }

  @AfterEach
  void stillServingThenStop() {
    try {
      assertEquals(200, Client.send("GET", server.url(), CHAT, null, null).status(), "chat.localhost still serves");
      Reply hosts = admin("GET", "/hosts", server.adminToken());
      assertEquals(200, hosts.status(), "the admin API still answers");
      assertFalse(hosts.body().contains("\"state\":\"loading\"") || hosts.body().contains("\"state\":\"unloading\"")
          || hosts.body().contains("\"state\":\"reloading\""), "no operation left half done: " + hosts.body());
    } finally {
      server.stop();
    }
  }

  // ---- the token

  static Stream<Arguments> badAuthorizations() {
    return Stream.of(
        Arguments.of("Bearer with nothing after it", "Bearer"),
        Arguments.of("Bearer and a blank token", "Bearer    "),
        Arguments.of("another scheme", "Basic YWRtaW46YWRtaW4="),
        Arguments.of("the token without its scheme", null),
        Arguments.of("the token with one character more", "+"),
        Arguments.of("the token with one character less", "-"),
        Arguments.of("the token in capitals", "upper"),
        Arguments.of("a token of 8000 characters", "Bearer " + "x".repeat(8000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAuthorizations")
  void aChangeWithABadTokenIsRefusedAndChangesNothing(String what, String authorization) {
    String token = server.adminToken();
    String header = authorization == null ? token
        : authorization.equals("+") ? "Bearer " + token + "0"
        : authorization.equals("-") ? "Bearer " + token.substring(1)
        : authorization.equals("upper") ? "Bearer " + token.toUpperCase(java.util.Locale.ROOT)
        : authorization;

    Reply reply = raw("POST", LOAD_CHAT_ON_DOCS, Map.of("Authorization", header));

    assertEquals(401, reply.status(), reply.body());
    assertEquals("unauthorized", errorOf(reply));
    assertEquals("Bearer realm=\"hostmod admin\"", reply.header("WWW-Authenticate"));
    assertFalse(server.modules().isLoaded(DOCS, "chat"), "nothing done");
  }

  // ---- malformed and oversized requests

  static Stream<Arguments> badRequests() {
    return Stream.of(
        // what, method, path (sent as is), status, error code (null: Jetty's own answer, unchecked)
        Arguments.of("a malformed %-escape in the query", "GET", "/hosts?x=%zz", 400, null),
        Arguments.of("a malformed %-escape in the path", "POST", "/hosts/%zz/activate", 400, null),
        Arguments.of("a line break in a host name", "POST", "/hosts/docs%0A.localhost/modules/chat/load", 400,
            "invalid-name"),
        Arguments.of("a tab in a host to activate", "POST", "/hosts/new%09host/activate", 400, "invalid-name"),
        Arguments.of("a space before a host name", "POST", "/hosts/%20docs.localhost/modules/chat/load", 400,
            "invalid-name"),
        Arguments.of("a host that is not configured", "POST", "/hosts/evil.localhost/activate", 404, "unknown-host"),
        Arguments.of("activating the global host", "POST", "/hosts/*/activate", 404, "unknown-host"),
        Arguments.of("deactivating the global host", "POST", "/hosts/*/deactivate", 404, "unknown-host"),
        Arguments.of("an empty host segment", "POST", "/hosts//modules/chat/load", 404, "not-found"),
        Arguments.of("a module name that no catalog has", "POST", "/hosts/docs.localhost/modules/Chat/load", 404,
            "module-not-found"),
        Arguments.of("a path with a module name of dots", "POST", "/hosts/docs.localhost/modules/../load", 404,
            "module-not-found"),
        Arguments.of("a path one segment too long", "POST", LOAD_CHAT_ON_DOCS + "/now", 404, "not-found"),
        Arguments.of("an unknown action", "POST", "/hosts/docs.localhost/modules/chat/explode", 404, "not-found"),
        Arguments.of("an unknown method", "BREW", LOAD_CHAT_ON_DOCS, 405, "method-not-allowed"),
        Arguments.of("a GET of a change", "GET", LOAD_CHAT_ON_DOCS, 405, "method-not-allowed"),
        Arguments.of("a path of 100 000 characters", "POST", "/hosts/" + "d".repeat(100_000) + "/activate", 414,
            "uri-too-long"),
        Arguments.of("a query of 10 000 characters", "GET", "/hosts?q=" + "q".repeat(10_000), 414, "uri-too-long"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aMalformedOrOversizedRequestGetsASpecificErrorAndChangesNothing(
      String what, String method, String path, int status, String code) {
    Set<String> before = server.modules().activeHosts();

    Reply reply = raw(method, path, Map.of("Authorization", "Bearer " + server.adminToken()));

    assertEquals(status, reply.status(), reply.body());
    if (code != null) {
      assertEquals(code, errorOf(reply), reply.body());
      assertTrue(reply.body().length() < 1000, "a short answer, not an echo: " + reply.body().length());
    }
    assertEquals(before, server.modules().activeHosts());
    assertFalse(server.modules().isLoaded(DOCS, "chat"));
  }

  static Stream<Arguments> badBodies() {
    String big = "x".repeat(Http.MAX_BODY + 1);
    return Stream.of(
        // what, extra headers, body, status
        Arguments.of("a body larger than allowed", Map.of(), big, 413),
        Arguments.of("a malformed %-escape in a form body", Map.of(), "confirm=%zz", 400),
        Arguments.of("a Content-Length larger than allowed, with a small body",
            Map.of("Content-Length", "1000000000"), "short", 413),
        Arguments.of("a large body sent in chunks", Map.of("Transfer-Encoding", "chunked"), big, 413),
        Arguments.of("a Content-Length that is no number", Map.of("Content-Length", "lots"), "", 400),
        Arguments.of("a negative Content-Length", Map.of("Content-Length", "-1"), "", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void aBadBodyIsRefusedAndChangesNothing(String what, Map<String, String> headers, String body, int status) {
    Map<String, String> all = new TreeMap<>(headers);
    all.put("Authorization", "Bearer " + server.adminToken());
    all.put("Content-Type", "application/x-www-form-urlencoded");

    Reply reply = raw("POST", LOAD_CHAT_ON_DOCS, all, body);

    assertEquals(status, reply.status(), reply.body());
    assertFalse(server.modules().isLoaded(DOCS, "chat"));
  }

  @Test
  void anInvalidRequestLineIsRefusedByJetty() {
    Reply reply = rawBytes("NONSENSE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

    assertEquals(400, reply.status());
  }

  // ---- operators acting at once

  /**
   * Four operators load, unload and reload chat on two hosts and deactivate and activate docs,
   * all at once: each answer is one a serial order gives (200, or 409/404 for what another
   * operator changed first), never a 500; the public side keeps answering meanwhile.
   */
  @Test
  void operatorsActingAtOnceGetOnlyAnswersASerialOrderGives() throws Exception {
    List<String> changes = List.of(
        "/hosts/docs.localhost/modules/chat/load", "/hosts/docs.localhost/modules/chat/unload",
        "/hosts/team.localhost/modules/chat/reload", "/hosts/team.localhost/modules/chat/unload",
        "/hosts/team.localhost/modules/chat/load", "/hosts/*/modules/chat/reload",
        "/hosts/docs.localhost/deactivate", "/hosts/docs.localhost/activate",
        "/hosts/docs.localhost/modules/chat_page/load");
    ExecutorService operators = Executors.newFixedThreadPool(5);
    try {
      List<Future<Map<Integer, Integer>>> answers = new ArrayList<>();
      for (int operator = 0; operator < 4; operator++) {
        Random random = new Random(operator);
        answers.add(operators.submit(() -> {
          Map<Integer, Integer> statuses = new TreeMap<>();
          for (int i = 0; i < 25; i++) {
            Reply reply = admin("POST", changes.get(random.nextInt(changes.size())), server.adminToken());
            statuses.merge(reply.status(), 1, Integer::sum);
            assertTrue(Set.of(200, 404, 409).contains(reply.status()), reply.status() + " " + reply.body());
          }
          return statuses;
        }));
      }
      Future<Integer> reader = operators.submit(() -> {
        int served = 0;
        for (int i = 0; i < 50; i++) {
          served += Client.send("GET", server.url(), CHAT, null, null).status() == 200 ? 1 : 0;
        }
        return served;
      });
      for (Future<Map<Integer, Integer>> answer : answers) {
        assertTrue(answer.get(1, TimeUnit.MINUTES).containsKey(200));
      }
      assertEquals(50, reader.get(1, TimeUnit.MINUTES), "chat.localhost answered every request meanwhile");
    } finally {
      operators.shutdownNow();
    }
    // Whatever the order, the state is one the rules allow: chat_page only where chat is.
    for (String host : server.modules().activeHosts()) {
      if (server.modules().isLoaded(host, "chat_page")) {
        assertTrue(server.modules().isLoaded(host, "chat"), host);
      }
      if (!host.equals(ModuleManager.GLOBAL) && server.modules().isLoaded(host, "chat")) {
        assertTrue(server.modules().isLoaded(ModuleManager.GLOBAL, "chat"), host);
      }
    }
  }

  // ---- helpers

  private Reply admin(String method, String path, String token) {
    return Client.send(method, server.adminUrl().resolve(path), null, token, null);
  }

  /** The error code of a JSON error answer. */
  private static String errorOf(Reply reply) {
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"error\":\"([^\"]*)\"").matcher(reply.body());
    return code.find() ? code.group(1) : null;
  }

  private Reply raw(String method, String path, Map<String, String> headers) {
    return raw(method, path, headers, null);
  }

  /**
   * Sends a request as written, over a socket: the JDK's client refuses malformed paths, unknown
   * methods and lying headers, which is what these tests send.
   */
  private Reply raw(String method, String path, Map<String, String> headers, String body) {
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(server.adminUrl().getPort()).append("\r\n");
    request.append("Connection: close\r\n");
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    boolean chunked = "chunked".equals(headers.get("Transfer-Encoding"));
    if (body != null && !headers.containsKey("Content-Length") && !chunked) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (chunked) {
      bytes.writeBytes((Integer.toHexString(content.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      bytes.writeBytes(content);
      bytes.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      bytes.writeBytes(content);
    }
    return rawBytes(bytes.toByteArray());
  }

  private Reply rawBytes(byte[] request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.adminUrl().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one response: its head, then as many bytes as its Content-Length says (not up to the
   * end of the stream: a server refusing a body it has not read may keep the connection open).
   */
  private static Reply read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    Reply headOnly = parse(head.toString(StandardCharsets.ISO_8859_1));
    String length = headOnly.header("Content-Length");
    byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.strip()));
    return new Reply(headOnly.status(), new String(body, StandardCharsets.UTF_8), headOnly.headers());
  }

  /** The head of a raw HTTP/1.1 response as a {@link Reply} without body. */
  private static Reply parse(String response) {
    int end = response.indexOf("\r\n\r\n");
    end = end < 0 ? response.length() : end;
    String[] head = response.substring(0, end).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.computeIfAbsent(head[i].substring(0, colon).strip(), k -> new ArrayList<>())
          .add(head[i].substring(colon + 1).strip());
    }
    return new Reply(status, "", java.net.http.HttpHeaders.of(headers, (a, b) -> true));
  }
}
