package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.assertErrorAt;
import static io.hostmod.processor.HostmodTesting.compileRecordingSources;
import static io.hostmod.processor.HostmodTesting.module;

import com.google.testing.compile.Compilation;
import io.hostmod.processor.HostmodTesting.Recorded;
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
    assertThat(recorded.createdSources()).containsExactly("test.GoodModule_Binding");
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
    assertThat(recorded.createdSources()).containsExactly("test.GoodModule_Binding");
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

    // Once for each module that has the method.
    assertThat(recorded.compilation()).hadErrorCount(2);
    assertErrorAt(recorded.compilation(), base.at("void unload()", "unload"), "[HostmodStatic]");
    assertThat(recorded.createdSources()).containsExactly("test.GoodModule_Binding");
  }

  @Test
  void validModulesAloneCompileAndAreGenerated() {
    Recorded recorded = compileRecordingSources(GOOD);

    assertThat(recorded.compilation()).succeededWithoutWarnings();
    assertThat(recorded.createdSources()).hasSize(2);
    assertThat(recorded.createdSources().get(0)).isEqualTo("test.GoodModule_Binding");
    assertThat(recorded.createdSources().get(1)).startsWith("test.HostmodCatalog_");
  }
}
