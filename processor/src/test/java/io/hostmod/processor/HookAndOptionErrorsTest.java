package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.generatedSource;
import static io.hostmod.processor.HostmodTesting.module;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Errors about {@code @Hook} methods and {@code @Option} fields. A hook is declared by the
 * lifecycle rules (private, static, parameters, return type), with the lifecycle messages naming
 * {@code @Hook}; these tests pin those and the messages of its own.
 */
class HookAndOptionErrorsTest extends BothCompilers {

  // ---- hooks

  @Test
  void hookWithAnEmptyEventName() {
    Source source = module("MucModule", "@Module", """
        @Hook("") void onMessage(Event event) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("@Hook(\"\")", "\"\""),
        "[HostmodHookEventEmpty] @Hook method onMessage(Event) names no event; name the event it"
            + " handles, like @Hook(\"message\")");
  }

  @Test
  void hookWithWrongParameters() {
    Source source = module("MucModule", "@Module", """
        @Hook("message") void onMessage(Event event, HostContext host) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void onMessage(", "onMessage"),
        "[HostmodWrongParameters] @Hook method onMessage(Event, HostContext) must take one Event,"
            + " or a HostContext and an Event, but takes (Event, HostContext); change its"
            + " parameters");
  }

  @Test
  void hookWithoutParameters() {
    Source source = module("MucModule", "@Module", """
        @Hook("message") void onMessage() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void onMessage(", "onMessage"),
        "[HostmodWrongParameters] @Hook method onMessage() must take one Event, or a HostContext"
            + " and an Event, but takes (); change its parameters");
  }

  @Test
  void hookReturningAValue() {
    Source source = module("MucModule", "@Module", """
        @Hook("message") boolean onMessage(Event event) { return true; }
        """);

    assertOnlyError(
        compile(source),
        source.at("boolean onMessage(", "onMessage"),
        "[HostmodNotVoid] @Hook method onMessage(Event) returns boolean, which the runtime"
            + " ignores; return void");
  }

  @Test
  void privateHook() {
    Source source = module("MucModule", "@Module", """
        @Hook("message") private void onMessage(Event event) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void onMessage(", "onMessage"),
        "[HostmodPrivate] @Hook method onMessage(Event) is private, but the generated binding"
            + " calls it; make it package-private or public");
  }

  @Test
  void staticHook() {
    Source source = module("MucModule", "@Module", """
        @Hook("message") static void onMessage(Event event) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void onMessage(", "onMessage"),
        "[HostmodStatic] @Hook method onMessage(Event) is static, but the generated binding calls"
            + " it on the module instance; remove static");
  }

  @Test
  void genericHook() {
    Source source = module("MucModule", "@Module", """
        @Hook("message") <T> void onMessage(Event event) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void onMessage(", "onMessage"),
        "[HostmodGenericMethod] @Hook method onMessage(Event) has type parameters, which the"
            + " runtime cannot choose; remove them");
  }

  @Test
  void hookOnALifecycleMethod() {
    Source source = module("MucModule", "@Module", """
        @Hook("message") @Load void load() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void load()", "load"),
        "[HostmodHookOnLifecycle] method load() has both @Hook and @Load; a lifecycle method does"
            + " not handle events: move the hook to a method of its own");
  }

  @Test
  void hookOutsideAModule() {
    Source source = Source.of("test.Helper", """
        package test;

        import io.hostmod.Hook;
        import io.hostmod.runtime.Event;

        public class Helper {
          @Hook("message") void onMessage(Event event) {}
        }
        """);

    assertOnlyError(
        compile(source),
        source.at("@Hook(\"message\")"),
        "[HostmodLifecycleOutsideModule] @Hook method onMessage(Event) is in Helper, which has no"
            + " @Module and is not an abstract base class of modules; add @Module to Helper, make"
            + " it abstract, or remove @Hook");
  }

  @Test
  void hookOverriddenWithoutTheAnnotation() {
    Source base = Source.of("test.BaseModule", """
        package test;

        import io.hostmod.Hook;
        import io.hostmod.runtime.Event;

        public abstract class BaseModule {
          @Hook("message") void onMessage(Event event) {}
        }
        """);
    Source source = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Module;
        import io.hostmod.runtime.Event;

        @Module
        public class MucModule extends BaseModule {
          @Override void onMessage(Event event) {}
        }
        """);

    assertOnlyWarning(
        compile(base, source),
        source.at("void onMessage(", "onMessage"),
        "[HostmodLifecycleNotRepeated] method onMessage(Event) overrides @Hook method"
            + " onMessage(Event) of BaseModule without being annotated @Hook itself");
  }

  /** A public hook taking a HostContext is no host proxy method, nor meant as one. */
  @Test
  void publicHookWithAHostContextIsNoProxyMethod() {
    Source shared = module("ChatModule", "@Module(global = true)", """
        @AddHost void addHost(HostContext host) {}
        @Hook("message") public void onMessage(HostContext host, Event event) {}
        public String greet(HostContext host) { return host.host(); }
        """);
    Source perHost = module("MucModule", "@Module", """
        @Hook("message") public void onMessage(HostContext host, Event event) {}
        """);

    Compilation compilation = compile(shared, perHost);

    assertSucceededWithoutWarnings(compilation);
    String proxy = generatedSource(compilation, "test.ChatModule_HostProxy");
    assertThat(proxy).contains("greet()");
    assertThat(proxy).doesNotContain("onMessage");
  }

  // ---- options

  @Test
  void optionOutsideAModule() {
    Source source = Source.of("test.Settings", """
        package test;

        import io.hostmod.Option;

        public class Settings {
          @Option("history_limit") int historyLimit = 50;
        }
        """);

    assertOnlyError(
        compile(source),
        source.at("@Option(\"history_limit\")"),
        "[HostmodOptionOutsideModule] @Option field historyLimit is in Settings, which has no"
            + " @Module; options are set on fields of a module class: add @Module to Settings, or"
            + " move the field to one");
  }

  @Test
  void privateOption() {
    Source source = module("MucModule", "@Module", """
        @Option("history_limit") private int historyLimit = 50;
        """);

    assertOnlyError(
        compile(source),
        source.at("int historyLimit", "historyLimit"),
        "[HostmodOptionModifier] @Option field historyLimit of MucModule is private, but the"
            + " generated binding sets it on each new module instance; remove private");
  }

  @Test
  void staticFinalOption() {
    Source source = module("MucModule", "@Module", """
        @Option("history_limit") static final int HISTORY_LIMIT = 50;
        """);
    Compilation compilation = compile(source);

    assertErrorCount(compilation, 2);
    assertErrorAt(
        compilation,
        source.at("int HISTORY_LIMIT", "HISTORY_LIMIT"),
        "[HostmodOptionModifier] @Option field HISTORY_LIMIT of MucModule is static, but the"
            + " generated binding sets it on each new module instance; remove static");
    assertErrorAt(
        compilation,
        source.at("int HISTORY_LIMIT", "HISTORY_LIMIT"),
        "[HostmodOptionModifier] @Option field HISTORY_LIMIT of MucModule is final, but the"
            + " generated binding sets it on each new module instance; remove final");
  }

  @Test
  void optionOfAnUnsupportedType() {
    Source source = module("MucModule", "@Module", """
        @Option("ratio") float ratio = 0.5f;
        @Option("aliases") Map<String, String> aliases = Map.of();
        @Option("weights") List<Float> weights = List.of();
        @Option("admins") List<String> admins = List.of();
        @Option("port") Integer port;
        """);
    Compilation compilation = compile(source);

    assertErrorCount(compilation, 3);
    assertErrorAt(
        compilation,
        source.at("float ratio", "ratio"),
        "[HostmodOptionType] @Option field ratio of MucModule is a float, which an option cannot"
            + " be read as; use String, boolean, int, long, double, their boxes, or a List of"
            + " String, Boolean, Integer, Long or Double");
    assertErrorAt(
        compilation,
        source.at("String> aliases", "aliases"),
        "[HostmodOptionType] @Option field aliases of MucModule is a Map<String, String>,");
    assertErrorAt(
        compilation,
        source.at("List<Float> weights", "weights"),
        "[HostmodOptionType] @Option field weights of MucModule is a List<Float>,");
  }

  @Test
  void optionKeyNotLowerSnakeCase() {
    Source source = module("MucModule", "@Module", """
        @Option("historyLimit") int historyLimit = 50;
        """);

    assertOnlyError(
        compile(source),
        source.at("\"historyLimit\""),
        "[HostmodOptionKeyInvalid] option key 'historyLimit' of field historyLimit is not"
            + " lower_snake_case (like 'history_limit'); change @Option");
  }

  @Test
  void optionKeyTwice() {
    Source source = module("MucModule", "@Module", """
        @Option("limit") int historyLimit = 50;
        @Option(value = "limit", required = true) int roomLimit;
        """);

    assertOnlyError(
        compile(source),
        source.at("value = \"limit\"", "\"limit\""),
        "[HostmodOptionKeyTwice] option key 'limit' is on both historyLimit and roomLimit of"
            + " MucModule; a module reads an option into one field: remove one of them");
  }
}
