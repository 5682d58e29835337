package io.hostmod.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.hostmod.processor.model.HostmodNames;

/** The runtime types generated code refers to, and what every generated file has in common. */
final class RuntimeTypes {

  static final ClassName MODULE_BINDING = runtime("ModuleBinding");
  static final ClassName MODULE_CATALOG = runtime("ModuleCatalog");
  static final ClassName MODULE_KIND = runtime("ModuleKind");
  static final ClassName MODULE_CONTEXT = runtime("ModuleContext");
  static final ClassName HOST_CONTEXT = runtime("HostContext");
  static final ClassName HOST_PART = runtime("HostPart");
  static final ClassName HOST_PROXY = runtime("HostProxy");
  static final ClassName HOST_PROXY_TARGET = HOST_PROXY.nestedClass("Target");

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "io.hostmod.processor.HostmodProcessor";

  private RuntimeTypes() {}

  private static ClassName runtime(String simpleName) {
    return ClassName.get(HostmodNames.RUNTIME_PACKAGE, simpleName);
  }

  /** {@code @Generated("io.hostmod.processor.HostmodProcessor")}, with no date, so output is stable. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

  static JavaFile file(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
  }
}
