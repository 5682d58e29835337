package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleRegistrations;
import io.hostmod.runtime.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the runtime offers tests ({@code hostmod-test}) to see: every event as it is fired ({@code
 * observeEvents}), a module's log lines through loggers the builder gives ({@code moduleLoggers}),
 * and what a module has registered on a host ({@code registrations}), empty once it is unloaded.
 */
class TestHooksTest extends ManagerTestBase {

  private static final String HEALTH = "health";

  @Test
  void anObserverSeesEachEventOnceOnItsOwnHostWithoutAnyHandler() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Registration observing = manager.observeEvents(event -> seen.add(event.name() + "@" + event.host()
        + (event.module() == null ? "" : " " + event.module()) + (event.data() == null ? "" : " " + event.data())));

    manager.load(A, HEALTH);
    ModuleContext context = manager.instance(A, HealthModule.class).context();
    Registration item = context.addItem("thing", "one");
    context.fire("custom", 42);
    item.close();
    manager.fire(B, "from-caller", null);
    manager.unload(A, HEALTH);
    observing.close();
    manager.fire(A, "after", null);

    // The lifecycle events reach no handler here: they are posted for the observer alone, and each
    // is seen once, on its own host, though the server ("*") relays a host's lifecycle events.
    assertEquals(List.of(
        "module-loaded@a.example health",
        "item-added/thing@a.example health one",
        "custom@a.example health 42",
        "item-removed/thing@a.example health one",
        "from-caller@b.example",
        "module-unloaded@a.example health"), seen);
  }

  @Test
  void anObserverThatThrowsIsLoggedAndTheHandlersStillRun() {
    List<Event> handled = new CopyOnWriteArrayList<>();
    manager.hook(A, "ping", 0, handled::add);
    manager.observeEvents(event -> {
      throw new IllegalStateException("observer broke");
    });

    manager.fire(A, "ping", null);

    assertEquals(1, handled.size(), "the handler ran after the observer threw");
  }

  @Test
  void modulesLogThroughTheBuildersLoggersNamedByHostAndModule() {
    List<String> lines = new CopyOnWriteArrayList<>();
    manager = ModuleManager.builder().discoverCatalogs()
        .moduleLoggers((host, module) -> new Recording(host + " " + module, lines))
        .build();
    manager.activateHost(A);
    manager.load(A, HEALTH);

    manager.instance(A, HealthModule.class).context().logger().log(System.Logger.Level.INFO, "hello");

    assertEquals(List.of("a.example health INFO hello"), lines);
  }

  @Test
  void registrationsNameWhatAModuleHasOnAHostAndNothingOnceUnloaded() {
    manager.load(A, HEALTH);
    manager.load(B, HEALTH);
    ModuleContext context = manager.instance(A, HealthModule.class).context();
    context.hook("ping", 0, event -> {});
    context.hook("ping", 5, event -> {});
    context.addItem("route", "r");
    context.every(Duration.ofMinutes(1), () -> {});
    context.schedule(Duration.ofMinutes(1), () -> {});
    context.onUnload(() -> {});
    context.onUnload(() -> {}).close(); // cancelled: no longer due
    manager.hook(A, "ping", 0, event -> {}); // the caller's, not the module's

    ModuleRegistrations registered = manager.registrations(A, HEALTH);

    assertEquals(Map.of("ping", 2), registered.hooks());
    assertEquals(Map.of("route", 1), registered.items());
    assertEquals(2, registered.timers());
    assertEquals(1, registered.unloadActions());
    assertEquals("module 'health' on host 'a.example': 2 hooks on 'ping', item under 'route', 2 timers, "
        + "onUnload action not run (a meter, a connection...)", registered.toString());
    assertTrue(manager.registrations(B, HEALTH).isEmpty(), "b.example's instance registered nothing");

    manager.unload(A, HEALTH);

    assertTrue(manager.registrations(A, HEALTH).isEmpty(), () -> manager.registrations(A, HEALTH).toString());
    assertEquals("module 'health' on host 'a.example': nothing registered", manager.registrations(A, HEALTH).toString());
    assertFalse(manager.registrations(GLOBAL, HEALTH).hooks().containsKey("ping"));
  }

  @Test
  void anInactiveHostHasNothingRegistered() {
    manager.load(A, HEALTH);
    manager.instance(A, HealthModule.class).context().every(Duration.ofMinutes(1), () -> {});
    manager.deactivateHost(A);

    assertTrue(manager.registrations(A, HEALTH).isEmpty(), () -> manager.registrations(A, HEALTH).toString());
    assertTrue(manager.registrations("never.example", HEALTH).isEmpty());
  }

  /** A logger that keeps each line as "<name> <level> <message>". */
  private record Recording(String name, List<String> lines) implements System.Logger {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
      lines.add(name + " " + level + " " + message);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(name + " " + level + " " + format);
    }
  }
}
