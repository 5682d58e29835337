package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.tableOf;

import com.google.testing.compile.Compilation;
import io.hostmod.processor.HostmodTesting.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Errors about module names and {@code dependsOn}, within one module and across the modules of a
 * compilation. They are reported on the annotation value at fault: javac places a class literal at
 * its {@code .class}.
 */
class NameAndDependencyErrorsTest extends BothCompilers {

  @Test
  void invalidExplicitName() {
    Source source = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module(global = true, name = "Multi-User-Chat")
        public class MucModule {}
        """);

    assertOnlyError(
        compile(source),
        source.at("name = \"Multi-User-Chat\"", "\"Multi"),
        "[HostmodNameInvalid] module name 'Multi-User-Chat' of MucModule is not lower_snake_case"
            + " (like 'muc' or 'server_contact_info'); change @Module(name)");
  }

  @Test
  void invalidDerivedName() {
    Source source = Source.of("test.Legacy_Module", """
        package test;

        import io.hostmod.Module;

        @Module
        public class Legacy_Module {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class Legacy_Module"),
        "[HostmodDerivedNameInvalid] the module name derived from class Legacy_Module is"
            + " 'legacy_', which is not lower_snake_case; set @Module(name = \"...\")");
  }

  @Test
  void classNamedModuleHasNoDerivedName() {
    Source source = Source.of("test.Module", """
        package test;

        @io.hostmod.Module
        public class Module {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class Module"),
        "[HostmodDerivedNameEmpty] the module name derived from class Module is empty, since a"
            + " trailing 'Module' is dropped; set @Module(name = \"...\")");
  }

  @Test
  void sameNameTwiceIsReportedOnBothModules() {
    Source muc = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module
        public class MucModule {}
        """);
    Source legacy = Source.of("test.legacy.LegacyChat", """
        package test.legacy;

        import io.hostmod.Module;

        @Module(name = "muc")
        public class LegacyChat {}
        """);

    Compilation compilation = compile(muc, legacy);

    assertErrorCount(compilation, 2);
    assertErrorAt(
        compilation,
        muc.at("@Module"),
        "[HostmodNameDuplicate] module name 'muc' is used by both test.legacy.LegacyChat and"
            + " test.MucModule; give one of them another @Module(name)");
    assertErrorAt(
        compilation,
        legacy.at("@Module(name = \"muc\")"),
        "[HostmodNameDuplicate] module name 'muc' is used by both test.MucModule and"
            + " test.legacy.LegacyChat; give one of them another @Module(name)");
  }

  @Test
  void dependsOnAClassThatIsNoModule() {
    Source roster = rosterModule();
    Source muc = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module(dependsOn = {Roster.class, String.class})
        public class MucModule {}
        """);

    assertOnlyError(
        compile(roster, muc),
        muc.at("String.class", ".class"),
        "[HostmodDependsOnNonModule] String in dependsOn of MucModule is not a @Module class;"
            + " depend on module classes only");
  }

  @Test
  void dependsOnItself() {
    Source muc = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module(dependsOn = MucModule.class)
        public class MucModule {}
        """);

    assertOnlyError(
        compile(muc),
        muc.at("MucModule.class", ".class"),
        "[HostmodDependsOnItself] MucModule depends on itself; remove it from dependsOn");
  }

  @Test
  void dependsOnTheSameModuleTwice() {
    Source roster = rosterModule();
    Source muc = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module(dependsOn = {Roster.class, Roster.class})
        public class MucModule {}
        """);

    assertOnlyError(
        compile(roster, muc),
        muc.at("Roster.class})", ".class"),
        "[HostmodDependsOnTwice] Roster is named twice in dependsOn of MucModule; remove one of"
            + " them");
  }

  @Test
  void cycleOfTwoIsReportedOnceOnTheFirstModuleByName() {
    Source alpha = dependent("Alpha", "Beta");
    Source beta = dependent("Beta", "Alpha");

    for (List<Source> order : List.of(List.of(alpha, beta), List.of(beta, alpha))) {
      assertOnlyError(
          compile(order),
          alpha.at("Beta.class", ".class"),
          "[HostmodDependencyCycle] modules depend on each other in a cycle, Alpha -> Beta ->"
              + " Alpha; remove one of these dependencies");
    }
  }

  @Test
  void cycleOfThree() {
    Source alpha = dependent("Alpha", "Beta");
    Source beta = dependent("Beta", "Gamma");
    Source gamma = dependent("Gamma", "Alpha");

    assertOnlyError(
        compile(gamma, beta, alpha),
        alpha.at("Beta.class", ".class"),
        "[HostmodDependencyCycle] modules depend on each other in a cycle, Alpha -> Beta -> Gamma"
            + " -> Alpha; remove one of these dependencies");
  }

  @Test
  void dependencyChainWithoutCycleIsFine() {
    Source alpha = dependent("Alpha", "Beta");
    Source beta = dependent("Beta", "Gamma");
    Source gamma = Source.of("test.Gamma", """
        package test;

        @io.hostmod.Module
        public class Gamma {}
        """);

    assertSucceededWithoutWarnings(compile(alpha, beta, gamma));
  }

  /** {@code test.<name>}, a module depending on {@code test.<dependency>}. */
  private static Source dependent(String name, String dependency) {
    return Source.of("test." + name, """
        package test;

        import io.hostmod.Module;

        @Module(dependsOn = %s.class)
        public class %s {}
        """.formatted(dependency, name));
  }

  private static Source rosterModule() {
    return Source.of("test.Roster", """
        package test;

        @io.hostmod.Module
        public class Roster {}
        """);
  }

  /**
   * Shared modules {@code Outer.Inner} and {@code Outer_Inner} would both generate {@code
   * Outer_Inner_HostProxy}: reported on both classes, neither is generated, and the other modules
   * are. (Other modules get no class of their own, so their names cannot clash.)
   */
  @Test
  void generatedNameClashIsReportedOnBothModules() {
    Source nested = Source.of("test.Chat", """
        package test;

        import io.hostmod.AddHost;
        import io.hostmod.Module;
        import io.hostmod.runtime.HostContext;

        public class Chat {
          @Module(name = "chat_muc", global = true)
          public static class Muc {
            @AddHost void addHost(HostContext host) {}
          }
        }
        """);
    Source joined = Source.of("test.Chat_Muc", """
        package test;

        import io.hostmod.AddHost;
        import io.hostmod.Module;
        import io.hostmod.runtime.HostContext;

        @Module(name = "legacy_muc", global = true)
        public class Chat_Muc {
          @AddHost void addHost(HostContext host) {}
        }
        """);
    Source roster = rosterModule();

    Recorded recorded = compileRecordingSources(nested, joined, roster);
    Compilation compilation = recorded.compilation();

    assertErrorCount(compilation, 2);
    assertErrorAt(
        compilation,
        nested.at("class Muc"),
        "[HostmodGeneratedNameClash] @Module class test.Chat.Muc would generate Chat_Muc_HostProxy,"
            + " as @Module class test.Chat_Muc does; rename one of the two classes");
    assertErrorAt(
        compilation,
        joined.at("class Chat_Muc"),
        "[HostmodGeneratedNameClash] @Module class test.Chat_Muc would generate Chat_Muc_HostProxy,"
            + " as @Module class test.Chat.Muc does; rename one of the two classes");
    assertThat(recorded.createdSources()).contains(tableOf("test", "test.Roster"));
    assertThat(recorded.createdSources()).doesNotContain("test.Chat_Muc_HostProxy");
  }

  @Test
  void dependsOnAPrimitiveClass() {
    Source muc = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module(dependsOn = int.class)
        public class MucModule {}
        """);

    assertOnlyError(
        compile(muc),
        muc.at("int.class", ".class"),
        "[HostmodDependsOnNonModule] int in dependsOn of MucModule is not a @Module class; depend"
            + " on module classes only");
  }

  /**
   * A plain global module's one instance would depend on one host's instance of a per-host
   * module: legal, but almost surely not meant. A shared module attaches its dependencies per
   * host, and a per-host module may depend on a global one.
   */
  @Test
  void globalModuleDependingOnAPerHostModule() {
    Source roster = rosterModule();
    Source stats = Source.of("test.StatsModule", """
        package test;

        import io.hostmod.Module;

        @Module(global = true, dependsOn = Roster.class)
        public class StatsModule {}
        """);
    Source muc = dependent("MucModule", "StatsModule");

    assertOnlyWarning(
        compile(roster, stats, muc),
        stats.at("Roster.class", ".class"),
        "[HostmodGlobalDependsOnPerHost] global module StatsModule depends on per-host module"
            + " Roster, so its one instance would hang on the Roster of a single host, and"
            + " unloading Roster there would unload StatsModule everywhere; make Roster global, or"
            + " drop the dependency");
  }
}
