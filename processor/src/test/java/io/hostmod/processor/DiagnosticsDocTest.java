package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.truth.Correspondence;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.hostmod.processor.validation.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps {@code docs/diagnostics.md} and the processor in step: every {@link Message} is there with
 * its kind and exact template, nothing else is, every example compiles to its diagnostic, and
 * every message is asserted by a test of its own.
 */
class DiagnosticsDocTest {

  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path DOC = BASEDIR.resolve("../docs/diagnostics.md").normalize();
  private static final Path TESTS = BASEDIR.resolve("src/test/java");

  /** A failure of the processor itself: no code triggers it on purpose. */
  private static final Set<Message> NOT_TRIGGERED_BY_CODE = EnumSet.of(Message.INTERNAL_ERROR);

  private static final Pattern HEADING = Pattern.compile("^#{1,6} ");
  /** {@code - kind: error}, {@code - message: `...`}: a value in backticks is taken without them. */
  private static final Pattern FIELD = Pattern.compile("^- ([a-z ]+): (`(.*)`|.*)$");
  private static final Pattern COUNT = Pattern.compile("(\\d+) errors and (\\d+) warnings");
  private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record) (\\w+)");
  /** Where an example's javac options put the annotations jar. */
  private static final String ANNOTATIONS_JAR = "<hostmod-annotations>";

  /** One entry of the catalogue: its fields, and the example, if any. */
  record Entry(String id, Map<String, String> fields, String example) {}

  private static Map<String, Entry> entries;
  @TempDir static Path directory;
  private static Path modulePath;

  @BeforeAll
  static void readDoc() throws IOException {
    entries = parse(Files.readString(DOC, StandardCharsets.UTF_8));
    modulePath = Jpms.modulePath(directory);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Message.class)
  void messageIsDocumentedWithItsKindAndTemplate(Message message) {
    Entry entry = entries.get(message.id());

    assertWithMessage("section #### %s in %s", message.id(), DOC).that(entry).isNotNull();
    assertWithMessage("kind of %s", message.id())
        .that(entry.fields().get("kind"))
        .isEqualTo(message.kind().name().toLowerCase(Locale.ROOT));
    assertWithMessage("message of %s", message.id())
        .that(entry.fields().get("message"))
        .isEqualTo(message.template());
  }

  @Test
  void docDocumentsOnlyMessagesThatExist() {
    List<String> ids = Arrays.stream(Message.values()).map(Message::id).toList();

    assertThat(entries.keySet()).containsExactlyElementsIn(ids).inOrder();
  }

  @Test
  void docCountsTheCatalogue() throws IOException {
    Matcher count = COUNT.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
    long errors =
        Arrays.stream(Message.values()).filter(m -> m.kind() == Diagnostic.Kind.ERROR).count();

    assertThat(count.find()).isTrue();
    assertThat(count.group(1) + " errors and " + count.group(2) + " warnings")
        .isEqualTo(errors + " errors and " + (Message.values().length - errors) + " warnings");
  }

  /** The example of each entry, compiled, reports that diagnostic with that kind. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Message.class)
  void exampleReportsTheDiagnostic(Message message) {
    Entry entry = entries.get(message.id());
    if (NOT_TRIGGERED_BY_CODE.contains(message)) {
      assertWithMessage("example of %s", message.id()).that(entry.example()).isNull();
      return;
    }
    assertWithMessage("```java example of %s", message.id()).that(entry.example()).isNotNull();

    Compilation compilation = compileExample(entry);

    assertWithMessage("diagnostics of the example of %s", message.id())
        .that(
            compilation.diagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == message.kind())
                .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                .toList())
        .comparingElementsUsing(
            Correspondence.<String, String>from(String::startsWith, "starts with"))
        .contains("[" + message.id() + "]");
  }

  /** Each message has a test of its own that asserts it, besides the examples here. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Message.class)
  void messageIsAssertedByATest(Message message) throws IOException {
    List<Path> asserting = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
        if (!file.getFileName().toString().equals("DiagnosticsDocTest.java")
            && Files.readString(file).contains("[" + message.id() + "]")) {
          asserting.add(file);
        }
      }
    }

    assertWithMessage("tests under %s asserting [%s]", TESTS, message.id())
        .that(asserting)
        .isNotEmpty();
  }

  // ---- reading the doc

  /** The entries: every {@code ####} section, by id, in the order of the doc. */
  private static Map<String, Entry> parse(String doc) {
    Map<String, Entry> parsed = new LinkedHashMap<>();
    List<String> lines = doc.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("#### ")) {
        continue;
      }
      String id = lines.get(i).substring("#### ".length()).strip();
      Map<String, String> fields = new LinkedHashMap<>();
      StringBuilder example = null;
      boolean inExample = false;
      boolean inOtherBlock = false;
      int j = i + 1;
      for (; j < lines.size(); j++) {
        String line = lines.get(j);
        if (!inExample && !inOtherBlock && HEADING.matcher(line).find()) {
          break;
        }
        if (inExample || inOtherBlock) {
          if (line.equals("```")) {
            inExample = false;
            inOtherBlock = false;
          } else if (inExample) {
            example.append(line).append('\n');
          }
        } else if (line.equals("```java") && example == null) {
          inExample = true;
          example = new StringBuilder();
        } else if (line.startsWith("```")) {
          inOtherBlock = true;
        } else {
          Matcher field = FIELD.matcher(line);
          if (field.matches()) {
            fields.put(field.group(1), field.group(3) != null ? field.group(3) : field.group(2));
          }
        }
      }
      parsed.put(id, new Entry(id, fields, example == null ? null : example.toString()));
      i = j - 1;
    }
    return parsed;
  }

  // ---- compiling an example

  /**
   * Compiles the example as the doc describes: package {@code example}, each top-level
   * declaration in a file of its own (a {@code package} line first moves it to another package),
   * the usual imports, a module-info.java if it declares a module.
   */
  private static Compilation compileExample(Entry entry) {
    List<String> options = new ArrayList<>();
    String optionText = entry.fields().get("javac options");
    if (optionText != null) {
      options.addAll(List.of(optionText.split(" ")));
    }
    boolean annotationsOnly = options.remove(ANNOTATIONS_JAR);
    options.remove("-classpath");
    List<String> declarations = declarations(entry.example());
    boolean modular = declarations.stream().anyMatch(DiagnosticsDocTest::isModuleInfo);
    List<Source> sources = new ArrayList<>();
    for (String declaration : declarations) {
      sources.add(source(declaration, modular || annotationsOnly));
    }
    List<JavaFileObject> files = HostmodTesting.files(sources);
    if (modular) {
      return Jpms.compiler(modulePath, options.toArray(new String[0])).compile(files);
    }
    List<Object> all = new ArrayList<>(List.of("-Xlint:all"));
    all.addAll(options);
    Compiler compiler = HostmodTesting.compiler().withOptions(all);
    if (annotationsOnly) {
      compiler = compiler.withClasspath(List.of(HostmodTesting.codeSource(io.hostmod.Module.class)));
    }
    return compiler.compile(files);
  }

  /** The top-level declarations of an example: each ends where its braces close. */
  private static List<String> declarations(String example) {
    List<String> declarations = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    boolean opened = false;
    for (String line : example.lines().toList()) {
      if (current.length() == 0 && line.isBlank()) {
        continue;
      }
      current.append(line).append('\n');
      for (char c : line.toCharArray()) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        opened |= c == '{';
      }
      if (opened && depth == 0) {
        declarations.add(current.toString());
        current.setLength(0);
        opened = false;
      }
    }
    return declarations;
  }

  private static boolean isModuleInfo(String declaration) {
    return declaration.startsWith("module ");
  }

  /**
   * The file of one declaration: module-info.java, or its package, the imports an example may
   * use without writing them (but not one of a name it declares), and the declaration.
   */
  private static Source source(String declaration, boolean annotationsOnly) {
    if (isModuleInfo(declaration)) {
      return Source.of("module-info", declaration);
    }
    String packageName = "example";
    String body = declaration;
    if (declaration.startsWith("package ")) {
      packageName = declaration.substring("package ".length(), declaration.indexOf(';'));
      body = declaration.substring(declaration.indexOf('\n') + 1);
    }
    Matcher declared = DECLARED.matcher(body);
    assertWithMessage("a class in %s", body).that(declared.find()).isTrue();
    String name = declared.group(1);
    List<String> imports = new ArrayList<>(List.of("io.hostmod.*", "io.hostmod.Module"));
    if (!annotationsOnly) {
      imports.addAll(List.of("io.hostmod.runtime.*", "java.util.*"));
    }
    StringBuilder text = new StringBuilder("package " + packageName + ";\n\n");
    for (String imported : imports) {
      if (!imported.endsWith("." + name)) {
        text.append("import ").append(imported).append(";\n");
      }
    }
    return Source.of(packageName + "." + name, text.append('\n').append(body).toString());
  }
}
