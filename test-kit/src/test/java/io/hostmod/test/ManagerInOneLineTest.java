package io.hostmod.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ManualClock;
import io.hostmod.runtime.ModuleManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The manager of a test in one line: modules, hosts and options, checked; and what a test method can take. */
class ManagerInOneLineTest {

  @RegisterExtension
  final TestModules modules = TestModules.of(ReaderModule.class, TickerModule.class)
      .hosts("a.example", "b.example")
      .option("tick_text", "tock")
      .option("b.example", "tick_text", "tick of b");

  @Test
  void loadsTheModulesWithTheirDependenciesOnEveryHost(ModuleManager manager) {
    assertEquals(Set.of("reader", "store", "ticker"), manager.loadedModules("a.example"));
    assertEquals(Set.of("reader", "store", "ticker"), manager.loadedModules("b.example"));
    assertEquals(Set.of("store"), manager.loadedModules(ModuleManager.GLOBAL));
    assertEquals("a.example", modules.host());
  }

  @Test
  void givesEachHostItsOptions() {
    modules.advance(Duration.ofMinutes(1));

    assertEquals(List.of("tock 1"), modules.records().events("a.example", "tick").stream().map(e -> e.data()).toList());
    assertEquals(List.of("tick of b 1"), modules.records().events("b.example", "tick").stream().map(e -> e.data()).toList());
  }

  @Test
  void injectsTheManagerTheKitTheClockAndModulesOfTheDefaultHost(
      ModuleManager manager, TestModules kit, ManualClock clock, Records records,
      ReaderModule reader, StoreModule store, StoreModule_HostProxy storeProxy) {
    assertSame(modules, kit);
    assertSame(modules.manager(), manager);
    assertSame(modules.clock(), clock);
    assertSame(modules.records(), records);
    assertSame(manager.instance("a.example", ReaderModule.class), reader);
    assertSame(manager.instance("a.example", StoreModule.class), store);
    assertEquals("a.example", storeProxy.host());

    storeProxy.put("greeting", "hello");

    assertEquals("hello", reader.read("greeting"));
  }

  @Test
  void aMisspeltOptionKeyFailsNamingTheKeyAndWhatEachModuleDeclares() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> TestModules.of(ReaderModule.class, TickerModule.class).option("a.example", "tik_text", "x").start());

    assertEquals("option 'tik_text' (host 'a.example') is declared by no module of this test: reader declares"
        + " none, store declares none, ticker declares [tick_text]. Use a declared key, or name a key a module"
        + " reads by hand (ModuleContext.option) in undeclaredOptions(...)", refused.getMessage());
  }

  @Test
  void aKeyReadByHandIsTakenOnceNamed() {
    try (TestModules started = TestModules.of(TickerModule.class).undeclaredOptions("motd").option("motd", "hi").start()) {
      assertEquals("hi", started.manager().config().option(TestModules.DEFAULT_HOST, "motd").orElseThrow());
      assertTrue(started.manager().isLoaded(TestModules.DEFAULT_HOST, "ticker"));
    }
  }

  @Test
  void aClassThatIsNoModuleIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TestModules.of(String.class).start());

    assertEquals("java.lang.String is no module of any catalog on the class path: a @Module class compiled with"
        + " hostmod-processor on the annotation processor path", refused.getMessage());
  }

  @Test
  void usedAloneItStartsAndShutsDown() {
    TestModules alone = TestModules.of(TickerModule.class);
    assertThrows(IllegalStateException.class, alone::manager);

    ModuleManager manager;
    try (TestModules started = alone.start()) {
      manager = started.manager();
      assertEquals(Set.of("ticker"), manager.loadedModules(TestModules.DEFAULT_HOST));
    }

    assertEquals(Set.of(ModuleManager.GLOBAL), manager.activeHosts(), "shut down: every host deactivated");
  }
}
