package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
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

  /**
   * The method's type as a member of the module: type variables of a generic superclass replaced
   * by the module's type arguments, so {@code restore(T)} of {@code Base<T>} is {@code
   * restore(String)} in a module extending {@code Base<String>}.
   */
  public ExecutableType memberType(TypeElement module, ExecutableElement method) {
    return (ExecutableType) types.asMemberOf((DeclaredType) module.asType(), method);
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

  // A module is read only once its own values resolve (the processor defers it until then), but
  // a module it depends on may not be that far yet. Its values are read leniently: an unresolved
  // one must not make the processor fail, and javac fails the compilation on it anyway.

  /** The name written in {@code @Module(name)}, or the empty string. */
  public String writtenName(TypeElement module) {
    return moduleValue(module, "name") instanceof String name ? name : "";
  }

  /** The module's name: written, or derived from the class name. */
  public String name(TypeElement module) {
    String written = writtenName(module);
    return written.isEmpty() ? ModuleNames.derive(module.getSimpleName().toString()) : written;
  }

  public boolean isGlobal(TypeElement module) {
    return Boolean.TRUE.equals(moduleValue(module, "global"));
  }

  /** The {@code dependsOn} values, as written. */
  public List<AnnotationValue> dependsOn(TypeElement module) {
    List<AnnotationValue> values = new ArrayList<>();
    if (moduleValue(module, "dependsOn") instanceof List<?> list) {
      for (Object value : list) {
        values.add((AnnotationValue) value);
      }
    }
    return values;
  }

  private Object moduleValue(TypeElement module, String member) {
    return Mirrors.value(elements, moduleAnnotation(module), member).getValue();
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

  /** The class's superclass, or {@code null} for {@code Object} and unresolved superclasses. */
  public static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  /**
   * Non-private constructors whose parameters the generated code can pass ({@link
   * #takesInjectable}), in source order.
   */
  public static List<ExecutableElement> usableConstructors(TypeElement module) {
    List<ExecutableElement> usable = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(module.getEnclosedElements())) {
      if (takesInjectable(constructor) && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        usable.add(constructor);
      }
    }
    return usable;
  }

  /**
   * Whether the generated code can pass every parameter: at most one {@code ModuleContext}, and
   * any number of {@code @Module} classes and generated host proxies. Whether those are
   * dependencies of the module is for validation to say.
   */
  public static boolean takesInjectable(ExecutableElement executable) {
    int contexts = 0;
    for (VariableElement parameter : executable.getParameters()) {
      TypeMirror type = parameter.asType();
      if (isType(type, HostmodNames.MODULE_CONTEXT)) {
        contexts++;
      } else if (injectedModule(type) == null && proxiedModule(type) == null) {
        return false;
      }
    }
    return contexts <= 1;
  }

  /** The {@code @Module} class the type is, or {@code null}. */
  public static TypeElement injectedModule(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement() instanceof TypeElement element
        && moduleAnnotation(element) != null) {
      return element;
    }
    return null;
  }

  /**
   * The shared module whose generated host proxy the type is ({@code ChatModule} for {@code
   * ChatModule_HostProxy}, which extends {@code HostProxy<ChatModule>}), or {@code null}.
   */
  public static TypeElement proxiedModule(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED
        || !(((DeclaredType) type).asElement() instanceof TypeElement proxy)
        || !(proxy.getSuperclass() instanceof DeclaredType superclass)
        || !isType(superclass, HostmodNames.HOST_PROXY)
        || superclass.getTypeArguments().size() != 1) {
      return null;
    }
    TypeElement module = injectedModule(superclass.getTypeArguments().get(0));
    boolean generated =
        module != null
            && GeneratedNames.hostProxy(ClassName.get(module))
                .canonicalName()
                .equals(proxy.getQualifiedName().toString());
    return generated ? module : null;
  }

  /** The {@code @Hook} on the method, or {@code null}. */
  public static AnnotationMirror hookAnnotation(Element method) {
    return Mirrors.find(method, HostmodNames.HOOK);
  }

  /** The {@code @Every} on the method, or {@code null}. */
  public static AnnotationMirror everyAnnotation(Element method) {
    return Mirrors.find(method, HostmodNames.EVERY);
  }

  /** Whether the binding calls the method: it has a lifecycle annotation, {@code @Hook} or {@code @Every}. */
  public static boolean isCalledByBinding(ExecutableElement method) {
    return !Lifecycle.on(method).isEmpty() || hookAnnotation(method) != null || everyAnnotation(method) != null;
  }

  /** The module class's own {@code @Option} fields, in source order. */
  public static List<VariableElement> optionFields(TypeElement module) {
    List<VariableElement> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(module.getEnclosedElements())) {
      if (Mirrors.find(field, HostmodNames.OPTION) != null) {
        fields.add(field);
      }
    }
    return fields;
  }

  /**
   * The methods that appear on a shared module's host proxy: public, not static, first parameter
   * {@code HostContext}, and neither a lifecycle nor a {@code @Hook} method.
   */
  public List<ExecutableElement> proxyMethods(TypeElement module) {
    List<ExecutableElement> proxied = new ArrayList<>();
    for (ExecutableElement method : methods(module)) {
      if (isProxyShaped(method) && !isCalledByBinding(method)) {
        proxied.add(method);
      }
    }
    return proxied;
  }

  /** Whether the method looks like a host proxy method: public, not static, HostContext first. */
  public static boolean isProxyShaped(ExecutableElement method) {
    return method.getKind() == ElementKind.METHOD
        && method.getModifiers().contains(Modifier.PUBLIC)
        && !method.getModifiers().contains(Modifier.STATIC)
        && !method.getParameters().isEmpty()
        && isType(method.getParameters().get(0).asType(), HostmodNames.HOST_CONTEXT);
  }

  /** The first type the method or constructor throws that is neither an Exception nor an Error. */
  public TypeMirror firstThrownNonException(ExecutableElement executable) {
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : executable.getThrownTypes()) {
      if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, error)) {
        return thrown;
      }
    }
    return null;
  }

  /**
   * Whether code in the JPMS module of {@code from} can see the named type: it exists, and in a
   * named module the module reads the one that exports it.
   */
  public boolean isVisible(TypeElement from, String qualifiedName) {
    ModuleElement module = elements.getModuleOf(from);
    TypeElement type =
        module == null
            ? elements.getTypeElement(qualifiedName)
            : elements.getTypeElement(module, qualifiedName);
    return type != null;
  }

  /**
   * Whether a module that requires {@code module} reads {@code other} through it: it is {@code
   * other}, or requires it {@code transitive}, directly or through further modules (an automatic
   * module requires every other automatic module so). Only for modules compiled before: asking a
   * module being compiled for its directives makes javac resolve its {@code provides} too early,
   * before the catalog is generated.
   */
  public static boolean readsThrough(ModuleElement module, String other) {
    return readsThrough(module, other, new HashSet<>());
  }

  private static boolean readsThrough(ModuleElement module, String other, Set<ModuleElement> seen) {
    if (module.getQualifiedName().contentEquals(other)) {
      return true;
    }
    if (!seen.add(module)) {
      return false;
    }
    for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (requires.isTransitive() && readsThrough(requires.getDependency(), other, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The named JPMS module the class is in, or {@code null} in the unnamed module. */
  public ModuleElement namedModule(TypeElement type) {
    ModuleElement module = elements.getModuleOf(type);
    return module == null || module.isUnnamed() ? null : module;
  }

  public String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }
}
