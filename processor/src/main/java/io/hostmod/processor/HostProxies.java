package io.hostmod.processor;

import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.hostmod.processor.model.ModuleElements;
import io.hostmod.processor.model.ModuleModel;
import io.hostmod.processor.model.ProxyMethod;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;

/**
 * Whether the host proxy an earlier compilation wrote is still the one a shared module would get:
 * where the Filer refuses to write it again (ECJ's, for a class on the class path), such a proxy
 * is kept. Its methods forward to the module's by the same signatures, so the same methods, by
 * name, type variables and their bounds, parameter, return and thrown types and varargs, mean
 * the same class.
 */
final class HostProxies {

  private HostProxies() {}

  /**
   * Whether the existing class is a host proxy of the module that an earlier compilation wrote to
   * the class output, with the methods the module's proxy would have now.
   */
  static boolean current(TypeElement existing, ModuleModel module, PreviousOutput previous) {
    TypeElement proxied = ModuleElements.proxiedModule(existing.asType());
    if (proxied == null
        || !proxied.getQualifiedName().contentEquals(module.type().canonicalName())
        || !previous.inClassOutput(existing.getQualifiedName().toString())) {
      return false;
    }
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(existing.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.PUBLIC)) {
        methods.add(method);
      }
    }
    if (methods.size() != module.proxyMethods().size()) {
      return false;
    }
    for (int i = 0; i < methods.size(); i++) {
      if (!same(methods.get(i), module.proxyMethods().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(ExecutableElement method, ProxyMethod proxied) {
    if (!method.getSimpleName().contentEquals(proxied.name())
        || method.isVarArgs() != proxied.varargs()
        || !TypeName.get(method.getReturnType()).equals(proxied.returnType())
        || method.getParameters().size() != proxied.parameters().size()
        || method.getTypeParameters().size() != proxied.typeVariables().size()
        || method.getThrownTypes().size() != proxied.exceptions().size()) {
      return false;
    }
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      ParameterSpec expected = proxied.parameters().get(i);
      if (!TypeName.get(parameter.asType()).equals(expected.type())) {
        return false;
      }
    }
    for (int i = 0; i < method.getTypeParameters().size(); i++) {
      TypeParameterElement variable = method.getTypeParameters().get(i);
      TypeVariableName read = TypeVariableName.get((TypeVariable) variable.asType());
      TypeVariableName expected = proxied.typeVariables().get(i);
      if (!read.name().equals(expected.name()) || !read.bounds().equals(expected.bounds())) {
        return false;
      }
    }
    List<? extends TypeMirror> thrown = method.getThrownTypes();
    for (int i = 0; i < thrown.size(); i++) {
      if (!TypeName.get(thrown.get(i)).equals(proxied.exceptions().get(i))) {
        return false;
      }
    }
    return true;
  }
}
