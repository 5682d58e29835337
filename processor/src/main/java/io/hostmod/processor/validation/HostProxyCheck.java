package io.hostmod.processor.validation;

import io.hostmod.processor.model.HostmodNames;
import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.ModuleElements;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The public {@code HostContext} methods of a module. In a shared module each becomes a method of
 * the host proxy and must fit there; in any other module there is no proxy to put it on.
 */
final class HostProxyCheck implements Check {

  private final ModuleElements modules;

  HostProxyCheck(ModuleElements modules) {
    this.modules = modules;
  }

  @Override
  public void check(TypeElement module, Report report) {
    Kind kind = modules.kind(module);
    if (kind == Kind.SHARED) {
      checkProxy(module, report);
    } else {
      checkNoProxy(module, kind, report);
    }
  }

  private void checkProxy(TypeElement module, Report report) {
    Map<String, ExecutableElement> proxyBase = proxyBaseMethods();
    Map<String, ExecutableElement> bySignature = new HashMap<>();
    for (ExecutableElement method : modules.proxyMethods(module)) {
      ExecutableType type = modules.memberType(module, method);
      String name = method.getSimpleName().toString();
      String proxySignature = proxySignature(name, type, false);
      ExecutableElement taken = proxyBase.get(name);
      if (taken != null) {
        report.on(
            method,
            Message.PROXY_RESERVED,
            Texts.method(method),
            Texts.className(module),
            proxySignature,
            name,
            Texts.className((TypeElement) taken.getEnclosingElement()) + "." + Texts.method(taken));
        continue;
      }
      // Methods clash when their erasures do: a generic superclass can make two methods of
      // different declared types equal once its type arguments are in.
      ExecutableElement earlier = bySignature.putIfAbsent(proxySignature(name, type, true), method);
      if (earlier != null) {
        report.on(
            method,
            Message.PROXY_CLASH,
            Texts.method(earlier),
            Texts.method(method),
            Texts.className(module),
            proxySignature);
      }
    }
  }

  /**
   * The methods every host proxy has, by name, from {@code HostProxy} and {@code Object}: a proxy
   * method of such a name would override or overload them.
   */
  private Map<String, ExecutableElement> proxyBaseMethods() {
    Map<String, ExecutableElement> byName = new HashMap<>();
    TypeElement hostProxy = modules.elements().getTypeElement(HostmodNames.HOST_PROXY);
    if (hostProxy != null) {
      for (ExecutableElement method :
          ElementFilter.methodsIn(modules.elements().getAllMembers(hostProxy))) {
        // Of overloads, the one with the fewest parameters names them in the message.
        if (!method.getModifiers().contains(Modifier.PRIVATE)) {
          byName.merge(
              method.getSimpleName().toString(),
              method,
              (one, other) -> other.getParameters().size() < one.getParameters().size() ? other : one);
        }
      }
    }
    return byName;
  }

  /** The proxy method's signature: the name and the types after the HostContext. */
  private String proxySignature(String name, ExecutableType type, boolean erased) {
    StringJoiner parameters = new StringJoiner(", ", name + "(", ")");
    List<? extends TypeMirror> all = type.getParameterTypes();
    for (TypeMirror parameter : all.subList(1, all.size())) {
      parameters.add(erased ? modules.types().erasure(parameter).toString() : Texts.type(parameter));
    }
    return parameters.toString();
  }

  /**
   * A public method with a HostContext first in a module without a host proxy was most likely
   * meant for one. Only the module's own methods: a base class may serve shared modules too.
   */
  private void checkNoProxy(TypeElement module, Kind kind, Report report) {
    for (ExecutableElement method : ElementFilter.methodsIn(module.getEnclosedElements())) {
      if (ModuleElements.isProxyShaped(method) && !ModuleElements.isCalledByBinding(method)) {
        report.on(
            method,
            Message.NO_HOST_PROXY,
            Texts.method(method),
            Texts.className(module),
            kind == Kind.PER_HOST ? "a per-host module" : "a global module without @AddHost");
      }
    }
  }
}
