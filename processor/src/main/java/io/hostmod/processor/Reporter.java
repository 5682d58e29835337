package io.hostmod.processor;

import io.hostmod.processor.validation.Message;
import io.hostmod.processor.validation.Problem;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints problems through the {@link Messager}, each distinct one once per compilation: a problem
 * on a base-class method is found again for every module that inherits it. A warning is left out
 * where {@code @SuppressWarnings("hostmod")} or {@code @SuppressWarnings("<its id>")} is on the
 * element or around it, as for javac's own warnings.
 */
final class Reporter {

  private static final String ALL_WARNINGS = "hostmod";

  private final Messager messager;
  private final Set<String> reported = new HashSet<>();

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void report(Problem problem) {
    if (problem.kind() == Diagnostic.Kind.WARNING && suppressed(problem)) {
      return;
    }
    if (!reported.add(key(problem))) {
      return;
    }
    if (problem.element() == null) {
      messager.printMessage(problem.kind(), problem.text());
    } else if (problem.annotation() == null) {
      messager.printMessage(problem.kind(), problem.text(), problem.element());
    } else if (problem.value() == null) {
      messager.printMessage(problem.kind(), problem.text(), problem.element(), problem.annotation());
    } else {
      messager.printMessage(
          problem.kind(), problem.text(), problem.element(), problem.annotation(), problem.value());
    }
  }

  void report(Iterable<Problem> problems) {
    problems.forEach(this::report);
  }

  /** A problem on the element as a whole ({@code null}: the compilation). */
  void report(Element element, Message message, Object... args) {
    report(Problem.on(element, message, args));
  }

  private static boolean suppressed(Problem problem) {
    for (Element element = problem.element();
        element != null;
        element = element.getEnclosingElement()) {
      SuppressWarnings suppress = element.getAnnotation(SuppressWarnings.class);
      if (suppress != null
          && Arrays.stream(suppress.value())
              .anyMatch(name -> name.equals(ALL_WARNINGS) || name.equals(problem.message().id()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What makes two problems the same: text and place. The place is written out as a path of names
   * rather than compared as elements, which javac may create anew in a later round.
   */
  private static String key(Problem problem) {
    return problem.kind()
        + "|" + problem.text()
        + "|" + path(problem.element())
        + "|" + problem.annotation()
        + "|" + problem.value();
  }

  private static String path(Element element) {
    if (element == null) {
      return "";
    }
    return path(element.getEnclosingElement()) + "/" + element.getKind() + ":" + element;
  }
}
