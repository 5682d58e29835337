package io.hostmod.processor;

import com.google.auto.service.AutoService;
import io.hostmod.processor.model.HostmodNames;
import io.hostmod.processor.model.Mirrors;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Claims the {@code @Generated} of hostmod's generated code, so that {@code -Xlint:processing}
 * does not warn that no processor claimed it. It claims a round's {@code @Generated} only when
 * hostmod wrote every class carrying it, leaving other generators' code to their processors.
 *
 * <p>Why a processor of its own: {@code @Generated} has SOURCE retention, and Gradle recompiles
 * everything when an aggregating processor (as {@link HostmodProcessor} is) is handed such an
 * annotation. This one writes nothing and is declared isolating, which has no such rule. The
 * cost: a build that names its processors ({@code -processor}) must name this one too to keep
 * {@code -Xlint:processing} quiet.
 */
@AutoService(Processor.class)
public final class GeneratedClaimProcessor extends AbstractProcessor {

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(HostmodNames.GENERATED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (!writtenByHostmod(element)) {
          return false;
        }
      }
    }
    return !annotations.isEmpty();
  }

  /** Whether the element is marked {@code @Generated("io.hostmod.processor.HostmodProcessor")}. */
  private static boolean writtenByHostmod(Element element) {
    AnnotationMirror generated = Mirrors.find(element, HostmodNames.GENERATED);
    AnnotationValue value = generated == null ? null : Mirrors.written(generated, "value");
    return value != null
        && value.getValue() instanceof List<?> names
        && names.stream()
            .anyMatch(name -> HostmodNames.PROCESSOR.equals(((AnnotationValue) name).getValue()));
  }
}
