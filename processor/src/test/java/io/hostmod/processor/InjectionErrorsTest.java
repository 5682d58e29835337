package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.moduleTableOf;
import static io.hostmod.processor.HostmodTesting.module;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * What a constructor or {@code @Load} method may take besides a {@code ModuleContext}: the modules
 * in {@code dependsOn}, and a shared dependency's host proxy in a per-host module.
 */
class InjectionErrorsTest extends BothCompilers {

  private static final Source ROSTER = module("RosterModule", "@Module", "");
  private static final Source CHAT = module("ChatModule", "@Module(global = true)", """
      @AddHost void addHost(HostContext host) {}
      """);

  @Test
  void constructorTakesAModuleNotInDependsOn() {
    Source source = module("MucModule", "@Module", """
        public MucModule(ModuleContext context, RosterModule roster) {}
        """);

    assertOnlyError(
        compile(ROSTER, source),
        source.at("RosterModule roster", "roster"),
        "[HostmodNotADependency] constructor MucModule(ModuleContext, RosterModule) takes module"
            + " RosterModule, but MucModule does not depend on RosterModule; add"
            + " RosterModule.class to dependsOn of MucModule");
  }

  /** The host proxy is generated in the same compilation: the module waits a round for it. */
  @Test
  void loadTakesAHostProxyNotInDependsOn() {
    unplacedOnEcj("a parameter of a module that waited a round for a type");
    Source source = module("MucModule", "@Module", """
        @Load void load(ChatModule_HostProxy chat) {}
        """);

    assertOnlyError(
        compile(CHAT, source),
        source.at("ChatModule_HostProxy chat", "chat"),
        "[HostmodNotADependency] @Load method load(ChatModule_HostProxy) takes the host proxy of"
            + " ChatModule, but MucModule does not depend on ChatModule; add ChatModule.class to"
            + " dependsOn of MucModule");
  }

  @Test
  void globalModuleTakesAHostProxy() {
    unplacedOnEcj("a parameter of a module that waited a round for a type");
    Source source = module("StatsModule", "@Module(global = true, dependsOn = ChatModule.class)", """
        public StatsModule(ChatModule_HostProxy chat) {}
        """);

    assertOnlyError(
        compile(CHAT, source),
        source.at("ChatModule_HostProxy chat", "chat"),
        "[HostmodHostProxyInGlobal] constructor StatsModule(ChatModule_HostProxy) takes the host"
            + " proxy of ChatModule, but StatsModule is a global module, whose instance lives on"
            + " \"*\", where there is no host proxy; take ChatModule itself and pass it a"
            + " HostContext, or make StatsModule per-host");
  }

  @Test
  void sharedModuleTakesAHostProxyInLoad() {
    unplacedOnEcj("a parameter of a module that waited a round for a type");
    Source source = module("StatsModule", "@Module(global = true, dependsOn = ChatModule.class)", """
        @Load void load(ModuleContext context, ChatModule_HostProxy chat) {}
        @AddHost void addHost(HostContext host) {}
        """);

    assertOnlyError(
        compile(CHAT, source),
        source.at("ChatModule_HostProxy chat", "chat"),
        "[HostmodHostProxyInGlobal] @Load method load(ModuleContext, ChatModule_HostProxy) takes"
            + " the host proxy of ChatModule, but StatsModule is a shared module,");
  }

  @Test
  void twoConstructorsTakingDependencies() {
    Source source = module("MucModule", "@Module(dependsOn = RosterModule.class)", """
        public MucModule(RosterModule roster) {}

        public MucModule(ModuleContext context) {}
        """);

    assertOnlyError(
        compile(ROSTER, source),
        source.at("public MucModule(ModuleContext context)", "MucModule"),
        "[HostmodTwoConstructors] @Module class MucModule has two constructors the runtime could"
            + " call, MucModule(RosterModule) and MucModule(ModuleContext); keep one");
  }

  @Test
  void twoModuleContextsAreNoUsableConstructor() {
    Source source = module("MucModule", "@Module", """
        public MucModule(ModuleContext one, ModuleContext two) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("class MucModule"),
        "[HostmodNoConstructor] @Module class MucModule has no constructor the generated code can"
            + " call; add a non-private constructor that takes nothing, or a ModuleContext and"
            + " modules it depends on");
  }

  /** Arguments in parameter order; the host proxy of the same compilation is waited for. */
  @Test
  void bindingPassesDependenciesInParameterOrder() {
    Source source =
        module("MucModule", "@Module(dependsOn = {ChatModule.class, RosterModule.class})", """
            public MucModule(RosterModule roster, ModuleContext context) {}
            @Load void load(ChatModule_HostProxy chat, ModuleContext context, ChatModule module) {}
            """);

    Compilation compilation = compile(CHAT, ROSTER, source);

    assertSucceededWithoutWarnings(compilation);
    String table = moduleTableOf(compilation, "test.MucModule");
    assertThat(table).contains("-> new MucModule(context.module(RosterModule.class), context);");
    assertThat(table)
        .contains(
            "-> ((MucModule) instance).load(context.hostProxy(ChatModule_HostProxy.class), context,"
                + " context.module(ChatModule.class));");
  }
}
