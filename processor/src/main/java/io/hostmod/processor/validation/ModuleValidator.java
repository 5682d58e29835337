package io.hostmod.processor.validation;

import io.hostmod.processor.model.HostmodNames;
import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.Lifecycle;
import io.hostmod.processor.model.ModuleElements;
import io.hostmod.processor.model.ModuleNames;
import io.hostmod.processor.model.Mirrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Checks one {@code @Module} class, and lifecycle methods outside modules. Reports, never throws. */
public final class ModuleValidator {

  /** Final methods of the generated proxy's superclasses, which a proxy method must not clash with. */
  private static final Set<String> RESERVED_PROXY_SIGNATURES =
      Set.of(
          "host()", "part()", "getClass()", "notify()", "notifyAll()", "wait()", "wait(long)",
          "wait(long,int)");

  private final ModuleElements modules;
  private final Types types;

  public ModuleValidator(ModuleElements modules) {
    this.modules = modules;
    this.types = modules.types();
  }

  /** Every problem of the module class; none if it is valid. */
  public List<Problem> validate(TypeElement module) {
    Report report = new Report(ModuleElements.moduleAnnotation(module));
    if (module.getKind() != ElementKind.CLASS) {
      report.on(module, Message.NOT_A_CLASS, module.getSimpleName(), kindWords(module.getKind()));
      return report.problems;
    }
    checkClass(module, report);
    checkName(module, report);
    checkDependencies(module, report);
    checkLifecycleMethods(module, report);
    if (modules.kind(module) == Kind.SHARED) {
      checkProxyMethods(module, report);
    }
    return report.problems;
  }

  /** A lifecycle method in a type without {@code @Module}: fine only in an abstract base class. */
  public List<Problem> validateOutsideModule(ExecutableElement method) {
    Report report = new Report(null);
    Element type = method.getEnclosingElement();
    boolean baseClass =
        type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    if (!baseClass && Mirrors.find(type, HostmodNames.MODULE) == null) {
      Lifecycle role = Lifecycle.on(method).get(0);
      report.onAnnotation(
          method,
          role.mirrorOn(method),
          Message.LIFECYCLE_OUTSIDE_MODULE,
          role.annotation(),
          describe(method),
          type.getSimpleName(),
          type.getSimpleName(),
          role.annotation());
    }
    return report.problems;
  }

  private void checkClass(TypeElement module, Report report) {
    NestingKind nesting = module.getNestingKind();
    if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
      report.on(module, Message.LOCAL_CLASS, module.getSimpleName());
      return;
    }
    if (nesting == NestingKind.MEMBER && !module.getModifiers().contains(Modifier.STATIC)) {
      report.on(module, Message.INNER_CLASS, module.getQualifiedName());
    }
    for (Element type = module; type instanceof TypeElement; type = type.getEnclosingElement()) {
      if (!type.getModifiers().contains(Modifier.PUBLIC)) {
        report.on(module, Message.NOT_PUBLIC, module.getQualifiedName(), type.getSimpleName());
        break;
      }
    }
    if (module.getModifiers().contains(Modifier.ABSTRACT)) {
      report.on(module, Message.ABSTRACT, module.getSimpleName());
    }
    if (!module.getTypeParameters().isEmpty()) {
      report.on(module, Message.GENERIC_CLASS, module.getSimpleName());
    }
    List<ExecutableElement> constructors = ModuleElements.usableConstructors(module);
    if (constructors.isEmpty()) {
      report.on(module, Message.NO_CONSTRUCTOR, module.getSimpleName());
    } else if (constructors.size() > 1) {
      report.on(
          constructors.get(1),
          Message.TWO_CONSTRUCTORS,
          module.getSimpleName(),
          describe(constructors.get(0)),
          describe(constructors.get(1)));
    }
    for (ExecutableElement constructor : constructors) {
      TypeMirror notException = firstNonException(constructor);
      if (notException != null) {
        report.on(constructor, Message.CONSTRUCTOR_THROWS_THROWABLE, module.getSimpleName(), notException);
      }
    }
  }

  private void checkName(TypeElement module, Report report) {
    String written = modules.writtenName(module);
    if (!written.isEmpty()) {
      if (!ModuleNames.isValid(written)) {
        report.onValue(module, "name", Message.NAME_INVALID, written, module.getSimpleName());
      }
    } else {
      String derived = ModuleNames.derive(module.getSimpleName().toString());
      if (!ModuleNames.isValid(derived)) {
        report.on(module, Message.DERIVED_NAME_INVALID, module.getSimpleName(), derived);
      }
    }
  }

  private void checkDependencies(TypeElement module, Report report) {
    Set<String> seen = new HashSet<>();
    for (AnnotationValue value : modules.dependsOn(module)) {
      TypeElement dependency = ModuleElements.dependency(value);
      if (dependency == null) {
        continue; // unresolved: the processor defers such modules, and javac reports the type
      }
      if (ModuleElements.moduleAnnotation(dependency) == null) {
        report.onValue(module, value, Message.DEPENDS_ON_NON_MODULE, dependency.getSimpleName(), module.getSimpleName());
      } else if (dependency.equals(module)) {
        report.onValue(module, value, Message.DEPENDS_ON_ITSELF, module.getSimpleName());
      } else if (!seen.add(dependency.getQualifiedName().toString())) {
        report.onValue(module, value, Message.DEPENDS_ON_TWICE, dependency.getSimpleName(), module.getSimpleName());
      }
    }
  }

  private void checkLifecycleMethods(TypeElement module, Report report) {
    boolean global = modules.isGlobal(module);
    boolean shared = modules.kind(module) == Kind.SHARED;
    Map<String, ExecutableElement> byRole = new HashMap<>();
    for (ExecutableElement method : modules.methods(module)) {
      List<Lifecycle> roles = Lifecycle.on(method);
      if (roles.isEmpty()) {
        continue;
      }
      if (roles.size() > 1) {
        report.on(method, Message.TWO_ROLES, describe(method), roles.get(0).annotation(), roles.get(1).annotation());
        continue;
      }
      Lifecycle role = roles.get(0);
      boolean takesHost = ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT);
      String annotation = role == Lifecycle.UNLOAD && takesHost ? "@Unload(HostContext)" : role.annotation();
      checkCallable(module, method, annotation, report);
      checkShape(method, role, annotation, report);
      if (role == Lifecycle.ADD_HOST && !global) {
        report.on(method, Message.ADD_HOST_NOT_GLOBAL, describe(method), module.getSimpleName());
      }
      if (role == Lifecycle.UNLOAD && takesHost && !shared) {
        report.on(method, Message.UNLOAD_HOST_NOT_SHARED, describe(method), module.getSimpleName());
      }
      ExecutableElement earlier = byRole.putIfAbsent(annotation, method);
      if (earlier != null) {
        report.on(method, Message.DUPLICATE_ROLE, annotation, describe(earlier), describe(method), annotation);
      }
    }
    checkSaveAndRestore(byRole.get("@Save"), byRole.get("@Restore"), report);
  }

  private void checkCallable(TypeElement module, ExecutableElement method, String annotation, Report report) {
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    boolean inherited = !declaring.equals(module);
    var modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      report.on(method, Message.PRIVATE, annotation, describe(method));
    } else if (inherited
        && !modifiers.contains(Modifier.PUBLIC)
        && !packageOf(declaring).equals(packageOf(module))) {
      report.on(method, Message.INHERITED_UNCALLABLE, annotation, describe(method), declaring.getQualifiedName());
    }
    if (modifiers.contains(Modifier.STATIC)) {
      report.on(method, Message.STATIC, annotation, describe(method));
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      report.on(method, Message.ABSTRACT_METHOD, annotation, describe(method));
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.on(method, Message.GENERIC_METHOD, annotation, describe(method));
    }
    TypeMirror notException = firstNonException(method);
    if (notException != null) {
      report.on(method, Message.THROWS_THROWABLE, annotation, describe(method), notException);
    }
  }

  private void checkShape(ExecutableElement method, Lifecycle role, String annotation, Report report) {
    List<? extends VariableElement> parameters = method.getParameters();
    boolean none = parameters.isEmpty();
    String expected =
        switch (role) {
          case LOAD -> none || ModuleElements.takesOnly(method, HostmodNames.MODULE_CONTEXT)
              ? null
              : "no parameter or one ModuleContext";
          case ADD_HOST -> ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT)
              ? null
              : "one HostContext";
          case UNLOAD -> none || ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT)
              ? null
              : "no parameter, or one HostContext in a shared module";
          case SAVE -> none ? null : "no parameter";
          case RESTORE -> parameters.size() == 1 ? null : "one parameter, the state @Save returns";
        };
    if (expected != null) {
      report.on(method, Message.WRONG_PARAMETERS, annotation, describe(method), expected, parameterList(method));
    }
    boolean returnsVoid = method.getReturnType().getKind() == TypeKind.VOID;
    if (role == Lifecycle.SAVE) {
      if (returnsVoid) {
        report.on(method, Message.SAVE_RETURNS_VOID, describe(method));
      }
    } else if (!returnsVoid) {
      report.on(method, Message.NOT_VOID, annotation, describe(method), method.getReturnType());
    }
  }

  private void checkSaveAndRestore(ExecutableElement save, ExecutableElement restore, Report report) {
    if (save != null && restore == null) {
      report.on(save, Message.SAVE_WITHOUT_RESTORE, describe(save), simpleName(save.getReturnType()));
    } else if (restore != null && save == null) {
      String stateType =
          restore.getParameters().isEmpty() ? "State" : simpleName(restore.getParameters().get(0).asType());
      report.on(restore, Message.RESTORE_WITHOUT_SAVE, describe(restore), stateType);
    } else if (save != null
        && save.getReturnType().getKind() != TypeKind.VOID
        && restore.getParameters().size() == 1) {
      VariableElement parameter = restore.getParameters().get(0);
      // The state travels as an Object: the binding boxes what @Save returns and casts it to the
      // boxed @Restore type, so compare boxed types (an int state cannot become a Long).
      if (!types.isAssignable(boxed(save.getReturnType()), boxed(parameter.asType()))) {
        report.on(
            parameter,
            Message.STATE_TYPE_MISMATCH,
            describe(restore),
            simpleName(parameter.asType()),
            describe(save),
            simpleName(save.getReturnType()));
      }
    }
  }

  private void checkProxyMethods(TypeElement module, Report report) {
    Map<String, ExecutableElement> bySignature = new HashMap<>();
    for (ExecutableElement method : modules.proxyMethods(module)) {
      String signature = proxySignature(method);
      if (RESERVED_PROXY_SIGNATURES.contains(signature)) {
        report.on(method, Message.PROXY_RESERVED, describe(method), module.getSimpleName(), signature);
        continue;
      }
      ExecutableElement earlier = bySignature.putIfAbsent(signature, method);
      if (earlier != null) {
        report.on(method, Message.PROXY_CLASH, describe(earlier), describe(method), module.getSimpleName(), signature);
      }
    }
  }

  /** The proxy method's signature: its name and the erasure of the parameters after HostContext. */
  private String proxySignature(ExecutableElement method) {
    StringJoiner parameters = new StringJoiner(",", method.getSimpleName() + "(", ")");
    List<? extends VariableElement> all = method.getParameters();
    for (VariableElement parameter : all.subList(1, all.size())) {
      parameters.add(types.erasure(parameter.asType()).toString());
    }
    return parameters.toString();
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass((PrimitiveType) type).asType()
        : type;
  }

  private TypeMirror firstNonException(ExecutableElement executable) {
    TypeMirror exception = modules.elements().getTypeElement("java.lang.Exception").asType();
    TypeMirror error = modules.elements().getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : executable.getThrownTypes()) {
      if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, error)) {
        return thrown;
      }
    }
    return null;
  }

  private String packageOf(TypeElement type) {
    return modules.elements().getPackageOf(type).getQualifiedName().toString();
  }

  /** A method as a person would write it: {@code addHost(HostContext)}. */
  static String describe(ExecutableElement method) {
    String name =
        method.getKind() == ElementKind.CONSTRUCTOR
            ? method.getEnclosingElement().getSimpleName().toString()
            : method.getSimpleName().toString();
    return name + "(" + parameterList(method) + ")";
  }

  private static String parameterList(ExecutableElement method) {
    StringJoiner parameters = new StringJoiner(", ");
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(simpleName(parameter.asType()));
    }
    return parameters.toString();
  }

  /** A type without package names: {@code List<String>}, not {@code java.util.List<java.lang.String>}. */
  private static String simpleName(TypeMirror type) {
    return type.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }

  private static String kindWords(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      case RECORD -> "a record";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The problems found so far, each placed on its element. */
  private static final class Report {
    private final List<Problem> problems = new ArrayList<>();
    private final AnnotationMirror moduleAnnotation;

    Report(AnnotationMirror moduleAnnotation) {
      this.moduleAnnotation = moduleAnnotation;
    }

    void on(Element element, Message message, Object... args) {
      problems.add(new Problem(message, message.format(args), element, null, null));
    }

    void onAnnotation(Element element, AnnotationMirror annotation, Message message, Object... args) {
      problems.add(new Problem(message, message.format(args), element, annotation, null));
    }

    /** On a member of {@code @Module} as written, or on the annotation if it takes its default. */
    void onValue(Element module, String member, Message message, Object... args) {
      onValue(module, Mirrors.written(moduleAnnotation, member), message, args);
    }

    void onValue(Element module, AnnotationValue value, Message message, Object... args) {
      problems.add(new Problem(message, message.format(args), module, moduleAnnotation, value));
    }
  }
}
