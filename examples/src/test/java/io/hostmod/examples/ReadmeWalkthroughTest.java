package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleStatus;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's curl walk-through, replayed against a real server: every command must succeed, and
 * the messages must survive the reload it shows. Its module jar part is replayed too, on a copy of
 * the modules directory: the {@code sed} line is applied to the guestbook's source in memory, the
 * {@code mvn} line builds the jar from it with javac and the hostmod processor, into the copy.
 */
class ReadmeWalkthroughTest {

  @TempDir Path work;

  private static final Path README = Path.of("..", "README.md");

  @Test
  void theWalkthroughWorksAsWritten() throws IOException {
    List<String> commands = walkthrough();
    assertTrue(commands.size() >= 9, "the walk-through: " + commands);
    Path built = Path.of("modules", "guestbook.jar");
    assertTrue(Files.isRegularFile(built), "examples-guestbook's package phase builds " + built.toAbsolutePath());
    Path moduleDirectory = Files.createDirectories(work.resolve("modules"));
    Files.copy(built, moduleDirectory.resolve("guestbook.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    ExampleServer server = ExampleServer.start(ExampleServer.readConfig(null), moduleDirectory, 0, 0, line -> {});
    try {
      String firstVersion = guestbookVersion(server);
      assertTrue(firstVersion.startsWith("guestbook.jar@"), firstVersion);
      List<Reply> replies = new ArrayList<>();
      String token = null;
      Map<Path, String> edited = new HashMap<>();
      Map<String, Reply> lastRead = new HashMap<>();
      for (String command : commands) {
        List<String> words = words(command);
        if (words.get(0).equals("export")) {
          assertTrue(words.get(1).startsWith("TOKEN="), command);
          token = server.adminToken();   // what the user pastes from the server's output
          continue;
        }
        if (words.get(0).equals("sed")) {
          sed(words, edited);
          continue;
        }
        if (words.get(0).equals("mvn")) {
          assertEquals(List.of("mvn", "-B", "-q", "-pl", "examples-guestbook", "-am", "package", "-DskipTests"), words);
          buildGuestbook(edited, moduleDirectory);
          continue;
        }
        Reply reply = curl(words, server, token);
        assertTrue(reply.status() < 300, command + " answered " + reply.status() + ": " + reply.body());
        replies.add(reply);
        if (!command.contains(" -")) {
          lastRead.put(words.get(1), reply);
        }
      }
      String last = lastRead.get("http://docs.localhost:8080/chat/messages").body();
      assertTrue(last.contains("\"from\":\"bob\",\"text\":\"docs has chat now\""), "kept across the reload: " + last);
      assertTrue(server.modules().isLoaded("docs.localhost", "chat"));
      String guestbook = lastRead.get("http://docs.localhost:8080/guestbook").body();
      assertTrue(guestbook.startsWith("Guestbook, new code: sign it"), "the new code's banner: " + guestbook);
      assertTrue(guestbook.contains("ada: hello guestbook\n"), "the entry kept across versions: " + guestbook);
      String secondVersion = guestbookVersion(server);
      assertNotEquals(firstVersion, secondVersion);
      String hosts = Client.send("GET", server.adminUrl().resolve("/hosts"), null, server.adminToken(), null).body();
      assertTrue(hosts.contains("\"module\":\"guestbook\",\"kind\":\"per-host\",\"state\":\"loaded\"")
          && hosts.contains("\"version\":\"" + secondVersion + "\""), hosts);
    } finally {
      server.stop();
    }
  }

  /** The version (jar and time) guestbook runs on docs.localhost. */
  private static String guestbookVersion(ExampleServer server) {
    for (HostStatus host : server.modules().status()) {
      for (ModuleStatus module : host.modules()) {
        if (host.host().equals("docs.localhost") && module.name().equals("guestbook")) {
          return module.version();
        }
      }
    }
    throw new AssertionError("guestbook is not loaded on docs.localhost");
  }

  /** {@code sed -i 's/old/new/' file}, on the file's text in memory (the source tree is not touched). */
  private static void sed(List<String> words, Map<Path, String> edited) throws IOException {
    assertEquals(4, words.size(), String.join(" ", words));
    assertEquals("-i", words.get(1));
    String[] parts = words.get(2).split("/", -1);
    assertEquals(4, parts.length, words.get(2));
    assertEquals("s", parts[0]);
    Path file = Path.of("..").resolve(words.get(3)).normalize();
    String text = edited.containsKey(file) ? edited.get(file) : Files.readString(file);
    assertTrue(text.contains(parts[1]), file + " has no '" + parts[1] + "'");
    edited.put(file, text.replaceFirst(Pattern.quote(parts[1]), Matcher.quoteReplacement(parts[2])));
  }

  /** What the README's mvn line does: the guestbook's sources (as edited) compiled into its jar, in the directory. */
  private void buildGuestbook(Map<Path, String> edited, Path moduleDirectory) throws IOException {
    Path sources = Path.of("..", "examples-guestbook", "src", "main", "java").normalize();
    Map<String, String> code = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path file : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".java"))::iterator) {
        code.put(sources.relativize(file).toString(), edited.containsKey(file) ? edited.get(file) : Files.readString(file));
      }
    }
    Path jar = ModuleJarBuilder.build(work.resolve("build"), "guestbook.jar", code);
    // A later time than the jar the server runs, as a rebuild has; then in under another name and renamed.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(2)));
    Path partial = moduleDirectory.resolve("guestbook.jar.part");
    Files.copy(jar, partial, StandardCopyOption.COPY_ATTRIBUTES);
    Files.move(partial, moduleDirectory.resolve("guestbook.jar"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The commands of the README's first sh block that has a curl in it, comments removed. */
  private static List<String> walkthrough() throws IOException {
    Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
    while (block.find()) {
      if (block.group(1).startsWith("curl")) {
        List<String> commands = new ArrayList<>();
        for (String line : block.group(1).split("\n")) {
          if (!line.isBlank()) {
            commands.add(line);
          }
        }
        return commands;
      }
    }
    throw new AssertionError("no curl walk-through in README.md");
  }

  /** Runs one curl command line (-X, -H, -d and a URL) against the server, as curl would. */
  private static Reply curl(List<String> words, ExampleServer server, String token) {
    assertEquals("curl", words.get(0), String.join(" ", words));
    String method = null;
    String authorization = null;
    String form = null;
    URI url = null;
    for (int i = 1; i < words.size(); i++) {
      switch (words.get(i)) {
        case "-X" -> method = words.get(++i);
        case "-d" -> form = words.get(++i);
        case "-H" -> {
          String header = words.get(++i).replace("$TOKEN", String.valueOf(token));
          assertTrue(header.startsWith("Authorization: Bearer "), header);
          authorization = header.substring("Authorization: Bearer ".length());
        }
        default -> url = URI.create(words.get(i));
      }
    }
    String host = url.getHost();
    URI base = switch (url.getPort()) {
      case ExampleServer.DEFAULT_PORT -> server.url();
      case ExampleServer.DEFAULT_ADMIN_PORT -> server.adminUrl();
      default -> throw new AssertionError("an unexpected port in " + url);
    };
    URI target = base.resolve(url.getRawPath());
    method = method != null ? method : form != null ? "POST" : "GET";
    return Client.send(method, target, host.equals("127.0.0.1") ? null : host, authorization, form);
  }

  /** Splits a shell line into words: quotes group, a # outside quotes starts a comment. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '#' && word == null) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = (word == null ? new StringBuilder() : word).append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
