package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The names of the classes generated for a module class: {@code Foo_Binding} and {@code
 * Foo_HostProxy} in its package, nested class names joined with {@code _}. Two module classes can
 * map to the same names ({@code Outer.Inner} and {@code Outer_Inner}), which validation reports.
 */
public final class GeneratedNames {

  private GeneratedNames() {}

  public static ClassName binding(ClassName module) {
    return generated(module, "_Binding");
  }

  public static ClassName hostProxy(ClassName module) {
    return generated(module, "_HostProxy");
  }

  private static ClassName generated(ClassName module, String suffix) {
    return ClassName.get(module.packageName(), String.join("_", module.simpleNames()) + suffix);
  }
}
