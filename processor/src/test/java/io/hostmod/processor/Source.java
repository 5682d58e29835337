package io.hostmod.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * A fixture source file and its text, so that a test says where a diagnostic belongs by quoting
 * the code it belongs to rather than by counting lines: {@code source.at("void load(String name)",
 * "load")} is the line holding that snippet (which must occur once in the file) and the column
 * where {@code load} starts in it.
 */
record Source(JavaFileObject file, String text) {

  /** A place in a source file; line and column are 1-based, as in javac's diagnostics. */
  record Position(Source source, int line, int column) {}

  /**
   * Where source files are written, each in a directory of its own: the Eclipse compiler takes
   * only files that exist on disk (javac reads the text from memory all the same).
   */
  private static final Path ROOT = temporaryRoot();
  private static final AtomicInteger COUNT = new AtomicInteger();

  /** A source file of the class {@code qualifiedName}, with {@code text} as its whole content. */
  static Source of(String qualifiedName, String text) {
    Path path =
        ROOT.resolve(Integer.toString(COUNT.incrementAndGet()))
            .resolve(qualifiedName.replace('.', '/') + ".java");
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaFileObject file = new SimpleJavaFileObject(path.toUri(), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }

      @Override
      public InputStream openInputStream() {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      }
    };
    return new Source(file, text);
  }

  private static Path temporaryRoot() {
    try {
      Path root = Files.createTempDirectory("hostmod-sources");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  /** The fixture {@code src/test/resources/fixtures/<package path>/<name>.java}. */
  static Source fixture(String qualifiedName) {
    String path = "/fixtures/" + qualifiedName.replace('.', '/') + ".java";
    try (InputStream in = Source.class.getResourceAsStream(path)) {
      assertWithMessage("fixture %s", path).that(in).isNotNull();
      return of(qualifiedName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the snippet starts. */
  Position at(String snippet) {
    return at(snippet, snippet);
  }

  /** The line of the snippet, and the column where {@code part}, a piece of it, starts. */
  Position at(String snippet, String part) {
    assertWithMessage("occurrences of \"%s\" in %s", snippet, file.getName())
        .that(text.split(Pattern.quote(snippet), -1).length - 1)
        .isEqualTo(1);
    int within = snippet.indexOf(part);
    assertWithMessage("\"%s\" is part of \"%s\"", part, snippet).that(within).isAtLeast(0);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int start = lines[i].indexOf(snippet);
      if (start >= 0) {
        return new Position(this, i + 1, start + within + 1);
      }
    }
    throw new AssertionError("\"" + snippet + "\" spans lines; quote part of one line");
  }
}
