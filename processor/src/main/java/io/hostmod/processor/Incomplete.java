package io.hostmod.processor;

import io.hostmod.processor.model.ModuleElements;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Whether another annotation processor may still complete a module class in this round: Lombok
 * adds constructors, getters and modifiers to the very class it processes, and javac runs the
 * processors of a round one after the other, so whether hostmod sees the class before or after
 * that depends on the order of the processor path.
 *
 * <p>The sign is an annotation that exists only for the compiler and its processors (SOURCE
 * retention) and is not the JDK's: Lombok's annotations are all of that kind, and processors that
 * change the classes they are on need no other. It is looked for on the module class, its members,
 * and the classes it extends (an inherited method may be a host proxy's or a lifecycle method).
 * Such a module waits one round: Lombok, when it has processed a class, always makes javac run
 * another one.
 */
final class Incomplete {

  private Incomplete() {}

  /** The first such annotation on the module class or what it declares or inherits; or null. */
  static AnnotationMirror find(TypeElement module, Elements elements) {
    for (TypeElement type = module; type != null; type = ModuleElements.superclass(type)) {
      if (elements.getPackageOf(type).getQualifiedName().toString().startsWith("java.")) {
        return null;
      }
      AnnotationMirror found = on(type);
      for (int i = 0; found == null && i < type.getEnclosedElements().size(); i++) {
        found = on(type.getEnclosedElements().get(i));
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static AnnotationMirror on(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (!(mirror.getAnnotationType().asElement() instanceof TypeElement type)) {
        continue;
      }
      Retention retention = type.getAnnotation(Retention.class);
      String name = type.getQualifiedName().toString();
      if (retention != null
          && retention.value() == RetentionPolicy.SOURCE
          && !name.startsWith("java.")
          && !name.startsWith("javax.")
          && !name.startsWith("jdk.")) {
        return mirror;
      }
    }
    return null;
  }
}
