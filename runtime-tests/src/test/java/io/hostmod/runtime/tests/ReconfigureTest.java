package io.hostmod.runtime.tests;

import static io.hostmod.runtime.Event.CONFIG_RELOADED;
import static io.hostmod.runtime.Event.HOST_ACTIVATED;
import static io.hostmod.runtime.Event.HOST_DEACTIVATED;
import static io.hostmod.runtime.Event.MODULE_LOADED;
import static io.hostmod.runtime.Event.MODULE_RECONFIGURED;
import static io.hostmod.runtime.Event.MODULE_RELOADED;
import static io.hostmod.runtime.Event.MODULE_UNLOADED;
import static io.hostmod.runtime.ModuleException.BAD_CONFIG;
import static io.hostmod.runtime.ModuleException.RECONFIGURE_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ConfigChanges;
import io.hostmod.runtime.ConfigChanges.HostChanges;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code reconfigure} applies a new configuration, and only what differs: hosts added and removed,
 * modules enabled and disabled per host, new option values taken in place by {@code @Reconfigure}
 * or by a reload with state; a bad configuration is refused whole, with every problem listed.
 *
 * <p>{@code tuned} has {@code @Reconfigure}; {@code plain_tuned} has an option and no {@code
 * @Reconfigure}; {@code roster} has no option.
 */
class ReconfigureTest extends ManagerTestBase {

  private static final String C = "c.example";
  private static final List<String> LIFECYCLE = List.of(
      HOST_ACTIVATED, HOST_DEACTIVATED, MODULE_LOADED, MODULE_UNLOADED, MODULE_RELOADED, MODULE_RECONFIGURED);

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  private final List<ConfigChanges> reloaded = new CopyOnWriteArrayList<>();

  private static final ServerConfig BASE =
      ServerConfig.builder()
          .enable("roster")
          .host(A, a -> a.enable("tuned", "plain_tuned"))
          .host(B, b -> b.enable("tuned"))
          .build();

  /** Starts with {@link #BASE} or another configuration, listening to every lifecycle event. */
  private EventLog start(ServerConfig config) {
    configure(config);
    Journal.take();
    manager.hook(GLOBAL, CONFIG_RELOADED, 0, event -> reloaded.add(event.data(ConfigChanges.class)));
    return EventLog.listen(manager, GLOBAL, LIFECYCLE.toArray(String[]::new));
  }

  @Test
  void aHostTheConfigurationAddsIsActivatedWithItsModuleSet() {
    EventLog events = start(BASE);

    ConfigChanges changes = manager.reconfigure(manager.config().withHost(C, c -> c.enable("tuned")));

    assertEquals(Set.of(GLOBAL, A, B, C), manager.activeHosts());
    assertEquals(Set.of("roster", "tuned"), manager.loadedModules(C));
    assertEquals(
        List.of("roster.new c.example", "roster.load c.example", "tuned.new c.example", "tuned.load 10 hi c.example"),
        Journal.take());
    assertEquals(
        List.of("host-activated c.example", "module-loaded roster c.example", "module-loaded tuned c.example"),
        events.take());
    assertEquals(new ConfigChanges(List.of(C), List.of(), Map.of(), List.of()), changes);
    assertEquals(List.of(changes), reloaded);
    log.assertQuiet();
  }

  @Test
  void aHostTheConfigurationNoLongerListsIsDeactivated() {
    EventLog events = start(BASE);

    ConfigChanges changes = manager.reconfigure(manager.config().withoutHost(B));

    assertEquals(Set.of(GLOBAL, A), manager.activeHosts());
    assertEquals(List.of("tuned.unload b.example", "roster.unload b.example"), Journal.take());
    assertEquals(
        List.of("module-unloaded tuned b.example", "module-unloaded roster b.example", "host-deactivated b.example"),
        events.take());
    assertEquals(List.of(B), changes.hostsDeactivated());
    assertTrue(changes.modules().isEmpty(), changes::toString);
    fails(ModuleException.UNKNOWN_HOST, () -> manager.activateHost(B));
  }

  @Test
  void removingTheLastListedHostsDeactivatesThemToo() {
    start(BASE);

    manager.reconfigure(manager.config().withoutHost(A).withoutHost(B));

    assertEquals(Set.of(GLOBAL), manager.activeHosts());
    // A configuration that lists no host lets any host be activated.
    manager.activateHost(C);
  }

  @Test
  void hostsActivatedWhileNoHostWasListedStayWhileNoneIs() {
    EventLog events = start(ServerConfig.builder().enable("roster").build());

    ConfigChanges changes = manager.reconfigure(ServerConfig.builder().enable("roster", "tuned").build());

    assertEquals(Set.of(GLOBAL, A, B), manager.activeHosts());
    assertEquals(List.of("module-loaded tuned a.example", "module-loaded tuned b.example"), events.take());
    assertEquals(List.of("tuned"), changes.modules().get(B).loaded());
  }

  @Test
  void modulesTheHostsSetAddsAreLoadedAndThoseItDropsUnloadedElsewhereNothingMoves() {
    EventLog events = start(BASE);
    TunedModule onB = manager.instance(B, TunedModule.class);

    ConfigChanges changes = manager.reconfigure(
        manager.config().withHost(A, a -> a.enable("plain_tuned", "welcome").disable("tuned")));

    assertEquals(Set.of("chat", "plain_tuned", "roster", "welcome"), manager.loadedModules(A));
    assertEquals(List.of("tuned.unload a.example"), Journal.take().subList(0, 1));
    assertEquals(
        List.of("module-unloaded tuned a.example", "module-loaded chat *", "module-loaded stats *",
            "module-loaded chat a.example", "module-loaded welcome a.example"),
        events.take());
    assertEquals(Map.of(A, new HostChanges(List.of("welcome"), List.of("tuned"), List.of(), List.of())), changes.modules());
    assertSame(onB, manager.instance(B, TunedModule.class));
  }

  @Test
  void aModuleWhoseOptionChangedTakesItThroughReconfigureAndTheOthersAreNotTouched() {
    EventLog events = start(BASE);
    TunedModule tuned = manager.instance(A, TunedModule.class);
    PlainTunedModule plain = manager.instance(A, PlainTunedModule.class);
    TunedModule onB = manager.instance(B, TunedModule.class);

    ConfigChanges changes = manager.reconfigure(
        manager.config().withHost(A, a -> a.enable("tuned", "plain_tuned").option("tuned_limit", 20)));

    assertEquals(List.of("tuned.reconfigure 20 hi a.example"), Journal.take());
    assertSame(tuned, manager.instance(A, TunedModule.class));
    assertEquals(20, tuned.limit);
    assertSame(plain, manager.instance(A, PlainTunedModule.class));
    assertSame(onB, manager.instance(B, TunedModule.class));
    assertEquals(10, onB.limit);
    assertEquals(List.of("module-reconfigured tuned a.example"), events.take());
    assertEquals(Map.of(A, new HostChanges(List.of(), List.of(), List.of("tuned"), List.of())), changes.modules());
    log.assertQuiet();
  }

  @Test
  void aModuleWithoutReconfigureIsReloadedWithItsStateAndTheOthersAreNotTouched() {
    EventLog events = start(BASE);
    TunedModule tuned = manager.instance(A, TunedModule.class);
    PlainTunedModule plain = manager.instance(A, PlainTunedModule.class);
    plain.messages.add("kept");

    ConfigChanges changes = manager.reconfigure(
        manager.config().withHost(A, a -> a.enable("tuned", "plain_tuned").option("plain_limit", 7)));

    assertEquals(
        List.of("plain_tuned.save a.example", "plain_tuned.unload a.example", "plain_tuned.new a.example",
            "plain_tuned.load 7 a.example", "plain_tuned.restore 7 a.example"),
        Journal.take());
    PlainTunedModule now = manager.instance(A, PlainTunedModule.class);
    assertNotSame(plain, now);
    assertEquals(7, now.limit);
    assertEquals(List.of("kept"), now.messages);
    assertSame(tuned, manager.instance(A, TunedModule.class));
    assertEquals(List.of("module-reloaded plain_tuned a.example"), events.take());
    assertEquals(Map.of(A, new HostChanges(List.of(), List.of(), List.of(), List.of("plain_tuned"))), changes.modules());
  }

  @Test
  void aChangedGlobalValueReachesTheHostsThatInheritItOnly() {
    start(ServerConfig.builder()
        .enable("roster")
        .option("tuned_limit", 10)
        .host(A, a -> a.enable("tuned").option("tuned_limit", 15))
        .host(B, b -> b.enable("tuned"))
        .build());
    TunedModule onB = manager.instance(B, TunedModule.class);

    ConfigChanges changes = manager.reconfigure(ServerConfig.builder()
        .enable("roster")
        .option("tuned_limit", 30)
        .host(A, a -> a.enable("tuned").option("tuned_limit", 15))
        .host(B, b -> b.enable("tuned"))
        .build());

    assertEquals(List.of("tuned.reconfigure 30 hi b.example"), Journal.take());
    assertSame(onB, manager.instance(B, TunedModule.class));
    assertEquals(Map.of(B, new HostChanges(List.of(), List.of(), List.of("tuned"), List.of())), changes.modules());
  }

  @Test
  void anOptionThatLosesItsValueReloadsTheModuleToGetItsDefault() {
    start(BASE.withHost(A, a -> a.enable("tuned").option("tuned_greeting", "hello")));
    TunedModule tuned = manager.instance(A, TunedModule.class);
    assertEquals("hello", tuned.greeting);

    manager.reconfigure(BASE.withHost(A, a -> a.enable("tuned")));

    assertEquals(
        List.of("tuned.save a.example", "tuned.unload a.example", "tuned.new a.example", "tuned.load 10 hi a.example",
            "tuned.restore 10 hi a.example"),
        Journal.take());
    assertEquals("hi", manager.instance(A, TunedModule.class).greeting);
  }

  @Test
  void aReconfigureThatThrowsIsReportedAndTheModuleReloadedWithTheNewValues() {
    EventLog events = start(BASE);
    TunedModule tuned = manager.instance(A, TunedModule.class);
    tuned.messages.add("kept");
    Journal.failAt("tuned.reconfigure 20 hi a.example");

    ConfigChanges changes = manager.reconfigure(
        manager.config().withHost(A, a -> a.enable("tuned", "plain_tuned").option("tuned_limit", 20)));

    assertEquals(
        List.of("tuned.reconfigure 20 hi a.example", "tuned.save a.example", "tuned.unload a.example",
            "tuned.new a.example", "tuned.load 20 hi a.example", "tuned.restore 20 hi a.example"),
        Journal.take());
    TunedModule now = manager.instance(A, TunedModule.class);
    assertNotSame(tuned, now);
    assertEquals(List.of("kept"), now.messages);
    assertEquals(1, changes.failures().size());
    ModuleException failure = changes.failures().get(0);
    assertEquals(RECONFIGURE_FAILED, failure.code());
    assertReport(failure, "tuned", A, "@Reconfigure", "reloaded");
    assertTrue(failure.getCause() instanceof Journal.Fault, () -> String.valueOf(failure.getCause()));
    assertEquals(Map.of(A, new HostChanges(List.of(), List.of(), List.of(), List.of("tuned"))), changes.modules());
    assertEquals(List.of("module-reloaded tuned a.example"), events.take());
  }

  @Test
  void aModuleThatFailsToLoadIsReportedAndEveryOtherChangeApplied() {
    start(BASE);
    Journal.failAt("plain_tuned.load 5 b.example");

    ConfigChanges changes = manager.reconfigure(
        manager.config().withHost(B, b -> b.enable("tuned", "plain_tuned")).withHost(C));

    assertEquals(Set.of(GLOBAL, A, B, C), manager.activeHosts());
    assertEquals(Set.of("roster", "tuned"), manager.loadedModules(B));
    assertEquals(1, changes.failures().size());
    assertEquals(ModuleException.LOAD_FAILED, changes.failures().get(0).code());
    assertEquals(io.hostmod.runtime.ModuleState.FAILED, statusOf(B, "plain_tuned").state());
    assertEquals(List.of(C), changes.hostsActivated());
  }

  @Test
  void aConfigurationWithSeveralErrorsIsRefusedWholeListingEachAndNothingChanges() {
    EventLog events = start(BASE);
    ServerConfig before = manager.config();
    TunedModule tuned = manager.instance(A, TunedModule.class);
    ServerConfig bad = ServerConfig.builder()
        .enable("roster", "rooster")
        .disable("chat")
        .option("tuned_limit", "lots")
        .host(A, a -> a.enable("tuned", "welcome").option("plain_limit", 1.5))
        .host(B, b -> b.enable("keyed").disable("ghost"))
        .host(C, c -> c.enable("tuned"))
        .build();

    ModuleException refused = fails(BAD_CONFIG, () -> manager.reconfigure(bad));

    String message = refused.getMessage();
    for (String problem : List.of(
        "the configuration has 6 problems, so nothing was changed",
        "the global section modules_enabled: no module 'rooster' is installed",
        "the global section option 'tuned_limit': \"lots\" (a String) cannot be read as Integer, as module 'tuned' reads it",
        "host 'a.example' option 'plain_limit': 1.5 (a Double) cannot be read as Long, as module 'plain_tuned' reads it",
        "host 'b.example' modules_disabled: no module 'ghost' is installed",
        "the global section modules_disabled: module 'welcome', which host 'a.example' loads, depends on 'chat', disabled there",
        "host 'b.example' option 'keyed_secret': module 'keyed', which host 'b.example' loads, requires it (String)")) {
      assertTrue(message.contains(problem), () -> message + "\nshould say: " + problem);
    }
    assertSame(before, manager.config());
    assertEquals(Set.of(GLOBAL, A, B), manager.activeHosts());
    assertEquals(Set.of("plain_tuned", "roster", "tuned"), manager.loadedModules(A));
    assertSame(tuned, manager.instance(A, TunedModule.class));
    assertEquals(10, tuned.limit);
    assertEquals(List.of(), Journal.take());
    assertEquals(List.of(), events.take());
    assertEquals(List.of(), reloaded);
  }

  @Test
  void theSameConfigurationAgainChangesNothing() {
    EventLog events = start(BASE);

    ConfigChanges changes = manager.reconfigure(BASE);

    assertTrue(changes.isEmpty(), changes::toString);
    assertEquals(List.of(), Journal.take());
    assertEquals(List.of(), events.take());
    assertEquals(List.of(changes), reloaded);
  }

  @Test
  void aReconfigureCalledFromAReconfigureIsRefused() {
    start(BASE);
    List<ModuleException> refused = new CopyOnWriteArrayList<>();
    manager.hook(A, MODULE_RECONFIGURED, 0, event -> {
      try {
        manager.reconfigure(BASE);
      } catch (ModuleException busy) {
        refused.add(busy);
      }
    });

    manager.reconfigure(BASE.withHost(A, a -> a.enable("tuned", "plain_tuned").option("tuned_limit", 3)));

    // The event is delivered once the reconfigure holds no claim, but before it ends.
    assertEquals(1, refused.size());
    assertEquals(ModuleException.MODULE_BUSY, refused.get(0).code());
  }
}
