package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that stall or flood, on raw sockets: a request head or body that never ends, one that
 * trickles a byte at a time, more connections than the port takes. The server must keep both
 * ports answering, and end or refuse what it cannot serve, within its {@link HttpLimits}.
 */
class HostileClientTest {

  private static final String CHAT = "chat.localhost";

  private final List<Socket> sockets = new ArrayList<>();
  private ExampleServer server;

  @AfterEach
  void closeAndStop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  /**
   * 64 request heads and 64 bodies that stop half way (the JDK server's 8 shared threads were
   * locked by 8) leave the public and the admin port answering in under a second, while every
   * stalled connection is still open, unanswered: with the default limits, none has timed out.
   */
  @Test
  void stalledHeadsAndBodiesLeaveBothPortsAnswering() throws IOException {
    server = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {});
    for (int i = 0; i < 64; i++) {
      stall("GET / HTTP/1.1\r\nHost: " + CHAT + "\r\nX-Half: of a head");
      stall("POST /chat/messages HTTP/1.1\r\nHost: " + CHAT + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          + "Content-Length: 1000\r\n\r\ntext=only+part+of+it");
    }
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      Reply page = Client.send("GET", server.url(), CHAT, null, null, Duration.ofSeconds(1));
      Reply hosts = Client.send("GET", server.adminUrl().resolve("/hosts"), null, server.adminToken(), null,
          Duration.ofSeconds(1));
      Reply posted = Client.send("POST", server.url().resolve("/chat/messages"), CHAT, null, "text=still+here",
          Duration.ofSeconds(1));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(200, page.status());
      assertEquals(200, hosts.status());
      assertEquals(201, posted.status());
      assertTrue(millis < 1000, "three answers took " + millis + " ms");
    }
    for (Socket stalled : sockets) {
      assertTrue(stillWaiting(stalled), "a stalled connection is still open and unanswered");
    }
  }

  /**
   * A head sent a byte every 100 ms never lets the idle timeout fire, but the head timeout ends
   * the connection; a body that stops gets 408 once the body timeout is over.
   */
  @Test
  void aTricklingHeadIsCutAndAStalledBodyTimesOut() throws Exception {
    HttpLimits quick = new HttpLimits(8, 64, Duration.ofMillis(600), Duration.ofMillis(600), Duration.ofSeconds(10));
    server = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {}, quick, HttpLimits.adminDefaults());

    Socket trickle = connect(server.url().getPort());
    OutputStream out = trickle.getOutputStream();
    byte[] head = ("GET / HTTP/1.1\r\nHost: " + CHAT + "\r\nX-Slow: " + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);
    long start = System.nanoTime();
    for (int i = 0; i < head.length && !ended(trickle); i++) {
      try {
        out.write(head[i]);
        out.flush();
      } catch (IOException closed) {
        break;
      }
      Thread.sleep(100);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 3000, "the trickling head was cut after " + millis + " ms, with its head timeout at 600");

    Socket body = stall("POST /chat/messages HTTP/1.1\r\nHost: " + CHAT + "\r\nContent-Type: application/x-www-form-urlencoded"
        + "\r\nContent-Length: 100\r\n\r\ntext=half");
    body.setSoTimeout(5000);
    String answer = new String(body.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    assertEquals("HTTP/1.1 408", answer);
  }

  /**
   * Past its connection limit a port answers 503 with Retry-After at once and closes, rather than
   * leaving the client queued; the admin port, with a limit of its own, answers meanwhile, and the
   * public port serves again once connections close.
   */
  @Test
  void aFloodOfConnectionsIsRefusedAtOnce() throws Exception {
    HttpLimits few = new HttpLimits(8, 8, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30));
    server = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {}, few, HttpLimits.adminDefaults());
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // Served once and kept alive: each is surely open and counted before the flood starts.
      Socket kept = stall("GET / HTTP/1.1\r\nHost: " + CHAT + "\r\n\r\n");
      assertTrue(readHead(kept).startsWith("HTTP/1.1 200 "));
      held.add(kept);
    }
    for (int i = 0; i < 20; i++) {
      Socket flood = connect(server.url().getPort());
      flood.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + CHAT + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      flood.setSoTimeout(2000);
      long start = System.nanoTime();
      String refused = new String(flood.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
      assertTrue(refused.contains("Retry-After: 1"), refused);
      assertTrue(refused.contains("\"too-many-connections\""), refused);
      assertTrue(millis < 1000, "refused after " + millis + " ms");
    }
    assertEquals(200, Client.send("GET", server.adminUrl().resolve("/hosts"), null, server.adminToken(), null,
        Duration.ofSeconds(1)).status(), "the admin port has connections of its own");
    for (Socket socket : held) {
      socket.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = Client.send("GET", server.url(), CHAT, null, null, Duration.ofSeconds(1)).status();
    }
    assertEquals(200, status, "served again once connections closed");
  }

  // ---- helpers

  /** A connection that has sent {@code text} and then nothing more. */
  private Socket stall(String text) throws IOException {
    Socket socket = connect(server.url().getPort());
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    sockets.add(socket);
    return socket;
  }

  /** Reads a response's head, and its body by its Content-Length; returns the head. */
  private static String readHead(Socket socket) throws IOException {
    socket.setSoTimeout(5000);
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = socket.getInputStream().read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    socket.getInputStream().readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    return head.toString();
  }

  /** Whether the server has neither answered nor closed the connection yet. */
  private static boolean stillWaiting(Socket socket) throws IOException {
    return !ended(socket);
  }

  /** Whether the server has answered or closed the connection (or reset it). */
  private static boolean ended(Socket socket) throws IOException {
    socket.setSoTimeout(1);
    try {
      socket.getInputStream().read();
      return true;
    } catch (SocketTimeoutException nothingYet) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
