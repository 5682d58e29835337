package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.assertErrorAt;
import static io.hostmod.processor.HostmodTesting.codeSource;
import static io.hostmod.processor.HostmodTesting.compileRecordingSources;
import static io.hostmod.processor.HostmodTesting.compiler;
import static io.hostmod.processor.HostmodTesting.module;
import static io.hostmod.processor.HostmodTesting.tableOf;

import com.google.testing.compile.Compilation;
import io.hostmod.processor.HostmodTesting.Recorded;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How problems are reported: every one of them, in one compilation, and a module with an error gets
 * no generated code while the valid modules beside it do.
 */
class ReportingTest {

  private static final Source GOOD = module("GoodModule", "@Module", """
      @Load
      void load(ModuleContext context) {}
      """);

  @Test
  void everyErrorIsReportedAndOnlyValidModulesAreGenerated() {
    Source bad = Source.of("test.BadModule", """
        package test;

        import io.hostmod.Load;
        import io.hostmod.Module;
        import io.hostmod.Save;

        @Module(name = "Bad Module")
        public abstract class BadModule {
          @Load
          private void load() {}

          @Save
          String save() { return ""; }
        }
        """);
    Source shared = module("ChatModule", "@Module(global = true)", """
        @AddHost
        void addHost() {}

        public String host(HostContext host) { return host.host(); }
        """);

    Recorded recorded = compileRecordingSources(bad, GOOD, shared);
    Compilation compilation = recorded.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(6);
    assertErrorAt(compilation, bad.at("class BadModule"), "[HostmodAbstract]");
    assertErrorAt(compilation, bad.at("\"Bad Module\""), "[HostmodNameInvalid]");
    assertErrorAt(compilation, bad.at("void load()", "load"), "[HostmodPrivate]");
    assertErrorAt(compilation, bad.at("String save()", "save"), "[HostmodSaveWithoutRestore]");
    assertErrorAt(compilation, shared.at("void addHost()", "addHost"), "[HostmodWrongParameters]");
    assertErrorAt(compilation, shared.at("String host(", "host"), "[HostmodProxyReserved]");
    assertThat(recorded.createdSources()).contains(tableOf("test", "test.GoodModule"));
    assertThat(recorded.createdSources()).doesNotContain("test.ChatModule_HostProxy");
  }

  /**
   * A problem on a method inherited from a base class (which has no {@code @Module}) is the
   * module's problem: reported where the method is, and the module gets no binding.
   */
  @Test
  void problemInAnInheritedMethodKeepsTheModuleFromBeingGenerated() {
    Source base = Source.of("test.BaseModule", """
        package test;

        import io.hostmod.Load;

        public abstract class BaseModule {
          @Load
          private void load() {}
        }
        """);
    Source muc = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule extends BaseModule {}
        """);

    Recorded recorded = compileRecordingSources(base, muc, GOOD);

    assertThat(recorded.compilation()).hadErrorCount(1);
    assertErrorAt(
        recorded.compilation(),
        base.at("void load()", "load"),
        "[HostmodPrivate] @Load method load() is private, but the generated binding calls it;"
            + " make it package-private or public");
    assertThat(recorded.createdSources()).contains(tableOf("test", "test.GoodModule"));
  }

  /** A module that inherits the error of a module it extends is not generated either. */
  @Test
  void moduleExtendingAnInvalidModuleIsNotGenerated() {
    Source base = module("BaseModule", "@Module", """
        @Unload
        static void unload() {}
        """);
    Source muc = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule extends BaseModule {}
        """);

    Recorded recorded = compileRecordingSources(base, muc, GOOD);

    // Once, although both modules have the method.
    assertThat(recorded.compilation()).hadErrorCount(1);
    assertErrorAt(recorded.compilation(), base.at("void unload()", "unload"), "[HostmodStatic]");
    assertThat(recorded.createdSources()).contains(tableOf("test", "test.GoodModule"));
  }

  @Test
  void validModulesAloneCompileAndAreGenerated() {
    Recorded recorded = compileRecordingSources(GOOD);

    assertThat(recorded.compilation()).succeededWithoutWarnings();
    // One table for the package, and the catalog in the same round: javac needs no extra round.
    assertThat(recorded.createdSources()).hasSize(2);
    assertThat(recorded.createdSources().get(0)).startsWith("test.HostmodModules_");
    assertThat(recorded.createdSources().get(1)).startsWith("test.HostmodCatalog_");
  }

  /**
   * A failure of the processor itself while writing one module becomes one error on that module;
   * the other modules are still written.
   */
  @Test
  void internalFailureOnOneModuleLeavesTheOthers() {
    Source broken = module("BrokenModule", "@Module(global = true)", "@AddHost void addHost(HostContext host) {}");

    Recorded recorded =
        compileRecordingSources(TestCompiler.JAVAC, Set.of("test.BrokenModule_HostProxy"), broken, GOOD);

    assertThat(recorded.compilation()).hadErrorCount(1);
    assertErrorAt(
        recorded.compilation(),
        broken.at("class BrokenModule"),
        "[HostmodInternalError] the hostmod processor failed on @Module class BrokenModule:"
            + " java.lang.IllegalStateException: injected failure for test.BrokenModule_HostProxy at ");
    assertThat(recorded.compilation()).hadErrorContaining("this is a bug in hostmod");
    assertThat(recorded.createdSources()).contains(tableOf("test", "test.GoodModule"));
  }

  /** The class the host proxy would be exists already: the Filer refuses, and the module says why. */
  @Test
  void generatedClassThatExistsAlready() {
    Source chat = module("ChatModule", "@Module(global = true)", "@AddHost void addHost(HostContext host) {}");
    Source proxy = Source.of("test.ChatModule_HostProxy", """
        package test;

        public class ChatModule_HostProxy {}
        """);

    Recorded recorded = compileRecordingSources(chat, proxy, GOOD);

    assertThat(recorded.compilation()).hadErrorCount(1);
    assertErrorAt(
        recorded.compilation(),
        chat.at("class ChatModule"),
        "[HostmodWriteFailed] could not write test.ChatModule_HostProxy: Attempt to recreate a file"
            + " for type test.ChatModule_HostProxy; rename any class of that name, and check that the"
            + " output directory is writable");
    assertThat(recorded.createdSources()).contains(tableOf("test", "test.GoodModule"));
  }

  @Test
  void catalogOptionThatIsNoClassName() {
    Compilation compilation =
        compiler()
            .withOptions("-Xlint:all", "-Ahostmod.catalog=org.example.2fa.Catalog")
            .compile(GOOD.file());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[HostmodCatalogOptionInvalid] -Ahostmod.catalog=org.example.2fa.Catalog is not a class"
                + " name like org.example.ChatModules; fix the option");
  }

  /**
   * Without the runtime on the class path, the generated code could not compile: one error says
   * so, and nothing is generated, so no error about generated code follows it.
   */
  @Test
  void runtimeMissingFromTheClassPath() {
    // No hostmod-runtime type in the modules themselves, which javac would report first.
    Source muc = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule {}
        """);
    Source roster = Source.of("test.RosterModule", """
        package test;

        @io.hostmod.Module
        public class RosterModule {}
        """);

    Compilation compilation =
        compiler()
            .withClasspath(List.of(codeSource(io.hostmod.Module.class)))
            .compile(muc.file(), roster.file());

    assertThat(compilation).hadErrorCount(1);
    assertErrorAt(
        compilation,
        muc.at("class MucModule"),
        "[HostmodRuntimeMissing] @Module class MucModule needs the hostmod runtime, but"
            + " io.hostmod.runtime is not on the class path; add the hostmod-runtime dependency");
  }
}
