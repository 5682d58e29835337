package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.module;

import com.google.testing.compile.Compilation;
import io.hostmod.processor.HostmodTesting.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors about the {@code @Module} class itself: what it is, and whether it can be created. */
class ModuleClassErrorsTest extends BothCompilers {

  @Test
  void abstractClass() {
    Source source = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module
        public abstract class MucModule {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodAbstract] @Module class MucModule is abstract, but the runtime must create it;"
            + " make it concrete");
  }

  @Test
  void notPublicClass() {
    Source source = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module
        class MucModule {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodNotPublic] @Module class MucModule is not public, so the generated catalog"
            + " cannot reach it; make MucModule public");
  }

  @Test
  void publicClassNestedInAClassThatIsNotPublic() {
    Source source = Source.of("test.Chat", """
        package test;

        import io.hostmod.Module;

        class Chat {
          @Module
          public static class MucModule {}
        }
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodNotPublic] @Module class Chat.MucModule is not public, so the generated"
            + " catalog cannot reach it; make Chat public");
  }

  @Test
  void innerClass() {
    Source source = Source.of("test.Chat", """
        package test;

        import io.hostmod.Module;

        public class Chat {
          @Module
          public class MucModule {}
        }
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodInnerClass] @Module class Chat.MucModule is an inner class, which needs an"
            + " enclosing instance; make it static");
  }

  @Test
  void onlyPrivateConstructor() {
    Source source = module("MucModule", "@Module", """
        private MucModule() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodNoConstructor] @Module class MucModule has no constructor the generated code can"
            + " call; add a non-private constructor that takes nothing, or a ModuleContext and"
            + " modules it depends on");
  }

  @Test
  void onlyConstructorsWithOtherParameters() {
    Source source = module("MucModule", "@Module", """
        public MucModule(String name) {}

        public MucModule(ModuleContext context, String name) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodNoConstructor] @Module class MucModule has no constructor the generated code can"
            + " call; add a non-private constructor that takes nothing, or a ModuleContext and"
            + " modules it depends on");
  }

  @Test
  void twoUsableConstructors() {
    Source source = module("MucModule", "@Module", """
        public MucModule() {}

        public MucModule(ModuleContext context) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("public MucModule(ModuleContext context)", "MucModule"),
        "[HostmodTwoConstructors] @Module class MucModule has two constructors the runtime could"
            + " call, MucModule() and MucModule(ModuleContext); keep one");
  }

  @Test
  void constructorThrowingThrowable() {
    Source source = module("MucModule", "@Module", """
        public MucModule() throws Throwable {}
        """);

    assertOnlyError(
        compile(source),
        source.at("public MucModule()", "MucModule"),
        "[HostmodConstructorThrows] the constructor of @Module class MucModule throws"
            + " Throwable, which is not an Exception; throw Exception or a subclass");
  }

  @Test
  void genericClass() {
    Source source = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;

        @Module
        public class MucModule<T> {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodGenericClass] @Module class MucModule has type parameters, which the runtime"
            + " cannot choose when it creates the module; remove them");
  }

  @Test
  void interfaceRecordAndEnumAreNoModules() {
    Source contract = Source.of("test.Contract", """
        package test;

        @io.hostmod.Module
        public interface Contract {}
        """);
    Source settings = Source.of("test.Settings", """
        package test;

        @io.hostmod.Module
        public record Settings(String name) {}
        """);
    Source level = Source.of("test.Level", """
        package test;

        @io.hostmod.Module
        public enum Level { LOW, HIGH }
        """);

    Recorded recorded = compileRecordingSources(contract, settings, level);

    assertErrorCount(recorded.compilation(), 3);
    assertErrorAt(
        recorded.compilation(),
        contract.at("interface Contract"),
        "[HostmodNotAClass] @Module goes on a class, but Contract is an interface; declare the"
            + " module as a public class");
    assertErrorAt(
        recorded.compilation(),
        level.at("enum Level"),
        "[HostmodNotAClass] @Module goes on a class, but Level is an enum; declare the module as a"
            + " public class");
    unplacedOnEcj("a record");
    assertErrorAt(
        recorded.compilation(),
        settings.at("record Settings"),
        "[HostmodNotAClass] @Module goes on a class, but Settings is a record; declare the module"
            + " as a public class");

    assertThat(recorded.createdSources()).isEmpty();
  }

  @Test
  void lifecycleMethodInAClassThatIsNoModule() {
    Source source = Source.of("test.Helper", """
        package test;

        import io.hostmod.Load;

        public class Helper {
          @Load
          void load() {}
        }
        """);

    assertOnlyError(
        compile(source),
        source.at("@Load"),
        "[HostmodLifecycleOutsideModule] @Load method load() is in Helper, which has no @Module and"
            + " is not an abstract base class of modules; add @Module to Helper, make it abstract,"
            + " or remove @Load");
  }

  @Test
  void lifecycleMethodsInAnAbstractBaseClassAreFine() {
    Source base = Source.of("test.BaseModule", """
        package test;

        import io.hostmod.Load;
        import io.hostmod.Unload;

        public abstract class BaseModule {
          @Load
          void load() {}

          @Unload
          void unload() {}
        }
        """);
    Source module = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule extends BaseModule {}
        """);

    assertSucceededWithoutWarnings(compile(base, module));
  }

  /**
   * javac does not offer local classes to annotation processors; hostmod finds them in the source
   * and reports on the class declaration. It runs where javac runs it, when a hostmod annotation
   * is on a class or method it does offer.
   */
  @Test
  @JavacOnly("local classes are found through javac's tree API")
  void localClass() {
    Source source = Source.of("test.Server", """
        package test;

        import io.hostmod.Module;

        public class Server {
          void start() {
            @Module
            class MucModule {}
          }

          @Module
          public static class RosterModule {}
        }
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule", "class"),
        "[HostmodLocalClass] @Module class MucModule is declared inside a method, where generated"
            + " code cannot name it; move it to a top-level or static nested class");
  }

  /** A local class in a switch case, in a lambda, in a local class's method: all are found. */
  @Test
  @JavacOnly("local classes are found through javac's tree API")
  void localClassesAnywhereInAMethodBody() {
    Source source = Source.of("test.Server", """
        package test;

        public class Server {
          void start(int mode) {
            switch (mode) {
              case 1:
                @io.hostmod.Module class SwitchModule {}
                break;
              default:
                break;
            }
            Runnable later = () -> {
              @io.hostmod.Module class LambdaModule {}
            };
            class Helper {
              void help() {
                @io.hostmod.Module class NestedModule {}
              }
            }
          }

          @io.hostmod.Module
          public static class RosterModule {}
        }
        """);

    Compilation compilation = compile(source);

    assertErrorCount(compilation, 3);
    for (String local : List.of("SwitchModule", "LambdaModule", "NestedModule")) {
      assertErrorAt(
          compilation,
          source.at("class " + local, "class"),
          "[HostmodLocalClass] @Module class " + local + " is declared inside a method");
    }
  }

  @Test
  void annotationTypeIsNoModule() {
    Source source = Source.of("test.Tag", """
        package test;

        @io.hostmod.Module
        public @interface Tag {}
        """);

    assertOnlyError(
        compile(source),
        source.at("@interface Tag", "interface"),
        "[HostmodNotAClass] @Module goes on a class, but Tag is an annotation type; declare the"
            + " module as a public class");
  }
}
