package io.hostmod.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.hostmod.processor.model.ModuleModel;
import io.hostmod.processor.model.ProxyMethod;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Foo_HostProxy} for a shared module: each module method whose first parameter is
 * {@code HostContext}, without that parameter, calling the module with the proxy's host.
 */
public final class HostProxyWriter {

  private HostProxyWriter() {}

  public static JavaFile write(ModuleModel module, boolean markGenerated) {
    ClassName type = module.type();
    TypeSpec.Builder proxy =
        TypeSpec.classBuilder(module.hostProxyType())
            .addJavadoc(
                "Module {@code $L} on one host: the {@code HostContext} methods of {@link $T}, bound"
                    + " to that host.\n"
                    + "Get one from {@code ModuleManager.hostProxy(host, $T.class)}.\n",
                module.name(),
                type,
                module.hostProxyType())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(RuntimeTypes.HOST_PROXY, type))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(ParameterizedTypeName.get(RuntimeTypes.PROXY_TARGET, type), "target")
                    .addStatement("super(target)")
                    .build());
    for (ProxyMethod method : module.proxyMethods()) {
      proxy.addMethod(forward(type, method));
    }
    return RuntimeTypes.file(type.packageName(), proxy.build(), markGenerated);
  }

  private static MethodSpec forward(ClassName type, ProxyMethod method) {
    Set<String> taken = new HashSet<>();
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (ParameterSpec parameter : method.parameters()) {
      taken.add(parameter.name());
      arguments.add(", $N", parameter);
    }
    // The local that holds this host's part must not shadow a parameter.
    String part = "part";
    while (taken.contains(part)) {
      part = part + "_";
    }
    CodeBlock call =
        CodeBlock.of("$N.module().$N($N.context()$L)", part, method.name(), part, arguments.build());
    MethodSpec.Builder forward = MethodSpec.methodBuilder(method.name())
        .addJavadoc("Calls {@link $T#$N} with this proxy's host.\n", type, method.name());
    if (method.safeVarargs()) {
      // A generic varargs forward warns of heap pollution unless it is @SafeVarargs (which needs
      // final), and of passing its array on unless "varargs" is suppressed: both are safe, the
      // array goes unchanged to the module's own @SafeVarargs method.
      forward
          .addAnnotation(SafeVarargs.class)
          .addAnnotation(
              AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "varargs").build())
          .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    } else {
      forward.addModifiers(Modifier.PUBLIC);
    }
    return forward
        .addTypeVariables(method.typeVariables())
        .returns(method.returnType())
        .addParameters(method.parameters())
        .varargs(method.varargs())
        .addExceptions(method.exceptions())
        .addStatement("$T<$T> $N = part()", RuntimeTypes.HOST_PART, type, part)
        .addStatement(method.returnsVoid() ? "$L" : "return $L", call)
        .build();
  }
}
