package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.hostmod.processor.HostmodTesting.module;
import static io.hostmod.processor.HostmodTesting.moduleTableOf;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Errors about {@code @Every} methods: the period is checked at compile time (an ISO-8601
 * duration, positive), on the annotation value; the method is declared by the lifecycle rules,
 * with the lifecycle messages naming {@code @Every}.
 */
class EveryErrorsTest extends BothCompilers {

  @Test
  void periodThatIsNoDuration() {
    Source source = module("MucModule", "@Module", """
        @Every("5m") void purge() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("@Every(\"5m\")", "\"5m\""),
        "[HostmodEveryPeriodInvalid] @Every method purge() has period '5m', which is not an"
            + " ISO-8601 duration; write one like \"PT5M\" (5 minutes) or \"PT30S\" (30 seconds)");
  }

  @Test
  void periodOfZero() {
    Source source = module("MucModule", "@Module", """
        @Every("PT0S") void purge() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("@Every(\"PT0S\")", "\"PT0S\""),
        "[HostmodEveryPeriodNotPositive] @Every method purge() has period 'PT0S', which is not"
            + " positive, so the timer would never wait; give a period longer than zero, like"
            + " \"PT1S\"");
  }

  @Test
  void negativePeriod() {
    Source source = module("MucModule", "@Module", """
        @Every(value = "-PT5M") void purge(ModuleContext context) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("@Every(value = \"-PT5M\")", "\"-PT5M\""),
        "[HostmodEveryPeriodNotPositive] @Every method purge(ModuleContext) has period '-PT5M',"
            + " which is not positive, so the timer would never wait; give a period longer than"
            + " zero, like \"PT1S\"");
  }

  @Test
  void hostContextInAModuleThatIsNotShared() {
    for (String annotation : List.of("@Module", "@Module(global = true)")) {
      Source source = module("MucModule", annotation, """
          @Every("PT5M") void purge(HostContext host) {}
          """);

      assertOnlyError(
          compile(source),
          source.at("void purge(", "purge"),
          "[HostmodEveryHostNotShared] @Every method purge(HostContext) takes a HostContext, but"
              + " MucModule is not a shared module, so no host part runs it; take a ModuleContext or"
              + " no parameter, or make the module shared");
    }
  }

  @Test
  void wrongParameters() {
    Source source = module("MucModule", "@Module", """
        @Every("PT5M") void purge(String room) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void purge(", "purge"),
        "[HostmodWrongParameters] @Every method purge(String) must take no parameter, one"
            + " ModuleContext, or one HostContext in a shared module, but takes (String); change"
            + " its parameters");
  }

  @Test
  void returningAValue() {
    Source source = module("MucModule", "@Module", """
        @Every("PT5M") int purge() { return 0; }
        """);

    assertOnlyError(
        compile(source),
        source.at("int purge(", "purge"),
        "[HostmodNotVoid] @Every method purge() returns int, which the runtime ignores; return"
            + " void");
  }

  @Test
  void privateMethod() {
    Source source = module("MucModule", "@Module", """
        @Every("PT5M") private void purge() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void purge(", "purge"),
        "[HostmodPrivate] @Every method purge() is private, but the generated binding calls it;"
            + " make it package-private or public");
  }

  @Test
  void staticMethod() {
    Source source = module("MucModule", "@Module", """
        @Every("PT5M") static void purge() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void purge(", "purge"),
        "[HostmodStatic] @Every method purge() is static, but the generated binding calls it on"
            + " the module instance; remove static");
  }

  @Test
  void everyOnALifecycleMethod() {
    Source source = module("MucModule", "@Module", """
        @Every("PT5M") @Load void load() {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void load()", "load"),
        "[HostmodTwoRoles] method load() has both @Every and @Load; a method has one lifecycle"
            + " role: split it in two methods");
  }

  @Test
  void everyOnAHook() {
    Source source = module("MucModule", "@Module", """
        @Every("PT5M") @Hook("message") void onMessage(Event event) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void onMessage(", "onMessage"),
        "[HostmodTwoRoles] method onMessage(Event) has both @Every and @Hook; a method has one"
            + " lifecycle role: split it in two methods");
  }

  @Test
  void validTimersAreListedWithTheirPeriodAndHostPartsApart() {
    Source source = module("ChatModule", "@Module(global = true)", """
        @AddHost public void addHost(HostContext host) {}
        @Every("PT30S") void flush() {}
        @Every("PT5M") public void purge(HostContext host) {}
        @Every("P1D") void report(ModuleContext context) {}
        """);

    Compilation compilation = compile(source);

    assertSucceededWithoutWarnings(compilation);
    if (!onEcj()) {
      String table = moduleTableOf(compilation, "test.ChatModule");
      assertThat(table).contains("Duration.parse(\"PT30S\"), false, (instance, context) -> instance.flush())");
      assertThat(table).contains("Duration.parse(\"PT5M\"), true, (instance, context) -> instance.purge(context))");
      assertThat(table).contains("Duration.parse(\"P1D\"), false, (instance, context) -> instance.report(context))");
      // A timer method is the binding's, not a host proxy method, though it takes a HostContext first.
      assertThat(HostmodTesting.generatedSource(compilation, "test.ChatModule_HostProxy")).doesNotContain("purge");
    }
  }
}
