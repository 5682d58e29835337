package io.hostmod.processor.validation;

import io.hostmod.processor.model.Mirrors;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** The problems the checks found in one module, each placed on its element. */
final class Report {

  private final List<Problem> problems = new ArrayList<>();
  private final AnnotationMirror moduleAnnotation;

  /** A report on a module: values of {@code moduleAnnotation} are where name problems go. */
  Report(AnnotationMirror moduleAnnotation) {
    this.moduleAnnotation = moduleAnnotation;
  }

  List<Problem> problems() {
    return problems;
  }

  void on(Element element, Message message, Object... args) {
    problems.add(Problem.on(element, message, args));
  }

  void onAnnotation(Element element, AnnotationMirror annotation, Message message, Object... args) {
    problems.add(Problem.onValue(element, annotation, null, message, args));
  }

  /** On a member of {@code @Module} as written, or on the annotation if it takes its default. */
  void onValue(Element module, String member, Message message, Object... args) {
    onValue(module, Mirrors.written(moduleAnnotation, member), message, args);
  }

  /** On a value of another annotation of the element, or on the annotation without a value. */
  void onValue(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Message message,
      Object... args) {
    problems.add(Problem.onValue(element, annotation, value, message, args));
  }

  void onValue(Element module, AnnotationValue value, Message message, Object... args) {
    problems.add(Problem.onValue(module, moduleAnnotation, value, message, args));
  }
}
