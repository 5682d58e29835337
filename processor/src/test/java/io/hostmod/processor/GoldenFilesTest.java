package io.hostmod.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static io.hostmod.processor.HostmodTesting.compile;
import static io.hostmod.processor.HostmodTesting.generatedSources;
import static io.hostmod.processor.HostmodTesting.serviceFile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated code of a representative module set, the fixtures of {@code
 * src/test/resources/fixtures/org/example/chat} (a per-host module with generic state, a hook, an
 * option and a dependency its constructor takes, a plain global module with primitive state, a
 * per-host module whose state holds records (so its table has a state codec), a shared module with
 * a host proxy of generic, varargs and throwing methods): every binding, the host proxy, the catalog and the
 * service file, as files under {@code src/test/resources/golden}. A change to generated code thus
 * shows in review as a change to these files.
 *
 * <p>After an intended change, rewrite them with {@code mvn verify -Dhostmod.golden.update=true}
 * (a switch of this test, not a processor option) and review the diff.
 */
class GoldenFilesTest {

  private static final String UPDATE = "hostmod.golden.update";
  private static final Path GOLDEN =
      Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");
  private static final String SOURCE_OUTPUT = "/SOURCE_OUTPUT/";

  @Test
  void generatedCodeMatchesTheGoldenFiles() throws IOException {
    Map<String, String> generated = generated();

    if (Boolean.getBoolean(UPDATE)) {
      rewrite(generated);
      return;
    }
    Map<String, String> golden = golden();
    assertWithMessage(
            "generated files differ from %s; if intended, run with -D%s=true and review the diff",
            GOLDEN, UPDATE)
        .that(generated.keySet())
        .containsExactlyElementsIn(golden.keySet());
    for (Map.Entry<String, String> file : generated.entrySet()) {
      String expected = golden.get(file.getKey());
      if (!expected.equals(file.getValue())) {
        throw new AssertionError(
            "generated " + file.getKey() + " differs from its golden file (- golden, + generated);"
                + " if intended, run with -D" + UPDATE + "=true and review the diff\n"
                + LineDiff.of(expected, file.getValue()));
      }
    }
  }

  /** The generated files by their path under the golden directory. */
  private static Map<String, String> generated() {
    Compilation compilation =
        compile(
            Source.fixture("org.example.chat.ChatModule"),
            Source.fixture("org.example.chat.MucModule"),
            Source.fixture("org.example.chat.RosterModule"),
            Source.fixture("org.example.chat.ServerContactInfo"));
    Map<String, String> files = new TreeMap<>();
    generatedSources(compilation)
        .forEach((path, text) -> files.put(path.substring(SOURCE_OUTPUT.length()), text));
    files.put(HostmodTesting.SERVICE_FILE, serviceFile(compilation));
    return files;
  }

  private static Map<String, String> golden() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(GOLDEN)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(
            GOLDEN.relativize(path).toString().replace('\\', '/'),
            Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void rewrite(Map<String, String> generated) throws IOException {
    if (Files.exists(GOLDEN)) {
      try (Stream<Path> paths = Files.walk(GOLDEN)) {
        for (Path path : paths.filter(Files::isRegularFile).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = GOLDEN.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** A line diff of two texts, as unified diffs show it, without the hunk headers. */
  static final class LineDiff {

    private LineDiff() {}

    static String of(String expected, String actual) {
      List<String> before = expected.lines().toList();
      List<String> after = actual.lines().toList();
      // Longest common subsequence of lines, from the end, then walked from the start.
      int[][] common = new int[before.size() + 1][after.size() + 1];
      for (int i = before.size() - 1; i >= 0; i--) {
        for (int j = after.size() - 1; j >= 0; j--) {
          common[i][j] =
              before.get(i).equals(after.get(j))
                  ? common[i + 1][j + 1] + 1
                  : Math.max(common[i + 1][j], common[i][j + 1]);
        }
      }
      List<String> diff = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < before.size() || j < after.size()) {
        if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
          diff.add("  " + before.get(i++));
          j++;
        } else if (i < before.size() && (j == after.size() || common[i + 1][j] >= common[i][j + 1])) {
          diff.add("- " + before.get(i++));
        } else {
          diff.add("+ " + after.get(j++));
        }
      }
      return String.join("\n", withContext(diff, 3));
    }

    /** The changed lines with {@code context} unchanged lines around them; "..." for the rest. */
    private static List<String> withContext(List<String> diff, int context) {
      List<String> shown = new ArrayList<>();
      int lastShown = -1;
      for (int k = 0; k < diff.size(); k++) {
        boolean near = false;
        for (int d = Math.max(0, k - context); d <= Math.min(diff.size() - 1, k + context); d++) {
          near |= !diff.get(d).startsWith("  ");
        }
        if (near) {
          if (lastShown >= 0 && lastShown < k - 1) {
            shown.add("...");
          }
          shown.add(diff.get(k));
          lastShown = k;
        }
      }
      return shown;
    }
  }
}
