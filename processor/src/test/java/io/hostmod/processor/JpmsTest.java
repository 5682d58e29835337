package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.assertErrorAt;
import static io.hostmod.processor.HostmodTesting.generatedSource;

import com.google.testing.compile.Compilation;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules in a named JPMS module. ServiceLoader ignores META-INF/services there, so module-info.java
 * must provide the catalog, which is therefore named predictably ({@code HostmodCatalog} in the
 * modules' first package) and checked. The unnamed module is what every other test compiles in.
 */
class JpmsTest {

  private static final Source MUC = Source.of("org.example.chat.MucModule", """
      package org.example.chat;

      import io.hostmod.Load;
      import io.hostmod.Module;
      import io.hostmod.runtime.ModuleContext;

      @Module
      public class MucModule {
        @Load
        void load(ModuleContext context) {}
      }
      """);

  private static final Source CHAT = Source.of("org.example.chat.shared.ChatModule", """
      package org.example.chat.shared;

      import io.hostmod.AddHost;
      import io.hostmod.Module;
      import io.hostmod.runtime.HostContext;

      @Module(global = true)
      public class ChatModule {
        @AddHost
        void addHost(HostContext host) {}

        public String greet(HostContext host, String who) {
          return who + " on " + host.host();
        }
      }
      """);

  @TempDir static Path directory;
  private static Path modulePath;

  @BeforeAll
  static void buildModulePath() {
    modulePath = Jpms.modulePath(directory);
  }

  private static Source moduleInfo(String directives) {
    return Source.of("module-info", "module org.example.chat {\n" + directives.indent(2) + "}\n");
  }

  @Test
  void namedModuleThatProvidesItsCatalog(@TempDir Path layer) throws Exception {
    Source moduleInfo = moduleInfo("""
        requires static io.hostmod;
        requires io.hostmod.runtime;
        provides io.hostmod.runtime.spi.ModuleCatalog with org.example.chat.HostmodCatalog;
        """);

    Compilation compilation =
        Jpms.compiler(modulePath).compile(moduleInfo.file(), MUC.file(), CHAT.file());

    assertThat(compilation).succeededWithoutWarnings();
    // The module does not read java.compiler, so @Generated is not visible to it.
    assertThat(generatedSource(compilation, "org.example.chat.HostmodCatalog"))
        .doesNotContain("@Generated");
    assertThat(Jpms.discoverModuleNames(compilation, "org.example.chat", modulePath, layer))
        .containsExactly("chat", "muc")
        .inOrder();
  }

  @Test
  void namedModuleThatReadsJavaCompilerGetsGeneratedAnnotations() {
    Source moduleInfo = moduleInfo("""
        requires static io.hostmod;
        requires static java.compiler;
        requires io.hostmod.runtime;
        provides io.hostmod.runtime.spi.ModuleCatalog with org.example.chat.HostmodCatalog;
        """);

    Compilation compilation =
        Jpms.compiler(modulePath).compile(moduleInfo.file(), MUC.file(), CHAT.file());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "org.example.chat.shared.ChatModule_HostProxy"))
        .contains("@Generated(\"io.hostmod.processor.HostmodProcessor\")");
  }

  /** The names may be imported, as in any other source file. */
  @Test
  void providesWithImportedNames() {
    Source moduleInfo = Source.of("module-info", """
        import io.hostmod.runtime.spi.ModuleCatalog;
        import org.example.chat.HostmodCatalog;

        module org.example.chat {
          requires static io.hostmod;
          requires io.hostmod.runtime;
          provides ModuleCatalog with HostmodCatalog;
        }
        """);

    assertThat(Jpms.compiler(modulePath).compile(moduleInfo.file(), MUC.file()))
        .succeededWithoutWarnings();
  }

  @Test
  void catalogOptionNamesTheCatalogToProvide() {
    Source moduleInfo = moduleInfo("""
        requires static io.hostmod;
        requires io.hostmod.runtime;
        provides io.hostmod.runtime.spi.ModuleCatalog with org.example.chat.ChatModules;
        """);

    Compilation compilation =
        Jpms.compiler(modulePath, "-Ahostmod.catalog=org.example.chat.ChatModules")
            .compile(moduleInfo.file(), MUC.file());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("org.example.chat.ChatModules");
  }

  @Test
  void namedModuleThatDoesNotProvideItsCatalog() {
    Source moduleInfo = moduleInfo("""
        requires static io.hostmod;
        requires io.hostmod.runtime;
        """);

    Compilation compilation =
        Jpms.compiler(modulePath).compile(moduleInfo.file(), MUC.file(), CHAT.file());

    assertThat(compilation).hadErrorCount(1);
    assertErrorAt(
        compilation,
        moduleInfo.at("module org.example.chat", "module"),
        "[HostmodProvidesMissing] module org.example.chat does not provide its module catalog, so"
            + " ServiceLoader will not find its modules; add this line to module-info.java:"
            + " provides io.hostmod.runtime.spi.ModuleCatalog with org.example.chat.HostmodCatalog;");
  }

  /**
   * Without {@code requires io.hostmod.runtime} the generated code neither compiles nor runs: the
   * annotations' module, required {@code static}, does not read the runtime. So nothing is
   * generated, and the error says what to add.
   */
  @Test
  void namedModuleThatDoesNotReadTheRuntime() {
    Source moduleInfo = moduleInfo("""
        requires static io.hostmod;
        """);
    Source roster = Source.of("org.example.chat.RosterModule", """
        package org.example.chat;

        @io.hostmod.Module
        public class RosterModule {}
        """);

    Compilation compilation = Jpms.compiler(modulePath).compile(moduleInfo.file(), roster.file());

    assertThat(compilation).hadErrorCount(1);
    assertErrorAt(
        compilation,
        moduleInfo.at("module org.example.chat", "module"),
        "[HostmodRuntimeNotRead] module org.example.chat does not read io.hostmod.runtime, which"
            + " the code generated for its @Module classes uses; add this line to"
            + " module-info.java: requires io.hostmod.runtime;");
  }

  /**
   * A module that requires one that requires the runtime {@code transitive} reads the runtime
   * through it, as a module that requires {@code io.hostmod.config} does.
   */
  @Test
  void namedModuleReadingTheRuntimeThroughAModuleThatRequiresItTransitively(@TempDir Path platform)
      throws Exception {
    Source platformInfo = Source.of("module-info", """
        module org.example.platform {
          requires transitive io.hostmod.runtime;
        }
        """);
    Compilation platformCompilation = Jpms.compiler(modulePath).compile(platformInfo.file());
    assertThat(platformCompilation).succeededWithoutWarnings();
    Path platformModule = Jpms.classes(platformCompilation, platform.resolve("org.example.platform"));
    Source moduleInfo = moduleInfo("""
        requires static io.hostmod;
        requires org.example.platform;
        provides io.hostmod.runtime.spi.ModuleCatalog with org.example.chat.HostmodCatalog;
        """);

    assertThat(Jpms.compiler(List.of(modulePath, platform)).compile(moduleInfo.file(), MUC.file()))
        .succeededWithoutWarnings();
  }

  /**
   * The runtime is a named module that exports its user API and the contract with generated code,
   * and nothing else; it requires nothing but the JDK ({@code java.base}, {@code jdk.jfr}), and uses
   * the generated catalogs.
   * The annotations' module exports the annotations.
   */
  @Test
  void hostmodModulesExportTheirApiOnly() {
    ModuleDescriptor runtime = descriptor(Jpms.RUNTIME);
    assertThat(runtime.isAutomatic()).isFalse();
    assertThat(exports(runtime)).containsExactly("io.hostmod.runtime", "io.hostmod.runtime.spi");
    assertThat(runtime.packages()).containsExactly("io.hostmod.runtime", "io.hostmod.runtime.spi");
    // The JDK only: its Flight Recorder events need jdk.jfr.
    assertThat(runtime.requires().stream().map(ModuleDescriptor.Requires::name).toList())
        .containsExactly("java.base", "jdk.jfr");
    assertThat(runtime.uses()).containsExactly("io.hostmod.runtime.spi.ModuleCatalog");

    ModuleDescriptor annotations = descriptor(Jpms.ANNOTATIONS);
    assertThat(annotations.isAutomatic()).isFalse();
    assertThat(exports(annotations)).containsExactly("io.hostmod");
  }

  /**
   * A modular application: a named module that requires the runtime uses {@code ModuleManager},
   * which finds the generated catalog through {@code provides} (the runtime {@code uses} it), and
   * calls a shared module through its host proxy.
   */
  @Test
  void namedModuleRunsItsModulesWithModuleManager(@TempDir Path layerDirectory) throws Exception {
    Source moduleInfo = moduleInfo("""
        requires static io.hostmod;
        requires io.hostmod.runtime;
        exports org.example.chat.app;
        provides io.hostmod.runtime.spi.ModuleCatalog with org.example.chat.HostmodCatalog;
        """);
    Source server = Source.of("org.example.chat.app.ChatServer", """
        package org.example.chat.app;

        import io.hostmod.runtime.ModuleManager;
        import org.example.chat.shared.ChatModule_HostProxy;

        public final class ChatServer {
          private ChatServer() {}

          public static String run() {
            ModuleManager modules = ModuleManager.builder().discoverCatalogs().build();
            modules.activateHost("chat.example");
            modules.load("chat.example", "muc");
            modules.load("chat.example", "chat");
            ChatModule_HostProxy chat = modules.hostProxy("chat.example", ChatModule_HostProxy.class);
            return modules.isLoaded("chat.example", "muc") + ", " + chat.greet("ann");
          }
        }
        """);

    Compilation compilation =
        Jpms.compiler(modulePath).compile(moduleInfo.file(), MUC.file(), CHAT.file(), server.file());

    assertThat(compilation).succeededWithoutWarnings();
    ModuleLayer layer = Jpms.layer(compilation, "org.example.chat", modulePath, layerDirectory);
    ClassLoader loader = layer.findLoader("org.example.chat");
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(loader); // discoverCatalogs() looks where the application runs
    try {
      Object result = loader.loadClass("org.example.chat.app.ChatServer").getMethod("run").invoke(null);
      assertThat(result).isEqualTo("true, ann on chat.example");
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  private static ModuleDescriptor descriptor(String module) {
    return ModuleFinder.of(modulePath).find(module).orElseThrow().descriptor();
  }

  /** The packages a module exports, to every module or, marked so, to some. */
  private static List<String> exports(ModuleDescriptor module) {
    return module.exports().stream()
        .map(e -> e.isQualified() ? e.source() + " to " + e.targets() : e.source())
        .toList();
  }
}
