package io.hostmod.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Questions about a module's elements that both validation and reading ask: which methods it has,
 * which constructors the generated code can call, what its name and dependencies are.
 */
public final class ModuleElements {

  private final Elements elements;
  private final Types types;

  public ModuleElements(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  public Elements elements() {
    return elements;
  }

  public Types types() {
    return types;
  }

  public static AnnotationMirror moduleAnnotation(TypeElement type) {
    return Mirrors.find(type, HostmodNames.MODULE);
  }

  /** Whether the type is the named class or interface (not a subtype of it). */
  public static boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** Whether the method takes exactly one parameter, of the named type. */
  public static boolean takesOnly(ExecutableElement method, String qualifiedName) {
    return method.getParameters().size() == 1
        && isType(method.getParameters().get(0).asType(), qualifiedName);
  }

  /** The name written in {@code @Module(name)}, or the empty string. */
  public String writtenName(TypeElement module) {
    return (String) Mirrors.value(elements, moduleAnnotation(module), "name").getValue();
  }

  /** The module's name: written, or derived from the class name. */
  public String name(TypeElement module) {
    String written = writtenName(module);
    return written.isEmpty() ? ModuleNames.derive(module.getSimpleName().toString()) : written;
  }

  public boolean isGlobal(TypeElement module) {
    return (Boolean) Mirrors.value(elements, moduleAnnotation(module), "global").getValue();
  }

  /** The {@code dependsOn} values, as written. */
  public List<AnnotationValue> dependsOn(TypeElement module) {
    List<AnnotationValue> values = new ArrayList<>();
    for (Object value :
        (List<?>) Mirrors.value(elements, moduleAnnotation(module), "dependsOn").getValue()) {
      values.add((AnnotationValue) value);
    }
    return values;
  }

  /** The class a {@code dependsOn} value names, or {@code null} if it does not resolve. */
  public static TypeElement dependency(AnnotationValue value) {
    if (value.getValue() instanceof DeclaredType declared) {
      return (TypeElement) declared.asElement();
    }
    return null;
  }

  public Kind kind(TypeElement module) {
    if (!isGlobal(module)) {
      return Kind.PER_HOST;
    }
    for (ExecutableElement method : methods(module)) {
      if (Lifecycle.ADD_HOST.mirrorOn(method) != null) {
        return Kind.SHARED;
      }
    }
    return Kind.GLOBAL;
  }

  /**
   * The module's methods, its own in source order, then those it inherits (nearest superclass
   * first) that it does not override. Methods of {@code Object} are left out.
   */
  public List<ExecutableElement> methods(TypeElement module) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (TypeElement type = module; type != null; type = superclass(type)) {
      if (type.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (!isOverridden(method, methods, module)) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private boolean isOverridden(
      ExecutableElement method, List<ExecutableElement> nearer, TypeElement module) {
    for (ExecutableElement candidate : nearer) {
      if (elements.overrides(candidate, method, module)) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  /** Non-private constructors taking nothing or one {@code ModuleContext}, in source order. */
  public static List<ExecutableElement> usableConstructors(TypeElement module) {
    List<ExecutableElement> usable = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(module.getEnclosedElements())) {
      boolean shape =
          constructor.getParameters().isEmpty()
              || takesOnly(constructor, HostmodNames.MODULE_CONTEXT);
      if (shape && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        usable.add(constructor);
      }
    }
    return usable;
  }

  /**
   * The methods that appear on a shared module's host proxy: public, not static, first parameter
   * {@code HostContext}, and no lifecycle method.
   */
  public List<ExecutableElement> proxyMethods(TypeElement module) {
    List<ExecutableElement> proxied = new ArrayList<>();
    for (ExecutableElement method : methods(module)) {
      boolean candidate =
          method.getKind() == ElementKind.METHOD
              && method.getModifiers().contains(Modifier.PUBLIC)
              && !method.getModifiers().contains(Modifier.STATIC)
              && !method.getParameters().isEmpty()
              && isType(method.getParameters().get(0).asType(), HostmodNames.HOST_CONTEXT)
              && Lifecycle.on(method).isEmpty();
      if (candidate) {
        proxied.add(method);
      }
    }
    return proxied;
  }
}
