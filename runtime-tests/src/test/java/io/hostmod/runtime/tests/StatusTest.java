package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static io.hostmod.runtime.ModuleState.FAILED;
import static io.hostmod.runtime.ModuleState.LOADED;
import static io.hostmod.runtime.ModuleState.LOADING;
import static io.hostmod.runtime.ModuleState.RELOADING;
import static io.hostmod.runtime.ModuleState.UNLOADING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ModuleStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The admin view {@code status()}: every active host, each module's state and kind, a failed load
 * with its cause and time until the module loads again; and transitions that are not allowed.
 */
class StatusTest extends ManagerTestBase {

  @Test
  void statusShowsEveryActiveHostWithEachModulesStateAndKind() {
    given(A, "chat");
    given(A, "roster");
    given(B, "stats");

    assertEquals(
        Map.of(
            GLOBAL, List.of("chat SHARED LOADED", "stats GLOBAL LOADED"),
            A, List.of("chat SHARED LOADED", "roster PER_HOST LOADED"),
            B, List.of()),
        summary());
    assertEquals(List.of(GLOBAL, A, B), List.copyOf(summary().keySet()));
  }

  @Test
  void failedLoadShowsFailedWithItsCauseAndTimeUntilTheModuleLoadsAgain() {
    Journal.failAt("roster.load a.example");
    Instant before = Instant.now();

    fails(LOAD_FAILED, () -> manager.load(A, "roster"));

    Instant after = Instant.now();
    ModuleStatus failed = statusOf(A, "roster");
    assertEquals(FAILED, failed.state());
    assertEquals(ModuleKind.PER_HOST, failed.kind());
    assertTrue(failed.failure().contains("injected fault at roster.load a.example"), failed::failure);
    assertFalse(failed.since().isBefore(before) || failed.since().isAfter(after), failed::toString);
    assertNull(statusOf(B, "roster"));

    Journal.heal("roster.load a.example");
    manager.load(A, "roster");

    ModuleStatus loaded = statusOf(A, "roster");
    assertEquals(LOADED, loaded.state());
    assertNull(loaded.failure());
  }

  @Test
  void failedGlobalAndSharedModulesShowWhereTheyFailed() {
    Journal.failAt("stats.load *");
    Journal.failAt("chat.load *");

    fails(LOAD_FAILED, () -> manager.load(A, "stats"));
    fails(LOAD_FAILED, () -> manager.load(A, "chat"));

    // A global module fails on "*"; a shared one there and on the host it was asked for.
    assertEquals(
        Map.of(
            GLOBAL, List.of("chat SHARED FAILED", "stats GLOBAL FAILED"),
            A, List.of("chat SHARED FAILED"),
            B, List.of()),
        summary());
  }

  @Test
  void statesWhileModuleCodeRunsAreLoadingReloadingAndUnloading() {
    // archive adds its item in @Load and loses it when unloaded: item listeners see it mid-way.
    List<ModuleState> seen = new CopyOnWriteArrayList<>();
    manager.hook(A, "item-added/feature", 0, event -> seen.add(statusOf(A, "archive").state()));
    manager.hook(A, "item-removed/feature", 0, event -> seen.add(statusOf(A, "archive").state()));

    manager.load(A, "archive");
    manager.reload(A, "archive");
    manager.unload(A, "archive");

    assertEquals(List.of(LOADING, RELOADING, RELOADING, UNLOADING), seen);
  }

  @Test
  void deactivatedHostLeavesTheStatusAndComesBackWithoutItsFailures() {
    Journal.failAt("roster.load a.example");
    fails(LOAD_FAILED, () -> manager.load(A, "roster"));

    manager.deactivateHost(A);

    assertFalse(summary().containsKey(A));
    manager.activateHost(A);
    assertEquals(List.of(), summary().get(A));
  }

  @Test
  void unloadingOrReloadingAFailedModuleIsRejectedWithAdvice() {
    Journal.failAt("roster.load a.example");
    fails(LOAD_FAILED, () -> manager.load(A, "roster"));

    assertReport(
        fails(MODULE_NOT_LOADED, () -> manager.unload(A, "roster")),
        "roster",
        A,
        "its last load failed",
        "injected fault at roster.load a.example",
        "load(\"a.example\", \"roster\")");
    fails(MODULE_NOT_LOADED, () -> manager.reload(A, "roster"));
    assertEquals(FAILED, statusOf(A, "roster").state());
  }

  @Test
  void loadingALoadedModuleIsRejectedWithAdvice() {
    given(A, "roster");

    assertReport(
        fails(MODULE_ALREADY_LOADED, () -> manager.load(A, "roster")), "roster", A, "use reload");
    assertEquals(LOADED, statusOf(A, "roster").state());
  }

  /** Each host's modules as {@code "<name> <kind> <state>"}, hosts in the order status() gives. */
  private Map<String, List<String>> summary() {
    Map<String, List<String>> summary = new LinkedHashMap<>();
    for (HostStatus host : manager.status()) {
      summary.put(
          host.host(),
          host.modules().stream()
              .map(module -> module.name() + " " + module.kind() + " " + module.state())
              .toList());
    }
    return summary;
  }
}
