package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.call;
import static io.hostmod.processor.HostmodTesting.catalogs;
import static io.hostmod.processor.HostmodTesting.classLoader;
import static io.hostmod.processor.HostmodTesting.compile;
import static io.hostmod.processor.HostmodTesting.compiler;
import static io.hostmod.processor.HostmodTesting.discoverModules;
import static io.hostmod.processor.HostmodTesting.files;
import static io.hostmod.processor.HostmodTesting.generatedSources;
import static io.hostmod.processor.HostmodTesting.hostProxy;
import static io.hostmod.processor.HostmodTesting.load;
import static io.hostmod.processor.HostmodTesting.method;
import static io.hostmod.processor.HostmodTesting.moduleTables;
import static io.hostmod.processor.HostmodTesting.serviceFile;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the processor generates for valid modules, compiled under -Xlint:all and then run: a real
 * {@link ModuleManager} built from the generated catalog loads the fixtures of {@code
 * src/test/resources/fixtures/org/example/chat} (a per-host, a plain global and a shared module).
 */
class GeneratedCodeTest {

  private static final String PACKAGE = "org.example.chat";
  private static final List<Source> MODULES =
      List.of(
          Source.fixture(PACKAGE + ".ChatModule"),
          Source.fixture(PACKAGE + ".MucModule"),
          Source.fixture(PACKAGE + ".ServerContactInfo"));

  private static Compilation compilation;
  private static ClassLoader output;

  private ModuleManager modules;

  @BeforeAll
  static void compileModules() {
    compilation = compile(MODULES);
    output = classLoader(compilation);
  }

  @BeforeEach
  void newManager() {
    modules = discoverModules(output);
    modules.activateHost("a.example");
    modules.activateHost("b.example");
    Journal.take();
  }

  @Test
  void compilesWithoutWarningsUnderXlintAll() {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSources(compilation).keySet())
        .containsExactly(
            "/SOURCE_OUTPUT/org/example/chat/ChatModule_HostProxy.java",
            "/SOURCE_OUTPUT/org/example/chat/" + tableName().substring(PACKAGE.length() + 1) + ".java",
            "/SOURCE_OUTPUT/org/example/chat/" + catalogName().substring(PACKAGE.length() + 1)
                + ".java");
    assertThat(tableName()).matches("org\\.example\\.chat\\.HostmodModules_[0-9a-f]{8}");
  }

  @Test
  void serviceFileNamesTheCatalog() {
    String catalog = catalogName();

    assertThat(catalog).matches("org\\.example\\.chat\\.HostmodCatalog_[0-9a-f]{8}");
    assertThat(serviceFile(compilation)).isEqualTo(catalog + "\n");
    assertThat(compilation.generatedSourceFile(catalog)).isPresent();
    List<ModuleCatalog> found = catalogs(output);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getClass().getName()).isEqualTo(catalog);
  }

  @Test
  void catalogHasABindingForEachModuleSortedByName() {
    List<ModuleBinding<?>> bindings = catalogs(output).get(0).bindings();

    Map<String, ModuleKind> kinds = new TreeMap<>();
    List<String> names = new ArrayList<>();
    for (ModuleBinding<?> binding : bindings) {
      names.add(binding.name());
      kinds.put(binding.name(), binding.kind());
    }
    // Derived: ChatModule -> chat, MucModule -> muc, ServerContactInfo -> server_contact_info.
    assertThat(names).containsExactly("chat", "muc", "server_contact_info").inOrder();
    assertThat(kinds)
        .containsExactly(
            "chat", ModuleKind.SHARED,
            "muc", ModuleKind.PER_HOST,
            "server_contact_info", ModuleKind.GLOBAL);
    assertThat(modules.moduleNames()).containsExactly("chat", "muc", "server_contact_info");
    assertThat(bindings.stream().map(binding -> binding.moduleType().getName()).toList())
        .containsExactly(PACKAGE + ".ChatModule", PACKAGE + ".MucModule", PACKAGE + ".ServerContactInfo")
        .inOrder();
  }

  @Test
  void bindingsNameDependenciesAndHostProxies() {
    Map<String, ModuleBinding<?>> bindings = new TreeMap<>();
    catalogs(output).get(0).bindings().forEach(binding -> bindings.put(binding.name(), binding));

    assertThat(bindings.get("muc").dependencies()).containsExactly("server_contact_info");
    assertThat(bindings.get("chat").dependencies()).isEmpty();
    assertThat(bindings.get("server_contact_info").dependencies()).isEmpty();
    assertThat(bindings.get("chat").hostProxyType())
        .isEqualTo(load(output, PACKAGE + ".ChatModule_HostProxy"));
    assertThat(bindings.get("muc").hostProxyType()).isNull();
    assertThat(bindings.get("server_contact_info").hostProxyType()).isNull();
  }

  /**
   * A table overrides only the steps one of its modules has; one table holds all the modules of a
   * package, each step a switch over them.
   */
  @Test
  void tableHasOnlyTheStepsItsModulesHave() {
    Compilation small =
        compile(
            HostmodTesting.module("MotdModule", "@Module", "@Load void load() {}"),
            HostmodTesting.module("PingModule", "@Module(global = true)", "@Unload void unload() {}"));
    assertThat(small).succeededWithoutWarnings();
    List<String> tables = moduleTables(small);
    assertThat(tables).hasSize(1);

    List<String> steps = new ArrayList<>();
    for (Method step : load(classLoader(small), tables.get(0)).getDeclaredMethods()) {
      steps.add(step.getName());
    }
    assertThat(steps).containsExactly("create", "load", "unload");
    assertThat(discoverModules(classLoader(small)).moduleNames()).containsExactly("motd", "ping");
  }

  /**
   * Modules in the unnamed package get their table there too, and the catalog (in the package that
   * sorts first, the unnamed one) lists it with the table of another package.
   */
  @Test
  void modulesInTheUnnamedPackageAndANamedOne() throws Exception {
    Source unnamed = Source.of("MotdModule", """
        import io.hostmod.Load;
        import io.hostmod.Module;

        @Module
        public class MotdModule {
          @Load void load() {}
        }
        """);
    Compilation both = compile(unnamed, HostmodTesting.module("PingModule", "@Module", ""));

    assertThat(both).succeededWithoutWarnings();
    assertThat(moduleTables(both)).hasSize(2);
    assertThat(moduleTables(both).get(0)).startsWith("HostmodModules_");
    assertThat(serviceFile(both)).startsWith("HostmodCatalog_");
    ModuleManager manager = discoverModules(classLoader(both));
    manager.activateHost("a.example");
    manager.load("a.example", "motd");
    manager.load("a.example", "ping");
    assertThat(manager.loadedModules("a.example")).containsExactly("motd", "ping");
  }

  @Test
  void perHostModuleHasAnInstanceOnEachHost() throws Exception {
    modules.load("a.example", "muc");
    modules.load("b.example", "muc");
    Class<?> mucType = load(output, PACKAGE + ".MucModule");
    Object onA = modules.instance("a.example", mucType);
    Object onB = modules.instance("b.example", mucType);
    call(onA, "createRoom", "lobby");
    modules.unload("b.example", "muc");

    assertThat(onA).isNotSameInstanceAs(onB);
    assertThat(call(onA, "rooms")).isEqualTo(List.of("lobby"));
    assertThat(call(onB, "rooms")).isEqualTo(List.of());
    assertThat(modules.isLoaded("a.example", "muc")).isTrue();
    assertThat(modules.isLoaded("b.example", "muc")).isFalse();
    assertThat(modules.isLoaded(ModuleManager.GLOBAL, "muc")).isFalse();
    // Loading muc loads its dependency server_contact_info too; only muc's own steps matter here.
    assertThat(Journal.take().stream().filter(entry -> entry.startsWith("muc: ")).toList())
        .containsExactly(
            "muc: load on a.example", "muc: load on b.example", "muc: unload from b.example")
        .inOrder();
  }

  /** The checked exception of @Load goes through the binding to the runtime as the cause. */
  @Test
  void checkedExceptionOfLoadFailsTheLoad() {
    modules.activateHost("broken.example");

    ModuleException failure =
        assertThrows(ModuleException.class, () -> modules.load("broken.example", "muc"));

    assertThat(failure.code()).isEqualTo(ModuleException.LOAD_FAILED);
    assertThat(failure).hasCauseThat().isInstanceOf(IOException.class);
    assertThat(failure).hasCauseThat().hasMessageThat().isEqualTo("no rooms on broken.example");
    assertThat(modules.isLoaded("broken.example", "muc")).isFalse();
  }

  @Test
  void plainGlobalModuleLivesOnTheGlobalHost() {
    modules.load("a.example", "server_contact_info");
    ModuleException again =
        assertThrows(ModuleException.class, () -> modules.load("b.example", "server_contact_info"));

    assertThat(again.code()).isEqualTo(ModuleException.GLOBAL_MODULE_ALREADY_LOADED);
    assertThat(modules.loadedModules(ModuleManager.GLOBAL)).containsExactly("server_contact_info");
    assertThat(modules.loadedModules("a.example")).isEmpty();
    assertThat(Journal.take()).containsExactly("server_contact_info: load on *");
  }

  @Test
  void sharedModuleHasOneInstanceAndAHostPartOnEachHost() {
    modules.load("a.example", "chat");
    modules.load("b.example", "chat");
    Class<?> chatType = load(output, PACKAGE + ".ChatModule");

    assertThat(modules.instance("a.example", chatType))
        .isSameInstanceAs(modules.instance("b.example", chatType));
    assertThat(modules.instance(ModuleManager.GLOBAL, chatType))
        .isSameInstanceAs(modules.instance("a.example", chatType));

    modules.unload("a.example", "chat");
    modules.unload(ModuleManager.GLOBAL, "chat");

    assertThat(Journal.take())
        .containsExactly(
            "chat: load on *",
            "chat: add a.example",
            "chat: add b.example",
            "chat: remove a.example",
            "chat: remove b.example",
            "chat: unload")
        .inOrder();
  }

  @Test
  void hostProxyCallsTheModuleWithItsHost() throws Exception {
    modules.load("a.example", "chat");
    modules.load("b.example", "chat");
    Class<?> proxyType = load(output, PACKAGE + ".ChatModule_HostProxy");
    HostProxy<?> onA = hostProxy(modules, "a.example", proxyType);
    HostProxy<?> onB = hostProxy(modules, "b.example", proxyType);
    Journal.take();

    assertThat(onA.host()).isEqualTo("a.example");
    assertThat(call(onA, "greet", "alice")).isEqualTo("hello alice from chat on a.example");
    assertThat(call(onB, "greet", "bob")).isEqualTo("hello bob from chat on b.example");
    assertThat(call(onA, "max", List.of(3, 9, 4))).isEqualTo(9);
    assertThat(call(onB, "join", (Object) new String[] {"x", "y"})).isEqualTo("b.example: x, y");
    assertThat(call(onA, "port", "5222")).isEqualTo(5222);
    IOException notAPort = assertThrows(IOException.class, () -> call(onB, "port", "xmpp"));
    assertThat(notAPort).hasMessageThat().isEqualTo("not a port on b.example: xmpp");
    assertThat(call(onA, "tag", (Object) new Object[] {"red", "green"}))
        .isEqualTo(List.of("red", "green"));
    IOException nothing =
        assertThrows(IOException.class, () -> call(onB, "tag", (Object) new Object[0]));
    assertThat(nothing).hasMessageThat().isEqualTo("nothing to tag on b.example");
    call(onB, "post", "news");
    assertThat(Journal.take())
        .containsExactly(
            "chat: max on a.example", "chat: tag on a.example", "chat: post news on b.example")
        .inOrder();
  }

  @Test
  void hostProxyHasTheModuleMethodsSignaturesWithoutTheHostContext() {
    Class<?> proxyType = load(output, PACKAGE + ".ChatModule_HostProxy");

    Method max = method(proxyType, "max");
    assertThat(max.toGenericString())
        .isEqualTo(
            "public <T extends java.lang.Comparable<? super T>> T"
                + " org.example.chat.ChatModule_HostProxy.max(java.util.List<T>)");
    assertThat(method(proxyType, "join").isVarArgs()).isTrue();
    assertThat(method(proxyType, "port").getExceptionTypes())
        .asList()
        .containsExactly(IOException.class);
    Method tag = method(proxyType, "tag");
    assertThat(tag.toGenericString())
        .isEqualTo(
            "public final <T> java.util.List<T> org.example.chat.ChatModule_HostProxy.tag(T...)"
                + " throws java.io.IOException");
    assertThat(tag.isAnnotationPresent(SafeVarargs.class)).isTrue();
    assertThat(method(proxyType, "post").getParameterCount()).isEqualTo(1);
    // Neither the lifecycle methods nor methods without a HostContext first are on the proxy.
    for (String absent : List.of("motd", "addHost", "removeHost", "load", "unload")) {
      assertThat(List.of(proxyType.getDeclaredMethods()).stream().map(Method::getName).toList())
          .doesNotContain(absent);
    }
  }

  @Test
  void hostProxyFollowsTheModuleAcrossReloadsUntilItIsUnloaded() throws Exception {
    modules.load("a.example", "chat");
    HostProxy<?> onA =
        hostProxy(modules, "a.example", load(output, PACKAGE + ".ChatModule_HostProxy"));

    modules.reload(ModuleManager.GLOBAL, "chat");
    assertThat(call(onA, "greet", "carol")).isEqualTo("hello carol from chat on a.example");
    modules.unload("a.example", "chat");

    ModuleException gone = assertThrows(ModuleException.class, () -> call(onA, "greet", "dave"));
    assertThat(gone.code()).isEqualTo(ModuleException.MODULE_NOT_LOADED);
  }

  @Test
  void reloadCarriesGenericState() throws Exception {
    Class<?> mucType = load(output, PACKAGE + ".MucModule");
    modules.load("a.example", "muc");
    call(modules.instance("a.example", mucType), "createRoom", "lobby");
    Journal.take();

    modules.reload("a.example", "muc");

    assertThat(call(modules.instance("a.example", mucType), "rooms")).isEqualTo(List.of("lobby"));
    assertThat(Journal.take())
        .containsExactly(
            "muc: unload from a.example",
            "muc: load on a.example",
            "muc: restore {a.example=[lobby]}")
        .inOrder();
  }

  @Test
  void reloadCarriesPrimitiveState() throws Exception {
    Class<?> contactType = load(output, PACKAGE + ".ServerContactInfo");
    modules.load(ModuleManager.GLOBAL, "server_contact_info");

    modules.reload(ModuleManager.GLOBAL, "server_contact_info");
    modules.reload(ModuleManager.GLOBAL, "server_contact_info");

    assertThat(call(modules.instance(ModuleManager.GLOBAL, contactType), "generation"))
        .isEqualTo(2L);
    assertThat(Journal.take())
        .containsExactly(
            "server_contact_info: load on *",
            "server_contact_info: unload generation 0",
            "server_contact_info: load on *",
            "server_contact_info: restore 0",
            "server_contact_info: unload generation 1",
            "server_contact_info: load on *",
            "server_contact_info: restore 1")
        .inOrder();
  }

  /** The same modules give byte-identical sources, compiled again or in the opposite order. */
  @Test
  void generatedSourcesAreDeterministic() {
    Compilation again = compile(MODULES);
    List<Source> opposite = new ArrayList<>(MODULES);
    Collections.reverse(opposite);
    Compilation reversed = compile(opposite);

    assertThat(generatedSources(again)).containsExactlyEntriesIn(generatedSources(compilation));
    assertThat(generatedSources(reversed)).containsExactlyEntriesIn(generatedSources(compilation));
    assertThat(serviceFile(reversed)).isEqualTo(serviceFile(compilation));
  }

  @Test
  void catalogOptionNamesTheCatalog() {
    Compilation named =
        compiler()
            .withOptions("-Xlint:all", "-Ahostmod.catalog=org.example.app.ChatModules")
            .compile(files(MODULES));

    assertThat(named).succeededWithoutWarnings();
    assertThat(named).generatedSourceFile("org.example.app.ChatModules");
    assertThat(serviceFile(named)).isEqualTo("org.example.app.ChatModules\n");
    assertThat(discoverModules(classLoader(named)).moduleNames())
        .containsExactly("chat", "muc", "server_contact_info");
  }

  private static String catalogName() {
    return serviceFile(compilation).strip();
  }

  private static String tableName() {
    return moduleTables(compilation).get(0);
  }
}
