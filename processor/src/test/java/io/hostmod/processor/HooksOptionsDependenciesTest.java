package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.call;
import static io.hostmod.processor.HostmodTesting.catalogs;
import static io.hostmod.processor.HostmodTesting.classLoader;
import static io.hostmod.processor.HostmodTesting.compile;
import static io.hostmod.processor.HostmodTesting.load;
import static io.hostmod.processor.HostmodTesting.module;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import io.hostmod.runtime.spi.ModuleOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code hooks()}, option injection in {@code create} and dependency arguments,
 * compiled under -Xlint:all and run by a real {@link ModuleManager} with a {@link ServerConfig}.
 */
class HooksOptionsDependenciesTest {

  /** A shared module with a hook, whose host proxy the per-host module takes. */
  private static final Source CHAT = module("ChatModule", "@Module(global = true)", """
      @AddHost void addHost(HostContext host) {}

      @Hook(value = "message", priority = 5)
      void relay(HostContext host, Event event) {
        io.hostmod.processor.Journal.add("chat: " + event.data() + " on " + host.host());
      }

      public String where(HostContext host) {
        return "chat on " + host.host();
      }
      """);

  private static final Source INFO = module("InfoModule", "@Module(global = true)", """
      public String contact() {
        return "admin@example.org";
      }
      """);

  private static final Source MUC =
      module("MucModule", "@Module(dependsOn = {InfoModule.class, ChatModule.class})", """
          @Option("history_limit") int historyLimit = 50;
          @Option("welcome") String welcome = "hi";
          @Option("admins") List<String> admins = List.of("root");
          @Option("ratio") double ratio = 0.5;

          final InfoModule info;
          ChatModule_HostProxy chat;

          public MucModule(InfoModule info) {
            this.info = info;
          }

          @Load
          void load(ModuleContext context, ChatModule_HostProxy chat) {
            this.chat = chat;
          }

          @Hook(value = "message", priority = 10)
          void onMessage(HostContext host, Event event) {
            io.hostmod.processor.Journal.add("muc: " + event.data() + " on " + host.host());
          }

          @Hook(value = "message", priority = 20)
          void filter(Event event) {
            io.hostmod.processor.Journal.add("muc filter: " + event.data());
            if ("spam".equals(event.data())) {
              event.stop();
            }
          }

          public List<Object> settings() {
            return List.of(historyLimit, welcome, admins, ratio);
          }

          public Object info() {
            return info;
          }

          public String chatWhere() {
            return chat.where();
          }
          """);

  private static final Source STRICT = module("StrictModule", "@Module", """
      @Option(value = "welcome_text", required = true) String welcomeText;
      @Option(value = "admins", required = true) List<String> admins;

      public String welcomeText() {
        return welcomeText;
      }
      """);

  private static final ServerConfig CONFIG =
      ServerConfig.builder()
          .option("history_limit", 100)
          .option("welcome", "hello")
          .host("a.example", host -> host.option("history_limit", 7).option("admins", List.of("alice", "bob")))
          .host("b.example", host -> host.option("welcome_text", "hi b"))
          .host("c.example", host -> host.option("welcome_text", "hi c").option("admins", "carol"))
          .build();

  private static Compilation compilation;
  private static ClassLoader output;

  private ModuleManager modules;

  @BeforeAll
  static void compileModules() {
    compilation = compile(CHAT, INFO, MUC, STRICT);
    output = classLoader(compilation);
  }

  @BeforeEach
  void newManager() {
    ModuleManager.Builder builder = ModuleManager.builder().config(CONFIG);
    for (ModuleCatalog catalog : catalogs(output)) {
      builder.catalog(catalog);
    }
    modules = builder.build();
    modules.activateHost("a.example");
    modules.activateHost("b.example");
    modules.activateHost("c.example");
    Journal.take();
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void bindingListsHooksAndOptionsInDeclarationOrder() {
    ModuleBinding<?> muc = binding("muc");

    assertThat(muc.hooks().stream().map(hook -> hook.event() + "/" + hook.priority()).toList())
        .containsExactly("message/10", "message/20")
        .inOrder();
    assertThat(muc.options())
        .containsExactly(
            new ModuleOption("history_limit", Integer.class, false, false),
            new ModuleOption("welcome", String.class, false, false),
            new ModuleOption("admins", String.class, true, false),
            new ModuleOption("ratio", Double.class, false, false))
        .inOrder();
    assertThat(binding("strict").options())
        .containsExactly(
            new ModuleOption("welcome_text", String.class, false, true),
            new ModuleOption("admins", String.class, true, true))
        .inOrder();
    assertThat(binding("info").hooks()).isEmpty();
    assertThat(binding("info").options()).isEmpty();
  }

  @Test
  void hooksRunByPriorityOnTheirHostUntilUnloaded() {
    modules.load("a.example", "muc");
    Journal.take();

    modules.fire("a.example", "message", "hello");
    modules.fire("b.example", "message", "elsewhere");
    modules.fire("a.example", "message", "spam");
    assertThat(Journal.take())
        .containsExactly(
            "muc filter: hello", "muc: hello on a.example", "chat: hello on a.example",
            "muc filter: spam")
        .inOrder();

    modules.unload("a.example", "muc");
    Journal.take();
    modules.fire("a.example", "message", "after");
    assertThat(Journal.take()).containsExactly("chat: after on a.example");

    modules.unload("a.example", "chat");
    modules.fire("a.example", "message", "gone");
    assertThat(Journal.take()).isEmpty();
  }

  @Test
  void optionsComeFromTheHostThenTheGlobalSectionThenTheField() throws Exception {
    modules.load("a.example", "muc");
    modules.load("b.example", "muc");
    Class<?> muc = load(output, "test.MucModule");

    assertThat(call(modules.instance("a.example", muc), "settings"))
        .isEqualTo(List.of(7, "hello", List.of("alice", "bob"), 0.5));
    assertThat(call(modules.instance("b.example", muc), "settings"))
        .isEqualTo(List.of(100, "hello", List.of("root"), 0.5));
  }

  @Test
  void missingRequiredOptionFailsTheLoad() throws Exception {
    ModuleException noText =
        assertThrows(ModuleException.class, () -> modules.load("a.example", "strict"));
    ModuleException noList =
        assertThrows(ModuleException.class, () -> modules.load("b.example", "strict"));
    modules.load("c.example", "strict");

    assertThat(noText.code()).isEqualTo(ModuleException.MISSING_OPTION);
    assertThat(noText).hasMessageThat().contains("welcome_text");
    assertThat(noList.code()).isEqualTo(ModuleException.MISSING_OPTION);
    assertThat(noList).hasMessageThat().contains("admins");
    assertThat(modules.isLoaded("a.example", "strict")).isFalse();
    assertThat(modules.isLoaded("b.example", "strict")).isFalse();
    Object strict = modules.instance("c.example", load(output, "test.StrictModule"));
    assertThat(call(strict, "welcomeText")).isEqualTo("hi c");
  }

  @Test
  void dependenciesArePassedAsInstanceAndHostProxy() throws Exception {
    modules.load("a.example", "muc");
    modules.load("b.example", "muc");
    Class<?> muc = load(output, "test.MucModule");
    Object onA = modules.instance("a.example", muc);

    assertThat(call(onA, "info"))
        .isSameInstanceAs(modules.instance(ModuleManager.GLOBAL, load(output, "test.InfoModule")));
    assertThat(call(onA, "chatWhere")).isEqualTo("chat on a.example");
    assertThat(call(modules.instance("b.example", muc), "chatWhere")).isEqualTo("chat on b.example");
  }

  private ModuleBinding<?> binding(String name) {
    for (ModuleCatalog catalog : catalogs(output)) {
      for (ModuleBinding<?> binding : catalog.bindings()) {
        if (binding.name().equals(name)) {
          return binding;
        }
      }
    }
    throw new AssertionError("no binding " + name);
  }
}
