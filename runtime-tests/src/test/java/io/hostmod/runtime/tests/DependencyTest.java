package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.DEPENDENCY_CYCLE;
import static io.hostmod.runtime.ModuleException.DEPENDENCY_DISABLED;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_FOUND;
import static io.hostmod.runtime.ModuleException.SAVE_STATE_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @Module(dependsOn = ...)}: dependencies load first on the same host and are handed over
 * typed; unloading or reloading one takes its dependents out first; a failed load rolls back what
 * it loaded; disabled, missing and cyclic dependencies are clear errors.
 *
 * <p>{@code welcome} depends on {@code roster} (per-host), {@code chat} (shared) and {@code stats}
 * (global); {@code motd} depends on {@code welcome}.
 */
class DependencyTest extends ManagerTestBase {

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  // ---- load

  @Test
  void loadingAModuleLoadsItsDependenciesOnTheSameHostFirst() {
    manager.load(A, "welcome");

    // A per-host dependency on that host, a shared one attached to it, a global one on "*".
    assertEquals(WELCOME_ON_A, Journal.take());
    assertEquals(Set.of("chat", "roster", "welcome"), manager.loadedModules(A));
    assertEquals(Set.of("chat", "stats"), manager.loadedModules(GLOBAL));
    assertEquals(Set.of(), manager.loadedModules(B));
  }

  @Test
  void dependenciesOfDependenciesLoadFirst() {
    manager.load(A, "motd");

    assertEquals(
        concat(WELCOME_ON_A, List.of("motd.new a.example", "motd.load a.example")), Journal.take());
    assertSame(manager.instance(A, WelcomeModule.class), manager.instance(A, MotdModule.class).welcome);
  }

  @Test
  void dependenciesAlreadyLoadedAreUsedAsTheyAre() {
    given(A, "roster");
    given(B, "chat");
    given(GLOBAL, "stats");

    manager.load(A, "welcome");

    // Only the shared chat, loaded for b.example, still had to be attached to a.example.
    assertEquals(
        List.of("chat.addHost a.example", "welcome.new a.example", "welcome.load a.example"),
        Journal.take());
  }

  @Test
  void dependentReceivesTheModulesItDependsOnTyped() {
    given(A, "welcome");
    WelcomeModule welcome = manager.instance(A, WelcomeModule.class);

    welcome.greet("juliet@a.example");

    assertSame(manager.instance(A, RosterModule.class), welcome.roster);
    assertSame(manager.instance(GLOBAL, StatsModule.class), welcome.stats);
    assertEquals(A, welcome.chat.host());
    assertEquals(List.of("juliet@a.example"), welcome.roster.contacts);
    assertEquals(List.of("welcome, juliet@a.example"), chatOn(A).messages());
    assertEquals(1, welcome.stats.served.get());
  }

  // ---- unload

  @Test
  void unloadingADependencyUnloadsItsDependentsFirst() {
    given(A, "motd");
    given(B, "motd");

    manager.unload(A, "roster");

    assertEquals(
        List.of("motd.unload a.example", "welcome.unload a.example", "roster.unload a.example"),
        Journal.take());
    assertEquals(Set.of("chat"), manager.loadedModules(A));
    assertEquals(Set.of("chat", "motd", "roster", "welcome"), manager.loadedModules(B));
  }

  @Test
  void unloadingAGlobalDependencyUnloadsItsDependentsOnEveryHost() {
    given(A, "welcome");
    given(B, "welcome");

    manager.unload(GLOBAL, "stats");

    assertEquals(
        List.of("welcome.unload a.example", "welcome.unload b.example", "stats.unload *"),
        Journal.take());
    assertEquals(Set.of("chat", "roster"), manager.loadedModules(A));
    assertEquals(Set.of("chat", "roster"), manager.loadedModules(B));
  }

  @Test
  void unloadingASharedDependencyUnloadsTheDependentsOfEachHostItLeaves() {
    given(A, "welcome");
    given(B, "welcome");

    manager.unload(A, "chat");

    assertEquals(List.of("welcome.unload a.example", "chat.unloadHost a.example"), Journal.take());
    assertTrue(manager.isLoaded(B, "welcome"));

    manager.unload(GLOBAL, "chat");

    assertEquals(
        List.of("welcome.unload b.example", "chat.unloadHost b.example", "chat.unload *"),
        Journal.take());
  }

  // ---- reload

  @Test
  void reloadingADependencySetsItsDependentsAsideAndBringsThemBackWithTheirState() {
    given(A, "motd");
    WelcomeModule welcome = manager.instance(A, WelcomeModule.class);
    welcome.greet("juliet@a.example");
    RosterModule roster = manager.instance(A, RosterModule.class);

    manager.reload(A, "roster");

    assertEquals(
        List.of(
            // The dependents go first, deepest first, each saved right before its unload ...
            "motd.unload a.example",
            "welcome.save a.example",
            "welcome.unload a.example",
            // ... then the dependency is saved, unloaded, loaded and restored ...
            "roster.save a.example",
            "roster.unload a.example",
            "roster.new a.example",
            "roster.load a.example",
            "roster.restore a.example",
            // ... then the dependents load again, each with its saved state.
            "welcome.new a.example",
            "welcome.load a.example",
            "welcome.restore a.example",
            "motd.new a.example",
            "motd.load a.example"),
        Journal.take());
    WelcomeModule fresh = manager.instance(A, WelcomeModule.class);
    assertNotSame(welcome, fresh);
    assertEquals(List.of("juliet@a.example"), fresh.greeted);
    assertNotSame(roster, fresh.roster);
    assertSame(manager.instance(A, RosterModule.class), fresh.roster);
    assertEquals(List.of("juliet@a.example"), fresh.roster.contacts);
    assertSame(fresh, manager.instance(A, MotdModule.class).welcome);
  }

  @Test
  void reloadingAGlobalDependencySetsAsideItsDependentsOnEveryHost() {
    given(A, "welcome");
    given(B, "welcome");
    manager.instance(B, WelcomeModule.class).greet("romeo@b.example");

    manager.reload(GLOBAL, "stats");

    assertEquals(
        List.of(
            "welcome.save a.example",
            "welcome.unload a.example",
            "welcome.save b.example",
            "welcome.unload b.example",
            "stats.save *",
            "stats.unload *",
            "stats.new",
            "stats.load *",
            "stats.restore *",
            "welcome.new a.example",
            "welcome.load a.example",
            "welcome.restore a.example",
            "welcome.new b.example",
            "welcome.load b.example",
            "welcome.restore b.example"),
        Journal.take());
    StatsModule stats = manager.instance(GLOBAL, StatsModule.class);
    WelcomeModule onB = manager.instance(B, WelcomeModule.class);
    assertSame(stats, onB.stats);
    assertEquals(1, stats.served.get());
    assertEquals(List.of("romeo@b.example"), onB.greeted);
  }

  @Test
  void reloadingASharedDependencyOnStarSetsAsideTheDependentsOfItsHosts() {
    given(A, "welcome");
    manager.instance(A, WelcomeModule.class).greet("juliet@a.example");

    manager.reload(GLOBAL, "chat");

    assertEquals(
        List.of(
            "welcome.save a.example",
            "welcome.unload a.example",
            "chat.save *",
            "chat.unloadHost a.example",
            "chat.unload *",
            "chat.new *",
            "chat.load *",
            "chat.restore *",
            "chat.addHost a.example",
            "welcome.new a.example",
            "welcome.load a.example",
            "welcome.restore a.example"),
        Journal.take());
    manager.instance(A, WelcomeModule.class).greet("romeo@a.example");
    assertEquals(List.of("welcome, juliet@a.example", "welcome, romeo@a.example"), chatOn(A).messages());
  }

  @Test
  void reloadingASharedDependencyOnOneHostLeavesItsDependentsOnTheSameInstance() {
    given(A, "welcome");
    WelcomeModule welcome = manager.instance(A, WelcomeModule.class);

    manager.reload(A, "chat");

    // As Prosody: only that host's part is unloaded and added again; the global instance the
    // dependents use stays, and so do they.
    assertEquals(List.of("chat.unloadHost a.example", "chat.addHost a.example"), Journal.take());
    assertSame(welcome, manager.instance(A, WelcomeModule.class));
    welcome.greet("juliet@a.example");
    assertEquals(List.of("welcome, juliet@a.example"), chatOn(A).messages());
  }

  @Test
  void sharedDependencyThatRefusesItsHostOnReloadTakesThatHostsDependentsWithIt() {
    given(A, "welcome");
    given(B, "welcome");
    Journal.failAt("chat.addHost a.example");

    fails(LOAD_FAILED, () -> manager.reload(A, "chat"));

    assertEquals(
        List.of("chat.unloadHost a.example", "chat.addHost a.example", "welcome.unload a.example"),
        Journal.take());
    assertEquals(Set.of("roster"), manager.loadedModules(A));
    assertTrue(manager.isLoaded(B, "welcome"));
  }

  @Test
  void failedSaveOfADependencyAbortsItsReloadAndItsDependentsComeBackWithTheirState() {
    given(A, "welcome");
    RosterModule roster = manager.instance(A, RosterModule.class);
    manager.instance(A, WelcomeModule.class).greet("juliet@a.example");
    Journal.failAt("roster.save a.example");

    fails(SAVE_STATE_FAILED, () -> manager.reload(A, "roster"));

    assertEquals(
        List.of(
            "welcome.save a.example",
            "welcome.unload a.example",
            "roster.save a.example",
            "welcome.new a.example",
            "welcome.load a.example",
            "welcome.restore a.example"),
        Journal.take());
    WelcomeModule welcome = manager.instance(A, WelcomeModule.class);
    assertSame(roster, manager.instance(A, RosterModule.class));
    assertSame(roster, welcome.roster);
    assertEquals(List.of("juliet@a.example"), welcome.greeted);
  }

  @Test
  void dependencyThatFailsToComeBackFromAReloadLeavesItsDependentsUnloaded() {
    given(A, "welcome");
    Journal.failAt("roster.load a.example");

    fails(LOAD_FAILED, () -> manager.reload(A, "roster"));

    assertFalse(manager.isLoaded(A, "roster"));
    assertFalse(manager.isLoaded(A, "welcome"));
    Journal.heal("roster.load a.example");
    manager.load(A, "welcome");
    assertTrue(manager.isLoaded(A, "welcome"));
  }

  // ---- failures and rollback

  @Test
  void failedLoadRollsBackEveryDependencyTheSameCallLoaded() {
    given(GLOBAL, "stats");
    Journal.failAt("motd.load a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "motd"));

    assertEquals(
        List.of(
            "roster.new a.example",
            "roster.load a.example",
            "chat.new *",
            "chat.load *",
            "chat.addHost a.example",
            "welcome.new a.example",
            "welcome.load a.example",
            "motd.new a.example",
            "motd.load a.example",
            // Newest first, the global chat instance this call created included; stats was
            // loaded before the call, so it stays.
            "welcome.unload a.example",
            "chat.unloadHost a.example",
            "chat.unload *",
            "roster.unload a.example"),
        Journal.take());
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of("stats"), manager.loadedModules(GLOBAL));
  }

  @Test
  void failedLoadLeavesASharedDependencyThatWasLoadedElsewhereOnStar() {
    given(B, "chat");
    Journal.failAt("welcome.load a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "welcome"));

    assertEquals(
        List.of(
            "roster.new a.example",
            "roster.load a.example",
            "chat.addHost a.example",
            "stats.new",
            "stats.load *",
            "welcome.new a.example",
            "welcome.load a.example",
            "stats.unload *",
            "chat.unloadHost a.example",
            "roster.unload a.example"),
        Journal.take());
    assertEquals(Set.of("chat"), manager.loadedModules(GLOBAL));
    assertEquals(Set.of("chat"), manager.loadedModules(B));
  }

  @Test
  void failedDependencyFailsItsDependentAndRollsBackTheOthers() {
    Journal.failAt("stats.load *");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "welcome"));

    assertReport(failure, "stats", GLOBAL, "@Load");
    assertEquals(
        List.of(
            "roster.new a.example",
            "roster.load a.example",
            "chat.new *",
            "chat.load *",
            "chat.addHost a.example",
            "stats.new",
            "stats.load *",
            "chat.unloadHost a.example",
            "chat.unload *",
            "roster.unload a.example"),
        Journal.take());
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of(), manager.loadedModules(GLOBAL));
  }

  @Test
  void dependingOnAModuleDisabledForTheHostIsAnError() {
    configure(ServerConfig.builder().host(A, a -> a.disable("roster")).host(B).build());

    ModuleException failure = fails(DEPENDENCY_DISABLED, () -> manager.load(A, "welcome"));

    assertReport(failure, "welcome", A, "depends on 'roster'", "host 'a.example'", "modules_disabled");
    assertEquals(List.of(), Journal.take());
    assertEquals(Set.of(), manager.loadedModules(A));
    manager.load(B, "welcome");
    assertTrue(manager.isLoaded(B, "welcome"));
  }

  @Test
  void dependencyDisabledGloballyIsRefusedBeforeAnyDependencyLoads() {
    ServerConfig config =
        ServerConfig.builder().disable("stats").host(A).host(B, b -> b.enable("stats")).build();
    configure(config);
    Journal.take();

    ModuleException failure = fails(DEPENDENCY_DISABLED, () -> manager.load(A, "welcome"));

    // Loaded on "*" for b.example, stats is still disabled for a.example; the refusal is decided
    // before any module code runs, so welcome's other dependencies were not even loaded.
    assertReport(failure, "welcome", A, "depends on 'stats'");
    assertEquals(List.of(), Journal.take());
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of("stats"), manager.loadedModules(GLOBAL));
    // A host that enables it again is not affected by the global section's disabling.
    manager.load(B, "welcome");
    assertTrue(manager.isLoaded(B, "welcome"));
  }

  // ---- across catalogs

  @Test
  void dependencyMissingFromEveryCatalogIsReportedWhenItsDependentLoads() {
    // The plugin jar with welcome came without a jar that has stats.
    manager =
        ModuleManager.builder()
            .catalog(new MainJar(generatedBinding("roster"), generatedBinding("chat")))
            .catalog(new PluginJar(generatedBinding("welcome")))
            .build();
    manager.activateHost(A);

    ModuleException failure = fails(MODULE_NOT_FOUND, () -> manager.load(A, "welcome"));

    assertReport(failure, "welcome", null, "depends on 'stats'", "class path");
    assertEquals(Set.of(), manager.loadedModules(A));
    assertEquals(Set.of(), manager.loadedModules(GLOBAL));
  }

  @Test
  void dependencyCycleAcrossCatalogsFailsTheBuild() {
    ModuleManager.Builder builder =
        ModuleManager.builder()
            .catalog(
                new MainJar(
                    new DependingOn<>(generatedBinding("roster"), "motd"),
                    generatedBinding("chat"),
                    generatedBinding("stats")))
            .catalog(new PluginJar(generatedBinding("welcome"), generatedBinding("motd")));

    ModuleException failure = fails(DEPENDENCY_CYCLE, builder::build);

    assertReport(failure, null, null, "motd -> welcome -> roster -> motd", "remove one of these");
  }

  /** A catalog listing generated bindings, as the generated catalog of one jar does. */
  private abstract static class Jar implements ModuleCatalog {
    private final List<ModuleBinding<?>> bindings;

    Jar(ModuleBinding<?>... bindings) {
      this.bindings = List.of(bindings);
    }

    @Override
    public List<ModuleBinding<?>> bindings() {
      return bindings;
    }
  }

  /** The server's jar. (The manager counts catalogs by class, so each jar has its own.) */
  private static final class MainJar extends Jar {
    MainJar(ModuleBinding<?>... bindings) {
      super(bindings);
    }
  }

  /** A plugin jar, compiled separately. */
  private static final class PluginJar extends Jar {
    PluginJar(ModuleBinding<?>... bindings) {
      super(bindings);
    }
  }

  /**
   * Hand-made, and ONLY for the cycle across catalogs: the processor rejects a dependency cycle
   * within one compilation, so no set of generated bindings can close one. This wraps a generated
   * binding and declares one more dependency, as a module of another jar would; everything else
   * is the generated binding's. The manager refuses to build, so it is never loaded.
   */
  record DependingOn<M>(ModuleBinding<M> generated, String dependency)
      implements ModuleBinding<M> {

    @Override
    public String name() {
      return generated.name();
    }

    @Override
    public Class<M> moduleType() {
      return generated.moduleType();
    }

    @Override
    public ModuleKind kind() {
      return generated.kind();
    }

    @Override
    public List<String> dependencies() {
      List<String> dependencies = new ArrayList<>(generated.dependencies());
      dependencies.add(dependency);
      return dependencies;
    }

    @Override
    public M create(ModuleContext context) throws Exception {
      return generated.create(context);
    }
  }
}
