package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server as its users start it: {@code main} in a process of its own, stopped by a signal
 * (SIGTERM, which runs the same shutdown hook as Ctrl-C).
 */
class MainTest {

  private static final String END_OF_OUTPUT = "\u0000end";

  @Test
  void mainServesUntilSignalledThenUnloadsEverything() throws Exception {
    Process process = java("--port", "0", "--admin-port", "0");
    BlockingQueue<String> output = read(process);
    try {
      String banner = until(output, "Ctrl-C stops the server.");
      URI url = URI.create(find(banner, "hostmod example server on (\\S+)"));
      URI admin = URI.create(find(banner, "admin API and console: (http://\\S+/)\\?token="));
      String token = find(banner, "export TOKEN=(\\w+)");
      assertTrue(banner.contains("  http://chat.localhost:" + url.getPort() + "/"), banner);

      assertEquals(200, Client.send("GET", url, "chat.localhost", null, null).status());
      Reply loaded = Client.send("POST", admin.resolve("/hosts/docs.localhost/modules/chat_page/load"), null, token, null);
      assertEquals(200, loaded.status(), loaded.body());

      process.toHandle().destroy();   // SIGTERM; Process.destroy() would also close our end of its output
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server ends on SIGTERM");
      String shutdown = until(output, END_OF_OUTPUT);
      for (String line : List.of("unloaded chat_page on docs.localhost", "unloaded chat on docs.localhost",
          "deactivated host docs.localhost", "deactivated host chat.localhost", "unloaded chat on *",
          "unloaded request_metrics on *", "stopped")) {
        assertTrue(shutdown.contains(line), line + " in:\n" + shutdown);
      }
      assertTrue(shutdown.indexOf("unloaded chat_page on docs.localhost") < shutdown.indexOf("unloaded chat on docs.localhost"));
      assertTrue(shutdown.indexOf("deactivated host chat.localhost") < shutdown.indexOf("unloaded chat on *"));
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aBadArgumentPrintsTheUsage() throws Exception {
    Process process = java("--port", "http");
    BlockingQueue<String> output = read(process);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue());
    String text = until(output, END_OF_OUTPUT);
    assertTrue(text.contains("a port is a number from 0 to 65535, not 'http'"), text);
    assertTrue(text.contains("usage: ExampleServer [--config file.toml]"), text);
  }

  private static Process java(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ExampleServer.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** The process's output, line by line, then {@link #END_OF_OUTPUT}. */
  private static BlockingQueue<String> read(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException closed) {
        // the process is gone
      }
      lines.add(END_OF_OUTPUT);
    });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** The lines up to and including {@code last}, waiting at most 60 seconds in all. */
  private static String until(BlockingQueue<String> lines, String last) throws InterruptedException {
    StringBuilder text = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || (line.equals(END_OF_OUTPUT) && !last.equals(END_OF_OUTPUT))) {
        throw new AssertionError("no line '" + last + "' in:\n" + text);
      }
      if (line.equals(last)) {
        return text.toString();
      }
      text.append(line).append('\n');
    }
  }

  private static String find(String text, String regex) {
    Matcher found = Pattern.compile(regex).matcher(text);
    assertTrue(found.find(), regex + " in:\n" + text);
    return found.group(1);
  }
}
