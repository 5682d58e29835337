package io.hostmod.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/**
 * A fixture source file and its text, so that a test says where a diagnostic belongs by quoting
 * the code it belongs to rather than by counting lines: {@code source.at("void load(String name)",
 * "load")} is the line holding that snippet (which must occur once in the file) and the column
 * where {@code load} starts in it.
 */
record Source(JavaFileObject file, String text) {

  /** A place in a source file; line and column are 1-based, as in javac's diagnostics. */
  record Position(Source source, int line, int column) {}

  /** A source file of the class {@code qualifiedName}, with {@code text} as its whole content. */
  static Source of(String qualifiedName, String text) {
    return new Source(JavaFileObjects.forSourceString(qualifiedName, text), text);
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
