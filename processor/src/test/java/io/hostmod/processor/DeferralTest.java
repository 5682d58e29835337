package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.assertErrorAt;
import static io.hostmod.processor.HostmodTesting.call;
import static io.hostmod.processor.HostmodTesting.classLoader;
import static io.hostmod.processor.HostmodTesting.compile;
import static io.hostmod.processor.HostmodTesting.compileRecordingSources;
import static io.hostmod.processor.HostmodTesting.compiler;
import static io.hostmod.processor.HostmodTesting.discoverModules;
import static io.hostmod.processor.HostmodTesting.generatedSource;
import static io.hostmod.processor.HostmodTesting.hostProxy;
import static io.hostmod.processor.HostmodTesting.load;
import static io.hostmod.processor.HostmodTesting.module;
import static io.hostmod.processor.HostmodTesting.moduleTableOf;

import com.google.testing.compile.Compilation;
import io.hostmod.runtime.ModuleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A module that refers to a type that does not exist yet waits for the round in which another
 * processor generates it; one that refers to a type that never comes leaves the error to javac.
 */
class DeferralTest {

  /** Writes the given sources in the first round, as a code generator would. */
  private static final class GeneratingProcessor extends AbstractProcessor {

    private final Map<String, String> sources;
    private boolean done;

    GeneratingProcessor(Map<String, String> sources) {
      this.sources = sources;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        sources.forEach((name, text) -> {
          try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
            writer.write(text);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
      return false;
    }
  }

  private static final String TOKEN = """
      package test;

      public record Token(String value) {}
      """;

  /** A shared module using the generated Token as a parameter, a state and a proxy parameter. */
  private static final Source TOKEN_MODULE = module("ChatModule", "@Module(global = true)", """
      private Token last = new Token("none");

      @AddHost
      void addHost(HostContext host) {}

      @Save
      Token save() { return last; }

      @Restore
      void restore(Token state) { last = state; }

      public String use(HostContext host, Token token) {
        last = token;
        return token.value() + " on " + host.host();
      }
      """);

  @Test
  void typeGeneratedInTheFirstRoundIsWaitedFor() throws Exception {
    Compilation compilation =
        compiler(new GeneratingProcessor(Map.of("test.Token", TOKEN))).compile(TOKEN_MODULE.file());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.ChatModule_HostProxy"))
        .contains("public String use(Token token) {");
    assertThat(moduleTableOf(compilation, "test.ChatModule"))
        .contains("((ChatModule) instance).restore((Token) state);");

    ClassLoader output = classLoader(compilation);
    ModuleManager modules = discoverModules(output);
    modules.activateHost("a.example");
    modules.load("a.example", "chat");
    Object token = load(output, "test.Token").getConstructor(String.class).newInstance("t1");
    Object proxy = hostProxy(modules, "a.example", load(output, "test.ChatModule_HostProxy"));
    assertThat(call(proxy, "use", token)).isEqualTo("t1 on a.example");
  }

  @Test
  void dependencyGeneratedInTheFirstRoundIsWaitedFor() {
    String generatedModule = """
        package test;

        @io.hostmod.Module
        public class RosterModule {}
        """;
    Source muc = module("MucModule", "@Module(dependsOn = RosterModule.class)", "");

    Compilation compilation =
        compiler(new GeneratingProcessor(Map.of("test.RosterModule", generatedModule)))
            .compile(muc.file());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(moduleTableOf(compilation, "test.MucModule"))
        .contains("module(0, \"muc\", MucModule.class, ModuleKind.PER_HOST, \"roster\");");
    assertThat(discoverModules(classLoader(compilation)).moduleNames())
        .containsExactly("muc", "roster");
  }

  @Test
  void typeThatNeverExistsIsLeftToJavac() {
    Source muc = module("MucModule", "@Module", """
        @Load
        void load(Missing missing) {}
        """);

    Compilation compilation = compile(muc);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertErrorAt(compilation, muc.at("Missing missing", "Missing"), "cannot find symbol");
    assertErrorAt(
        compilation,
        muc.at("Missing missing", "missing"),
        "[HostmodUnresolved] @Module class MucModule was not processed because Missing could not"
            + " be resolved; fix that first");
  }

  @Test
  void dependencyThatNeverExistsIsLeftToJavac() {
    Source muc = module("MucModule", "@Module(dependsOn = Missing.class)", "");

    Compilation compilation = compile(muc);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertErrorAt(compilation, muc.at("Missing.class"), "cannot find symbol");
    assertErrorAt(
        compilation,
        muc.at("Missing.class", ".class"),
        "[HostmodUnresolved] @Module class MucModule was not processed because Missing could not"
            + " be resolved; fix that first");
  }

  /** javac's error about the missing type is enough; hostmod adds nothing to an erroneous build. */
  @Test
  void typeThatNeverExistsBesideAnotherErrorIsReportedByJavacOnly() {
    Source muc = module("MucModule", "@Module", """
        @Load
        void load(Missing missing) {}
        """);
    Source broken = module("BrokenModule", "@Module", """
        @Unload
        private void unload() {}
        """);

    Compilation compilation = compile(muc, broken);

    assertThat(compilation).hadErrorCount(2);
    assertErrorAt(compilation, muc.at("Missing missing", "Missing"), "cannot find symbol");
    assertErrorAt(compilation, broken.at("void unload()", "unload"), "[HostmodPrivate]");
  }

  /** A constant that does not resolve leaves javac's error, and hostmod says why it did nothing. */
  @Test
  void constantThatNeverExists() {
    Source muc = module("MucModule", "@Module(global = Flags.GLOBAL)", "");

    Compilation compilation = compile(muc);

    assertThat(compilation).hadErrorCount(2);
    assertErrorAt(compilation, muc.at("Flags.GLOBAL", "Flags"), "cannot find symbol");
    assertErrorAt(
        compilation,
        muc.at("Flags.GLOBAL", ".GLOBAL"),
        "[HostmodUnresolved] @Module class MucModule was not processed because Flags.GLOBAL"
            + " could not be resolved; fix that first");
  }

  /**
   * JDK 17 leaves an annotation that does not resolve out of the element, so the module looks like
   * one without that lifecycle method, and javac's error alone fails the compilation. JDK 25 shows
   * it to processors as an unresolved type: the module waits for it like for any type, and says
   * why it got no code.
   */
  @Test
  void lifecycleAnnotationWithoutItsImport() {
    Source muc = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule {
          @Load
          void load() {}
        }
        """);

    Compilation compilation = compile(muc);

    assertErrorAt(compilation, muc.at("@Load", "Load"), "cannot find symbol");
    boolean modeled =
        compilation.errors().stream()
            .anyMatch(error -> error.getMessage(null).startsWith("[HostmodUnresolved]"));
    assertThat(compilation).hadErrorCount(modeled ? 2 : 1);
    if (modeled) {
      assertErrorAt(
          compilation,
          muc.at("@Load"),
          "[HostmodUnresolved] @Module class MucModule was not processed because @Load could not"
              + " be resolved; fix that first");
    }
  }

  /** A type generated later, used by a method the module inherits, is waited for too. */
  @Test
  void typeInAnInheritedMethodIsWaitedFor() {
    Source base = Source.of("test.TokenModule", """
        package test;

        import io.hostmod.Restore;
        import io.hostmod.Save;

        public abstract class TokenModule {
          @Save
          Token save() { return new Token("saved"); }

          @Restore
          void restore(Token token) {}
        }
        """);
    Source muc = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule extends TokenModule {}
        """);

    Compilation compilation =
        compiler(new GeneratingProcessor(Map.of("test.Token", TOKEN)))
            .compile(base.file(), muc.file());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(moduleTableOf(compilation, "test.MucModule"))
        .contains("((MucModule) instance).restore((Token) state);");
  }

  /**
   * Where javac's tree API is missing (Gradle wraps the processing environment), the class is
   * not named as written, but the error is still on it.
   */
  @Test
  void dependencyThatNeverExistsWithoutTheTreeApi() {
    Source muc = module("MucModule", "@Module(dependsOn = Missing.class)", "");

    Compilation compilation = compileRecordingSources(muc).compilation();

    assertThat(compilation).hadErrorCount(2);
    assertErrorAt(
        compilation,
        muc.at("Missing.class", ".class"),
        "[HostmodUnresolved] @Module class MucModule was not processed because a class in"
            + " dependsOn could not be resolved; fix that first");
  }

  /**
   * A module may depend on one whose values do not resolve: that one waits and is reported, and
   * reading it from the other is no failure of the processor.
   */
  @Test
  void dependencyWithAValueThatNeverResolves() {
    Source roster = module("RosterModule", "@Module(global = Flags.GLOBAL)", "");
    Source stats =
        module("StatsModule", "@Module(global = true, dependsOn = RosterModule.class)", "");

    Compilation compilation = compile(roster, stats);

    assertThat(compilation).failed();
    assertErrorAt(compilation, roster.at("Flags.GLOBAL", "Flags"), "cannot find symbol");
    assertErrorAt(
        compilation,
        roster.at("Flags.GLOBAL", ".GLOBAL"),
        "[HostmodUnresolved] @Module class RosterModule was not processed because Flags.GLOBAL"
            + " could not be resolved; fix that first");
    assertThat(compilation).hadErrorCount(2);
  }
}
