package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.examples.Client.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's curl walk-through, replayed against a real server: every command must succeed, and
 * the messages must survive the reload it shows.
 */
class ReadmeWalkthroughTest {

  private static final Path README = Path.of("..", "README.md");

  @Test
  void theWalkthroughWorksAsWritten() throws IOException {
    List<String> commands = walkthrough();
    assertTrue(commands.size() >= 9, "the walk-through: " + commands);
    ExampleServer server = ExampleServer.start(ExampleServer.readConfig(null), 0, 0, line -> {});
    try {
      List<Reply> replies = new ArrayList<>();
      String token = null;
      for (String command : commands) {
        List<String> words = words(command);
        if (words.get(0).equals("export")) {
          assertTrue(words.get(1).startsWith("TOKEN="), command);
          token = server.adminToken();   // what the user pastes from the server's output
          continue;
        }
        Reply reply = curl(words, server, token);
        assertTrue(reply.status() < 300, command + " answered " + reply.status() + ": " + reply.body());
        replies.add(reply);
      }
      String last = replies.get(replies.size() - 1).body();
      assertTrue(last.contains("\"from\":\"bob\",\"text\":\"docs has chat now\""), "kept across the reload: " + last);
      assertTrue(server.modules().isLoaded("docs.localhost", "chat"));
    } finally {
      server.stop();
    }
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
