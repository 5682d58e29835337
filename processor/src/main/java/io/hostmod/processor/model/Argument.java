package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * What the generated binding passes for one parameter of a constructor or lifecycle method: the
 * context it was given, or a module the module depends on, or that module's host proxy.
 */
public sealed interface Argument {

  /** The {@code ModuleContext} (or, for {@code @AddHost} and {@code @Unload}, the {@code HostContext}). */
  record Context() implements Argument {}

  /** {@code context.module(Dep.class)}: the instance of a module in {@code dependsOn}. */
  record ModuleOf(ClassName module) implements Argument {}

  /** {@code context.hostProxy(Dep_HostProxy.class)}: a shared dependency's proxy on this host. */
  record HostProxyOf(ClassName proxy) implements Argument {}
}
