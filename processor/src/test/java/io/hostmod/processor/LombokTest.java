package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.assertErrorAt;
import static io.hostmod.processor.HostmodTesting.call;
import static io.hostmod.processor.HostmodTesting.catalogs;
import static io.hostmod.processor.HostmodTesting.classLoader;
import static io.hostmod.processor.HostmodTesting.load;
import static io.hostmod.processor.HostmodTesting.module;
import static io.hostmod.processor.HostmodTesting.moduleTableOf;
import static io.hostmod.processor.HostmodTesting.tableOf;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lombok completes module classes (a constructor, getters) while it processes them: hostmod must
 * read a class as Lombok leaves it, whether Lombok runs before or after it. Each test compiles
 * with Lombok's own processors in both orders, and runs what was generated.
 */
class LombokTest {

  /** Where Lombok's processors stand among the compilation's processors. */
  enum Order {
    LOMBOK_FIRST,
    HOSTMOD_FIRST
  }

  private static Source lombokModule(String simpleName, String annotations, String members) {
    return Source.of(
        "test." + simpleName,
        """
        package test;

        import io.hostmod.Load;
        import io.hostmod.Module;
        import io.hostmod.Option;
        import io.hostmod.runtime.ModuleContext;
        import lombok.Getter;
        import lombok.RequiredArgsConstructor;

        %s
        public class %s {
        %s}
        """.formatted(annotations, simpleName, members.indent(2)));
  }

  /**
   * javac with -Xlint:all and Lombok's processors (its processor and the one that claims its
   * annotations, as its jar declares them) before or after hostmod's.
   */
  static Compiler compiler(Order order) {
    List<Processor> lombok = List.of(
        processor("lombok.launch.AnnotationProcessorHider$AnnotationProcessor"),
        processor("lombok.launch.AnnotationProcessorHider$ClaimingProcessor"));
    List<Processor> hostmod = List.of(new HostmodProcessor(), new GeneratedClaimProcessor());
    List<Processor> processors = new ArrayList<>(order == Order.LOMBOK_FIRST ? lombok : hostmod);
    processors.addAll(order == Order.LOMBOK_FIRST ? hostmod : lombok);
    return Compiler.javac().withProcessors(processors).withOptions("-Xlint:all");
  }

  /** The class is not public API (its outer class is package-private): made by name. */
  private static Processor processor(String name) {
    try {
      return (Processor) Class.forName(name).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Loads the module on host {@code a.example} with a manager of the compilation's catalogs;
   * its instance.
   */
  private static Object loadModule(
      Compilation compilation, ServerConfig config, String name, String className) {
    ClassLoader output = classLoader(compilation);
    ModuleManager.Builder builder = ModuleManager.builder().config(config);
    for (ModuleCatalog catalog : catalogs(output)) {
      builder.catalog(catalog);
    }
    ModuleManager modules = builder.build();
    modules.activateHost("a.example");
    modules.load("a.example", name);
    return modules.instance("a.example", load(output, className));
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void requiredArgsConstructorTakesTheContext(Order order) throws Exception {
    Source greeting = lombokModule("GreetingModule", "@Module\n@RequiredArgsConstructor", """
        private final ModuleContext context;

        public String greet(String who) {
          return "hello " + who + " from " + context.host();
        }
        """);

    Compilation compilation = compiler(order).compile(greeting.file());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(moduleTableOf(compilation, "test.GreetingModule"))
        .contains("new GreetingModule(context)");
    Object instance =
        loadModule(compilation, ServerConfig.empty(), "greeting", "test.GreetingModule");
    assertThat(call(instance, "greet", "bob")).isEqualTo("hello bob from a.example");
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void getterOnAnOptionField(Order order) throws Exception {
    Source muc = lombokModule("MucModule", "@Module", """
        @Getter
        @Option("history_limit")
        int historyLimit = 50;
        """);

    Compilation compilation = compiler(order).compile(muc.file());

    assertThat(compilation).succeededWithoutWarnings();
    Object instance = loadModule(
        compilation, ServerConfig.builder().option("history_limit", 7).build(), "muc", "test.MucModule");
    assertThat(call(instance, "getHistoryLimit")).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void lombokConstructorInjectsADependency(Order order) throws Exception {
    Source roster = lombokModule("RosterModule", "@Module(global = true)", """
        public String members() {
          return "alice, bob";
        }
        """);
    Source muc = lombokModule(
        "MucModule", "@Module(dependsOn = RosterModule.class)\n@RequiredArgsConstructor", """
        private final ModuleContext context;
        private final RosterModule roster;
        private String loaded;

        @Load
        void load() {
          loaded = roster.members() + " on " + context.host();
        }

        public String loaded() {
          return loaded;
        }
        """);

    Compilation compilation = compiler(order).compile(roster.file(), muc.file());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(moduleTableOf(compilation, "test.MucModule"))
        .contains("new MucModule(context, context.module(RosterModule.class))");
    Object instance = loadModule(compilation, ServerConfig.empty(), "muc", "test.MucModule");
    assertThat(call(instance, "loaded")).isEqualTo("alice, bob on a.example");
  }

  /**
   * hostmod reads the constructor Lombok wrote, and reports it where Lombok puts what it writes:
   * at the annotation that asked for it.
   */
  @ParameterizedTest
  @EnumSource(Order.class)
  void constructorTakingAModuleNotInDependsOnIsReportedAtTheLombokAnnotation(Order order) {
    Source roster = lombokModule("RosterModule", "@Module", "");
    Source muc = lombokModule("MucModule", "@Module\n@RequiredArgsConstructor", """
        private final RosterModule roster;
        """);

    Compilation compilation = compiler(order).compile(roster.file(), muc.file());

    assertThat(compilation).hadErrorCount(1);
    assertErrorAt(
        compilation,
        muc.at("@RequiredArgsConstructor"),
        "[HostmodNotADependency] constructor MucModule(RosterModule) takes module RosterModule,"
            + " but MucModule does not depend on RosterModule");
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void privateOptionFieldWithAGetterIsReportedOnTheField(Order order) {
    Source muc = lombokModule("MucModule", "@Module", """
        @Getter
        @Option("history_limit")
        private int historyLimit = 50;
        """);

    Compilation compilation = compiler(order).compile(muc.file());

    assertThat(compilation).hadErrorCount(1);
    assertErrorAt(
        compilation,
        muc.at("private int historyLimit", "historyLimit"),
        "[HostmodOptionModifier] @Option field historyLimit of MucModule is private");
  }

  /**
   * A module with another processor's source-only annotation waits a round for it; when no round
   * comes (here, no processor handles the annotation), it is still written, in the last round.
   */
  @Test
  void moduleWaitingForAProcessorThatNeverRunsIsWrittenInTheLastRound() throws Exception {
    Source marker = Source.of("test.Completed", """
        package test;

        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;

        @Retention(RetentionPolicy.SOURCE)
        public @interface Completed {}
        """);
    Source muc = module("MucModule", "@Module\n@Completed", """
        public String hello() {
          return "hello";
        }
        """);

    Compilation compilation = HostmodTesting.compile(marker, muc);

    assertThat(compilation).succeeded();
    // -Xlint:processing says both; the first is the sign that no processor runs for @Completed.
    assertThat(compilation.warnings().stream().map(w -> w.getMessage(Locale.ROOT)).toList())
        .containsExactly(
            "No processor claimed any of these annotations: /test.Completed",
            "File for type '" + tableOf("test", "test.MucModule")
                + "' created in the last round will not be subject to annotation processing.",
            "File for type 'test.HostmodCatalog_" + tableOf("test", "test.MucModule").substring(
                    "test.HostmodModules_".length())
                + "' created in the last round will not be subject to annotation processing.");
    Object instance = loadModule(compilation, ServerConfig.empty(), "muc", "test.MucModule");
    assertThat(call(instance, "hello")).isEqualTo("hello");
  }
}
