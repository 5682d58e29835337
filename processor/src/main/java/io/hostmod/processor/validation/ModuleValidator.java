package io.hostmod.processor.validation;

import io.hostmod.processor.model.HostmodNames;
import io.hostmod.processor.model.Lifecycle;
import io.hostmod.processor.model.Mirrors;
import io.hostmod.processor.model.ModuleElements;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Checks one {@code @Module} class, subject by subject, and lifecycle methods outside modules.
 * Reports every problem it finds and never throws for user code. A new annotation brings its own
 * {@link Check}, added to the list here, and its messages to {@link Message}.
 */
public final class ModuleValidator {

  private final List<Check> checks;

  public ModuleValidator(ModuleElements modules) {
    this(modules, type -> false);
  }

  /**
   * @param inCompilation whether a type is declared in the sources of this compilation ({@code
   *     false} where that is unknown), for the warning on {@code @Save} state that cannot cross to
   *     a new version of a module jar
   */
  public ModuleValidator(ModuleElements modules, java.util.function.Predicate<TypeElement> inCompilation) {
    this.checks =
        List.of(
            new ClassCheck(modules),
            new NameCheck(modules),
            new DependencyCheck(modules),
            new InjectionCheck(modules),
            new LifecycleCheck(modules),
            new OptionCheck(),
            new StateCheck(modules, inCompilation),
            new HostProxyCheck(modules));
  }

  /** Every problem of the module class; no errors if it is valid (it may have warnings). */
  public List<Problem> validate(TypeElement module) {
    Report report = new Report(ModuleElements.moduleAnnotation(module));
    if (module.getKind() != ElementKind.CLASS) {
      report.on(module, Message.NOT_A_CLASS, module.getSimpleName(), kindWords(module.getKind()));
      return report.problems();
    }
    for (Check check : checks) {
      check.check(module, report);
    }
    return report.problems();
  }

  /**
   * A lifecycle, {@code @Hook} or {@code @Every} method in a type without {@code @Module}: fine only in an
   * abstract base class.
   */
  public List<Problem> validateOutsideModule(ExecutableElement method) {
    Report report = new Report(null);
    Element type = method.getEnclosingElement();
    boolean baseClass =
        type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    if (!baseClass && Mirrors.find(type, HostmodNames.MODULE) == null) {
      List<Lifecycle> roles = Lifecycle.on(method);
      AnnotationMirror hook = ModuleElements.hookAnnotation(method);
      AnnotationMirror mirror =
          !roles.isEmpty() ? roles.get(0).mirrorOn(method) : hook != null ? hook : ModuleElements.everyAnnotation(method);
      String annotation = !roles.isEmpty() ? roles.get(0).annotation() : hook != null ? "@Hook" : "@Every";
      String typeName = Texts.className((TypeElement) type);
      report.onAnnotation(
          method,
          mirror,
          Message.LIFECYCLE_OUTSIDE_MODULE,
          annotation,
          Texts.method(method),
          typeName,
          typeName,
          annotation);
    }
    return report.problems();
  }

  /** An {@code @Option} field in a type without {@code @Module}, where nothing sets it. */
  public List<Problem> validateOptionOutsideModule(VariableElement field) {
    Report report = new Report(null);
    Element type = field.getEnclosingElement();
    if (Mirrors.find(type, HostmodNames.MODULE) == null) {
      report.onAnnotation(
          field,
          Mirrors.find(field, HostmodNames.OPTION),
          Message.OPTION_OUTSIDE_MODULE,
          field.getSimpleName(),
          type instanceof TypeElement typeElement ? Texts.className(typeElement) : type.toString());
    }
    return report.problems();
  }

  private static String kindWords(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      case RECORD -> "a record";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
