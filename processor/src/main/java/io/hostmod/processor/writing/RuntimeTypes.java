package io.hostmod.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.hostmod.processor.model.HostmodNames;

/** The runtime types generated code refers to, and what every generated file has in common. */
final class RuntimeTypes {

  static final ClassName MODULE_BINDING = spi("ModuleBinding");
  static final ClassName MODULE_CATALOG = spi("ModuleCatalog");
  static final ClassName MODULE_TABLE = spi("ModuleTable");
  static final ClassName STATE_CODECS = spi("StateCodecs");
  static final ClassName MODULE_KIND = runtime("ModuleKind");
  static final ClassName MODULE_CONTEXT = runtime("ModuleContext");
  static final ClassName HOST_CONTEXT = runtime("HostContext");
  static final ClassName MODULE_HOOK = spi("ModuleHook");
  static final ClassName MODULE_TIMER = spi("ModuleTimer");
  static final ClassName MODULE_OPTION = spi("ModuleOption");
  static final ClassName HOST_PART = spi("HostPart");
  static final ClassName HOST_PROXY = runtime("HostProxy");
  static final ClassName PROXY_TARGET = spi("ProxyTarget");

  private static final ClassName GENERATED = ClassName.bestGuess(HostmodNames.GENERATED);
  private static final String PROCESSOR = HostmodNames.PROCESSOR;

  private RuntimeTypes() {}

  private static ClassName runtime(String simpleName) {
    return ClassName.get(HostmodNames.RUNTIME_PACKAGE, simpleName);
  }

  private static ClassName spi(String simpleName) {
    return ClassName.get(HostmodNames.SPI_PACKAGE, simpleName);
  }

  /**
   * The file of a generated type, marked {@code @Generated("io.hostmod.processor.HostmodProcessor")}
   * (with no date, so output is stable) when {@code markGenerated}: the compilation must see {@code
   * javax.annotation.processing.Generated}, which a named module does only if it reads {@code
   * java.compiler}.
   */
  static JavaFile file(String packageName, TypeSpec type, boolean markGenerated) {
    AnnotationSpec generated =
        AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
    TypeSpec marked = markGenerated ? type.toBuilder().addAnnotation(generated).build() : type;
    return JavaFile.builder(packageName, marked).skipJavaLangImports(true).indent("    ").build();
  }
}
