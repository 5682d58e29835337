package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/testing.md's examples are real code: each is an excerpt, word for word, of a test compiled and run here. */
class TestingDocTest {

  private static final Path DOC = Path.of("..", "docs", "testing.md");
  private static final Path TESTS = Path.of("src/test/java/io/hostmod/examples");

  @Test
  void everyJavaExampleIsAnExcerptOfATestHere() throws IOException {
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(TESTS)) {
      for (Path file : files.filter(path -> path.toString().endsWith("Test.java")).toList()) {
        sources.add(Files.readString(file));
      }
    }
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
    int examples = 0;
    while (block.find()) {
      String example = block.group(1);
      examples++;
      assertTrue(sources.stream().anyMatch(source -> source.contains(example)),
          "docs/testing.md has an example that no test in " + TESTS + " holds word for word:\n" + example);
    }
    assertFalse(examples == 0, "docs/testing.md has no java example");
  }
}
