package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/** Reads a validated {@code @Module} class into the {@link ModuleModel} the writers use. */
public final class ModuleReader {

  private final ModuleElements modules;
  private final Types types;

  public ModuleReader(ModuleElements modules) {
    this.modules = modules;
    this.types = modules.types();
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
        call(restore),
        restore == null
            ? null
            : TypeName.get(modules.memberType(module, restore).getParameterTypes().get(0)).box(),
        List.copyOf(proxyMethods));
  }

  private LifecycleCall call(ExecutableElement method) {
    if (method == null) {
      return null;
    }
    return new LifecycleCall(
        method.getSimpleName().toString(), !method.getParameters().isEmpty(), throwsChecked(method));
  }

  private boolean throwsChecked(ExecutableElement method) {
    TypeMirror unchecked = modules.elements().getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = modules.elements().getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isAssignable(thrown, unchecked) && !types.isAssignable(thrown, error)) {
        return true;
      }
    }
    return false;
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
