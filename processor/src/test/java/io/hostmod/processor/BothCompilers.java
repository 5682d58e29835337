package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.support.ParameterInfo;

/**
 * The diagnostic tests, run on javac and on ECJ: each test of a subclass runs once per compiler,
 * through these methods, which shadow {@link HostmodTesting}'s.
 *
 * <p>On ECJ only hostmod's diagnostics count (ECJ words its own errors and warnings differently,
 * and warns about unused imports), and each lands where it does under javac: in the same file, on
 * the same line, at the same column, except where ECJ places an element differently: a class at
 * its name (javac: at {@code class}), an annotation value at the annotation or at its {@code name
 * =} (javac: at the value). A diagnostic that needs javac's tree API is tested on javac only
 * ({@link JavacOnly}); one that ECJ reports without a place is expected so there ({@link
 * #unplacedOnEcj}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestCompiler.class)
@ExtendWith(BothCompilers.JavacOnlyCondition.class)
abstract class BothCompilers {

  /** A test of what only javac can do: the tree API of {@link SourceTrees}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface JavacOnly {
    /** Why. */
    String value();
  }

  @Parameter TestCompiler compilerUnderTest;

  /** Set by {@link #unplacedOnEcj}: this test's diagnostics have no place on ECJ. */
  private String unplacedOnEcj;

  /**
   * Says that ECJ reports this test's diagnostics without a source position, which the asserts
   * then expect on ECJ (javac's place is still asserted on javac).
   */
  void unplacedOnEcj(String why) {
    unplacedOnEcj = why;
  }

  Compiler compiler(Processor... others) {
    return compilerUnderTest.compiler(HostmodTesting.processors(others));
  }

  Compilation compile(Source... sources) {
    return compile(List.of(sources));
  }

  Compilation compile(List<Source> sources) {
    return compiler().compile(HostmodTesting.files(sources));
  }

  HostmodTesting.Recorded compileRecordingSources(Source... sources) {
    return HostmodTesting.compileRecordingSources(compilerUnderTest, Set.of(), sources);
  }

  boolean onEcj() {
    return compilerUnderTest == TestCompiler.ECJ;
  }

  /** Succeeded without a warning (on ECJ: without a warning of hostmod's). */
  void assertSucceededWithoutWarnings(Compilation compilation) {
    if (onEcj()) {
      assertThat(compilation).succeeded();
      assertWithMessage("hostmod's warnings").that(hostmod(compilation, Diagnostic.Kind.WARNING)).isEmpty();
    } else {
      assertThat(compilation).succeededWithoutWarnings();
    }
  }

  /** Had this many errors (on ECJ: this many of hostmod's). */
  void assertErrorCount(Compilation compilation, int count) {
    if (onEcj()) {
      assertWithMessage("hostmod's errors")
          .that(hostmod(compilation, Diagnostic.Kind.ERROR))
          .hasSize(count);
    } else {
      assertThat(compilation).hadErrorCount(count);
    }
  }

  void assertErrorAt(Compilation compilation, Source.Position position, String message) {
    if (onEcj()) {
      assertPlaced(compilation, Diagnostic.Kind.ERROR, position, message);
    } else {
      HostmodTesting.assertErrorAt(compilation, position, message);
    }
  }

  void assertOnlyError(Compilation compilation, Source.Position position, String message) {
    assertThat(compilation).failed();
    assertErrorCount(compilation, 1);
    assertErrorAt(compilation, position, message);
  }

  void assertWarningAt(Compilation compilation, Source.Position position, String message) {
    if (onEcj()) {
      assertPlaced(compilation, Diagnostic.Kind.WARNING, position, message);
    } else {
      HostmodTesting.assertWarningAt(compilation, position, message);
    }
  }

  void assertOnlyWarning(Compilation compilation, Source.Position position, String message) {
    assertThat(compilation).succeeded();
    if (onEcj()) {
      assertWithMessage("hostmod's warnings").that(hostmod(compilation, Diagnostic.Kind.WARNING)).hasSize(1);
    } else {
      assertThat(compilation).hadWarningCount(1);
    }
    assertWarningAt(compilation, position, message);
  }

  /** hostmod's diagnostics of that kind, as text. */
  private static List<String> hostmod(Compilation compilation, Diagnostic.Kind kind) {
    return compilation.diagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == kind)
        .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
        .filter(text -> text.startsWith("[Hostmod"))
        .toList();
  }

  /**
   * On ECJ: a diagnostic with the message in the position's file, on its line, at its column or
   * where ECJ places that element instead.
   */
  private void assertPlaced(
      Compilation compilation, Diagnostic.Kind kind, Source.Position position, String message) {
    List<String> found = new ArrayList<>();
    String line = position.source().text().split("\n", -1)[position.line() - 1];
    List<Integer> columns = ecjColumns(line, position.column());
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      if (diagnostic.getKind() != kind || !diagnostic.getMessage(Locale.ROOT).contains(message)) {
        continue;
      }
      String file = diagnostic.getSource() == null ? null : diagnostic.getSource().toUri().getPath();
      if (unplacedOnEcj != null && file == null) {
        return;
      }
      if (unplacedOnEcj == null
          && position.source().file().toUri().getPath().equals(file)
          && diagnostic.getLineNumber() == position.line()
          && columns.contains((int) diagnostic.getColumnNumber())) {
        return;
      }
      found.add(file + ":" + diagnostic.getLineNumber() + ":" + diagnostic.getColumnNumber());
    }
    throw new AssertionError(
        "expected " + kind + " \"" + message + "\" at " + position.line() + ":" + columns
            + " of " + position.source().file().getName() + " on ECJ"
            + (unplacedOnEcj == null ? "" : ", or without a place (" + unplacedOnEcj + ")")
            + ", found it at " + found);
  }

  /**
   * The columns where ECJ may place what javac places at {@code column} of the line: the same; for
   * a class (javac: its {@code class}, {@code interface} or {@code @interface} keyword), its name;
   * within an annotation's parentheses, the annotation's {@code @} and the start of the {@code
   * name =} it is in.
   */
  static List<Integer> ecjColumns(String line, int column) {
    List<Integer> columns = new ArrayList<>(List.of(column));
    String rest = line.substring(column - 1);
    Matcher keyword =
        Pattern.compile("^(?:class|interface|enum|record|@interface)\\s+(\\w)")
            .matcher(rest);
    if (keyword.find()) {
      columns.add(column + keyword.start(1));
    }
    int open = line.lastIndexOf('(', column - 1);
    int at = open < 0 ? -1 : line.lastIndexOf('@', open);
    if (at >= 0
        && line.substring(at + 1, open).matches("[\\w.]+\\s*")
        && line.indexOf(')', open) >= column - 1) {
      columns.add(at + 1);
      Matcher pair =
          Pattern.compile("[(,]\\s*(\\w+\\s*=)").matcher(line.substring(0, column));
      int start = -1;
      while (pair.find()) {
        start = pair.start(1);
      }
      if (start > open) {
        columns.add(start + 1);
      }
    }
    return columns;
  }

  /** Disables a {@link JavacOnly} test on ECJ. */
  static final class JavacOnlyCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      JavacOnly javacOnly =
          context.getTestMethod().map(method -> method.getAnnotation(JavacOnly.class)).orElse(null);
      if (javacOnly == null || compiler(context) != TestCompiler.ECJ) {
        return ConditionEvaluationResult.enabled("runs on every compiler");
      }
      return ConditionEvaluationResult.disabled("javac only: " + javacOnly.value());
    }

    private static TestCompiler compiler(ExtensionContext context) {
      for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
        ParameterInfo info = ParameterInfo.get(c);
        if (info != null) {
          for (Object argument : info.getArguments().toArray()) {
            if (argument instanceof TestCompiler compiler) {
              return compiler;
            }
          }
        }
      }
      return null;
    }
  }
}
