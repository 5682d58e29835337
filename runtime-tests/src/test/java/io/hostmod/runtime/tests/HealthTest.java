package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.Health;
import io.hostmod.runtime.ManualClock;
import io.hostmod.runtime.ModuleHealth;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ModuleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A module's own health ({@code ModuleContext.status}): shown by {@code status()} beside the
 * lifecycle state, announced by {@code module-status} when it changes, gone with the instance.
 */
class HealthTest extends ManagerTestBase {

  @Test
  void aReportedHealthIsShownBesideTheLifecycleState() {
    manager.load(A, "health");

    manager.instance(A, HealthModule.class).report(Health.WARN, "room lobby is full");

    ModuleStatus status = statusOf(A, "health");
    assertEquals(ModuleState.LOADED, status.state());
    assertEquals(Health.WARN, status.health().health());
    assertEquals("room lobby is full", status.health().message());
    assertNull(statusOf(B, "health"), "b.example has no such module");
  }

  @Test
  void aModuleThatReportedNothingHasNoHealth() {
    manager.load(A, "health");

    assertNull(statusOf(A, "health").health());
  }

  @Test
  void moduleStatusFiresOnTheHostAndTheServerWhenTheHealthChangesOnly() {
    manager.load(A, "health");
    List<Event> onHost = new ArrayList<>();
    List<Event> onServer = new ArrayList<>();
    manager.hook(A, Event.MODULE_STATUS, 0, onHost::add);
    manager.hook(GLOBAL, Event.MODULE_STATUS, 0, onServer::add);
    HealthModule module = manager.instance(A, HealthModule.class);

    module.report(Health.WARN, "full");
    module.report(Health.WARN, "full");
    module.report(Health.OK, "");

    assertEquals(2, onHost.size(), "the repeated report changed nothing");
    assertEquals(2, onServer.size());
    Event first = onHost.get(0);
    assertEquals("health", first.module());
    assertEquals(A, first.host());
    assertEquals(Health.WARN, first.data(ModuleHealth.class).health());
    assertEquals(Health.OK, onHost.get(1).data(ModuleHealth.class).health());
    assertSame(Health.OK, statusOf(A, "health").health().health());
  }

  @Test
  void theHealthIsClearedWhenTheModuleUnloadsOrReloads() {
    manager.load(A, "health");
    manager.instance(A, HealthModule.class).report(Health.ERROR, "backend down");

    manager.reload(A, "health");
    assertNull(statusOf(A, "health").health(), "the new instance reported nothing yet");

    manager.instance(A, HealthModule.class).report(Health.ERROR, "backend down");
    manager.unload(A, "health");
    manager.load(A, "health");
    assertNull(statusOf(A, "health").health());
  }

  @Test
  void theHealthIsStampedByTheManagersClock() {
    ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    manager = ModuleManager.builder().discoverCatalogs().clock(clock).build();
    manager.activateHost(A);
    manager.load(A, "health");
    clock.advance(Duration.ofHours(1));

    manager.instance(A, HealthModule.class).report(Health.WARN, "slow");

    assertEquals(Instant.parse("2030-01-01T01:00:00Z"), statusOf(A, "health").health().since());
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), statusOf(A, "health").since(), "loaded at the clock's time");
  }
}
