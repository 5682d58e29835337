package io.hostmod.runtime.tests;

import static io.hostmod.runtime.Event.HOST_ACTIVATED;
import static io.hostmod.runtime.Event.HOST_DEACTIVATED;
import static io.hostmod.runtime.Event.MODULE_UNLOADED;
import static io.hostmod.runtime.ModuleException.DEPENDENCY_DISABLED;
import static io.hostmod.runtime.ModuleException.HOST_ALREADY_ACTIVE;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_FOUND;
import static io.hostmod.runtime.ModuleException.UNKNOWN_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ModuleStatus;
import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@link ServerConfig} says which hosts exist and what {@code activateHost} loads on each:
 * always-loaded, plus global enabled, minus global disabled, plus host enabled, minus host
 * disabled, in that order, dependencies first; {@code deactivateHost} unloads it all again,
 * dependents first.
 */
class HostConfigurationTest extends ManagerTestBase {

  private static final String C = "c.example";

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  @Test
  void hostLoadsAlwaysLoadedPlusGlobalEnabledMinusDisabledPlusHostEnabledMinusDisabledInOrder() {
    ServerConfig config =
        ServerConfig.builder()
            .enable("archive", "roster", "spam_filter")
            .disable("stats")
            .host(A, a -> a.enable("conference", "stats").disable("roster"))
            .host(B)
            .build();
    restartWith(config, "disco", "stats");

    manager.activateHost(A);

    // stats is always loaded but disabled globally, then enabled again by the host: it moves to
    // the end; roster is enabled globally and disabled by the host.
    assertEquals(
        List.of(
            "disco.load a.example",
            "archive.load a.example",
            "spam_filter.load a.example",
            "conference.addHost a.example",
            "stats.new",
            "stats.load *"),
        Journal.take());
    assertEquals(Set.of("archive", "conference", "disco", "spam_filter"), manager.loadedModules(A));

    manager.activateHost(B);

    assertEquals(
        List.of(
            "disco.load b.example",
            "archive.load b.example",
            "roster.new b.example",
            "roster.load b.example",
            "spam_filter.load b.example"),
        Journal.take());
    log.assertQuiet();
  }

  @Test
  void activatingAHostLoadsItsModulesDependenciesFirstAndFiresHostActivated() {
    // roster comes after motd, which needs it: it is loaded once, as motd's dependency.
    restartWith(ServerConfig.builder().host(A, a -> a.enable("motd", "roster")).host(B).build());
    EventLog onServer = EventLog.listen(manager, GLOBAL, HOST_ACTIVATED);

    manager.activateHost(A);

    assertEquals(
        concat(WELCOME_ON_A, List.of("motd.new a.example", "motd.load a.example")), Journal.take());
    assertEquals(List.of("host-activated a.example"), onServer.take());
    log.assertQuiet();
  }

  @Test
  void globalModuleOfEveryHostsSetIsLoadedOnceOnStar() {
    // A configuration without hosts lets any host be activated.
    restartWith(ServerConfig.builder().enable("stats", "roster").build());

    manager.activateHost(A);
    manager.activateHost(B);

    assertEquals(
        List.of(
            "stats.new",
            "stats.load *",
            "roster.new a.example",
            "roster.load a.example",
            "roster.new b.example",
            "roster.load b.example"),
        Journal.take());
    log.assertQuiet();
  }

  @Test
  void deactivatingAHostUnloadsItsModulesDependentsFirstThenFiresHostDeactivated() {
    restartWith(ServerConfig.builder().host(A, a -> a.enable("motd", "archive")).host(B).build());
    manager.activateHost(A);
    Journal.take();
    EventLog onServer = EventLog.listen(manager, GLOBAL, MODULE_UNLOADED, HOST_DEACTIVATED);

    manager.deactivateHost(A);

    assertEquals(
        List.of(
            "motd.unload a.example",
            "welcome.unload a.example",
            "chat.unloadHost a.example",
            "roster.unload a.example"),
        Journal.take());
    assertEquals(
        List.of(
            "module-unloaded archive a.example",
            "module-unloaded motd a.example",
            "module-unloaded welcome a.example",
            "module-unloaded chat a.example",
            "module-unloaded roster a.example",
            "host-deactivated a.example"),
        onServer.take());
    // The global and shared instances serve the other hosts on.
    assertEquals(Set.of("chat", "stats"), manager.loadedModules(GLOBAL));
  }

  @Test
  void activatingAnUnknownOrActiveHostOrDeactivatingAnInactiveOneIsAnError() {
    restartWith(ServerConfig.builder().host(A).host(B).build());
    manager.activateHost(A);

    assertReport(
        fails(UNKNOWN_HOST, () -> manager.activateHost(C)), null, C, "not in the configuration");
    assertReport(
        fails(HOST_ALREADY_ACTIVE, () -> manager.activateHost(A)), null, A, "already active");
    assertReport(fails(UNKNOWN_HOST, () -> manager.deactivateHost(B)), null, B, "is not active");
    assertEquals(Set.of(GLOBAL, A), manager.activeHosts());
  }

  @Test
  void moduleOfTheSetThatFailsIsLoggedAndShownFailedWhileTheOthersLoad() {
    restartWith(
        ServerConfig.builder()
            .host(A, a -> a.enable("roster", "archive", "spam_filter"))
            .host(B)
            .build());
    Journal.failAt("archive.load a.example");

    manager.activateHost(A);

    assertEquals(Set.of("roster", "spam_filter"), manager.loadedModules(A));
    assertFailed(A, "archive", "injected fault at archive.load a.example");
    log.assertOneError(LOAD_FAILED, "'archive'", "'a.example'");
  }

  @Test
  void moduleOfTheSetThatDependsOnADisabledModuleIsShownFailed() {
    restartWith(
        ServerConfig.builder()
            .host(A, a -> a.enable("welcome", "archive").disable("roster"))
            .host(B)
            .build());

    manager.activateHost(A);

    assertEquals(Set.of("archive"), manager.loadedModules(A));
    assertFailed(A, "welcome", "[dependency-disabled]");
    log.assertOneError(DEPENDENCY_DISABLED, "'welcome'", "'a.example'");
  }

  @Test
  void moduleOfTheSetThatNoCatalogHasIsLoggedAndTheOthersLoad() {
    restartWith(ServerConfig.builder().enable("pubsub", "roster").build());

    manager.activateHost(A);

    assertEquals(Set.of("roster"), manager.loadedModules(A));
    log.assertOneError(MODULE_NOT_FOUND, "'pubsub'", "'a.example'");
  }

  @Test
  void alwaysLoadedModuleThatNoCatalogHasFailsTheBuild() {
    ModuleManager.Builder builder = ModuleManager.builder().discoverCatalogs().alwaysLoad("pubsub");

    assertReport(fails(MODULE_NOT_FOUND, builder::build), "pubsub", null, "'pubsub'");
  }

  private void assertFailed(String host, String module, String cause) {
    ModuleStatus status = statusOf(host, module);
    assertEquals(ModuleState.FAILED, status.state(), status::toString);
    assertTrue(status.failure().contains(cause), status::failure);
  }
}
