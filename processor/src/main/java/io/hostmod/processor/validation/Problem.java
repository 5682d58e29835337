package io.hostmod.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One diagnostic to report, on the most precise place known: the element, and within it the
 * annotation and its value where they are what is wrong.
 */
public record Problem(
    Message message, String text, Element element, AnnotationMirror annotation, AnnotationValue value) {

  public Diagnostic.Kind kind() {
    return message.kind();
  }
}
