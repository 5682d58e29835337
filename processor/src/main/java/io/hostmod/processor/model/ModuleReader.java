package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/** Reads a validated {@code @Module} class into the {@link ModuleModel} the writers use. */
public final class ModuleReader {

  private final ModuleElements modules;

  public ModuleReader(ModuleElements modules) {
    this.modules = modules;
  }

  public ModuleModel read(TypeElement module) {
    Kind kind = modules.kind(module);
    List<String> dependencies = new ArrayList<>();
    for (AnnotationValue value : modules.dependsOn(module)) {
      dependencies.add(modules.name(ModuleElements.dependency(value)));
    }
    Map<Lifecycle, ExecutableElement> byRole = new EnumMap<>(Lifecycle.class);
    ExecutableElement unloadHost = null;
    for (ExecutableElement method : modules.methods(module)) {
      for (Lifecycle role : Lifecycle.on(method)) {
        if (role == Lifecycle.UNLOAD && !method.getParameters().isEmpty()) {
          unloadHost = method;
        } else {
          byRole.put(role, method);
        }
      }
    }
    ExecutableElement restore = byRole.get(Lifecycle.RESTORE);
    List<HookCall> hooks = new ArrayList<>();
    for (ExecutableElement method : modules.methods(module)) {
      AnnotationMirror hook = ModuleElements.hookAnnotation(method);
      if (hook != null) {
        hooks.add(
            new HookCall(
                (String) Mirrors.value(modules.elements(), hook, "value").getValue(),
                (Integer) Mirrors.value(modules.elements(), hook, "priority").getValue(),
                method.getSimpleName().toString(),
                method.getParameters().size() == 2));
      }
    }
    List<TimerCall> timers = new ArrayList<>();
    for (ExecutableElement method : modules.methods(module)) {
      AnnotationMirror every = ModuleElements.everyAnnotation(method);
      if (every != null) {
        timers.add(
            new TimerCall(
                (String) Mirrors.value(modules.elements(), every, "value").getValue(),
                method.getSimpleName().toString(),
                !method.getParameters().isEmpty(),
                ModuleElements.takesOnly(method, HostmodNames.HOST_CONTEXT)));
      }
    }
    List<OptionField> options = new ArrayList<>();
    for (VariableElement field : ModuleElements.optionFields(module)) {
      options.add(option(field));
    }
    List<ProxyMethod> proxyMethods = new ArrayList<>();
    if (kind == Kind.SHARED) {
      for (ExecutableElement method : modules.proxyMethods(module)) {
        proxyMethods.add(proxyMethod(method, modules.memberType(module, method)));
      }
    }
    return new ModuleModel(
        ClassName.get(module),
        modules.name(module),
        kind,
        List.copyOf(dependencies),
        call(ModuleElements.usableConstructors(module).get(0)),
        call(byRole.get(Lifecycle.LOAD)),
        call(byRole.get(Lifecycle.ADD_HOST)),
        call(byRole.get(Lifecycle.UNLOAD)),
        call(unloadHost),
        call(byRole.get(Lifecycle.SAVE)),
        restore == null
            ? null
            : new LifecycleCall(restore.getSimpleName().toString(), List.of()),
        restore == null
            ? null
            : TypeName.get(modules.memberType(module, restore).getParameterTypes().get(0)).box(),
        call(byRole.get(Lifecycle.RECONFIGURE)),
        List.copyOf(proxyMethods),
        List.copyOf(hooks),
        List.copyOf(timers),
        List.copyOf(options),
        stateShape(module, byRole.get(Lifecycle.SAVE)));
  }

  /** The shape of the {@code @Save} type, if it holds a record and the codec can rebuild it all. */
  private StateShape stateShape(TypeElement module, ExecutableElement save) {
    if (save == null) {
      return null;
    }
    StateShape shape = shape(modules.memberType(module, save).getReturnType(), module, new HashSet<>());
    return shape != null && shape.holdsRecord() ? shape : null;
  }

  /**
   * A type's shape: a primitive or a type without type arguments is a leaf, a record (public, or
   * in the module's package; not within itself) its components, {@code List}, {@code Collection},
   * {@code Set} and {@code Map} their elements; anything else has none ({@code null}).
   */
  private StateShape shape(TypeMirror type, TypeElement module, Set<String> records) {
    if (type.getKind().isPrimitive()) {
      return new StateShape.Leaf((ClassName) TypeName.get(type).box());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    String name = element.getQualifiedName().toString();
    if (element.getKind() == ElementKind.RECORD && arguments.isEmpty()) {
      boolean visible = element.getModifiers().contains(Modifier.PUBLIC)
          || modules.elements().getPackageOf(element).equals(modules.elements().getPackageOf(module));
      if (!visible || !records.add(name)) {
        return null;
      }
      List<StateShape.Component> components = new ArrayList<>();
      for (RecordComponentElement component : element.getRecordComponents()) {
        StateShape shape = shape(component.getAccessor().getReturnType(), module, records);
        if (shape == null) {
          return null;
        }
        components.add(new StateShape.Component(component.getSimpleName().toString(), shape));
      }
      records.remove(name);
      return new StateShape.RecordOf(ClassName.get(element), List.copyOf(components));
    }
    if (arguments.isEmpty()) {
      return new StateShape.Leaf(ClassName.get(element));
    }
    List<StateShape> shapes = new ArrayList<>();
    for (TypeMirror argument : arguments) {
      StateShape shape = shape(argument, module, records);
      if (shape == null) {
        return null;
      }
      shapes.add(shape);
    }
    return switch (name) {
      case "java.util.List", "java.util.Collection" -> new StateShape.CollectionOf(false, shapes.get(0));
      case "java.util.Set" -> new StateShape.CollectionOf(true, shapes.get(0));
      case "java.util.Map" -> new StateShape.MapOf(shapes.get(0), shapes.get(1));
      default -> null;
    };
  }

  /** The call of a constructor or lifecycle method whose parameters the module table passes. */
  private LifecycleCall call(ExecutableElement method) {
    if (method == null) {
      return null;
    }
    List<Argument> arguments = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror type = parameter.asType();
      TypeElement dependency = ModuleElements.injectedModule(type);
      TypeElement proxied = ModuleElements.proxiedModule(type);
      if (dependency != null) {
        arguments.add(new Argument.ModuleOf(ClassName.get(dependency)));
      } else if (proxied != null) {
        arguments.add(new Argument.HostProxyOf(GeneratedNames.hostProxy(ClassName.get(proxied))));
      } else {
        arguments.add(new Argument.Context()); // validated: a ModuleContext or HostContext
      }
    }
    return new LifecycleCall(method.getSimpleName().toString(), List.copyOf(arguments));
  }

  /** An option field: a validated type, read boxed, or a {@code List} read by its element type. */
  private OptionField option(VariableElement field) {
    AnnotationMirror option = Mirrors.find(field, HostmodNames.OPTION);
    TypeMirror type = field.asType();
    boolean list = !type.getKind().isPrimitive() && !ModuleElements.isType(type, "java.lang.String")
        && ((DeclaredType) type).getTypeArguments().size() == 1;
    TypeMirror read = list ? ((DeclaredType) type).getTypeArguments().get(0) : type;
    return new OptionField(
        field.getSimpleName().toString(),
        (String) Mirrors.value(modules.elements(), option, "value").getValue(),
        (Boolean) Mirrors.value(modules.elements(), option, "required").getValue(),
        (ClassName) TypeName.get(read).box(),
        list);
  }

  /** The proxy method, with the types the method has as a member of the module. */
  private static ProxyMethod proxyMethod(ExecutableElement method, ExecutableType type) {
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeVariable typeVariable : type.getTypeVariables()) {
      typeVariables.add(TypeVariableName.get(typeVariable));
    }
    List<ParameterSpec> parameters = new ArrayList<>();
    List<? extends VariableElement> declared = method.getParameters();
    for (int i = 1; i < declared.size(); i++) {
      parameters.add(
          ParameterSpec.builder(
                  TypeName.get(type.getParameterTypes().get(i)),
                  declared.get(i).getSimpleName().toString())
              .build());
    }
    List<TypeName> exceptions = new ArrayList<>();
    for (TypeMirror thrown : type.getThrownTypes()) {
      exceptions.add(TypeName.get(thrown));
    }
    return new ProxyMethod(
        method.getSimpleName().toString(),
        List.copyOf(typeVariables),
        TypeName.get(type.getReturnType()),
        List.copyOf(parameters),
        List.copyOf(exceptions),
        method.isVarArgs(),
        Mirrors.find(method, SafeVarargs.class.getName()) != null,
        type.getReturnType().getKind() == TypeKind.VOID);
  }
}
