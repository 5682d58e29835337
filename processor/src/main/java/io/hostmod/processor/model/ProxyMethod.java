package io.hostmod.processor.model;

import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * A public module method whose first parameter is {@code HostContext}: it appears on the host
 * proxy without that parameter.
 *
 * @param parameters the parameters after the {@code HostContext}
 * @param safeVarargs whether the module method is {@code @SafeVarargs}, which the proxy method,
 *     passing the array on unchanged, then is too
 */
public record ProxyMethod(
    String name,
    List<TypeVariableName> typeVariables,
    TypeName returnType,
    List<ParameterSpec> parameters,
    List<TypeName> exceptions,
    boolean varargs,
    boolean safeVarargs,
    boolean returnsVoid) {}
