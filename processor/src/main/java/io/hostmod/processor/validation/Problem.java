package io.hostmod.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One diagnostic to report, on the most precise place known: the element, and within it the
 * annotation and its value where they are what is wrong. The element is {@code null} only for a
 * problem of the whole compilation, such as a bad processor option.
 */
public record Problem(
    Message message, String text, Element element, AnnotationMirror annotation, AnnotationValue value) {

  /** A problem on the element as a whole. */
  public static Problem on(Element element, Message message, Object... args) {
    return new Problem(message, message.format(args), element, null, null);
  }

  /** A problem on an annotation of the element, or on one of its values when that is given. */
  public static Problem onValue(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Message message,
      Object... args) {
    return new Problem(message, message.format(args), element, annotation, value);
  }

  public Diagnostic.Kind kind() {
    return message.kind();
  }
}
