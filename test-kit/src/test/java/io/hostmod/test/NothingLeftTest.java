package io.hostmod.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hostmod.runtime.ModuleManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After an unload, nothing of the module is left: no hook, item, timer or onUnload action, no instance. */
class NothingLeftTest {

  @RegisterExtension
  final TestModules modules = TestModules.of(TickerModule.class, ReaderModule.class, HoarderModule.class)
      .hosts("a.example", "b.example");

  @AfterEach
  void emptyTheHoard() {
    HoarderModule.HOARD.clear();
  }

  @Test
  void anUnloadedModuleLeavesNothing() {
    modules.unload("a.example", TickerModule.class);

    modules.assertNothingLeft("a.example", TickerModule.class);
  }

  @Test
  void aModuleStillLoadedIsReportedWithEachThingItHas() {
    AssertionError left = assertThrows(AssertionError.class, () -> modules.assertNothingLeft("a.example", TickerModule.class));

    assertEquals("module 'ticker' unloaded from host 'a.example' left: it is still loaded there (unload it first);"
        + " hook on 'ping'; item under 'ticker'; timer; onUnload action not run (a meter, a connection...)",
        left.getMessage());
  }

  @Test
  void anInstanceKeptByAStaticFieldIsReportedAsNotCollectable() {
    modules.unload("a.example", HoarderModule.class);

    AssertionError left = assertThrows(AssertionError.class, () -> modules.assertNothingLeft("a.example", HoarderModule.class));

    assertEquals("module 'hoarder' unloaded from host 'a.example' left: its instance (HoarderModule) still reachable"
        + " after 20 garbage collections: a static field, a thread, a hook or item of another module, or the test"
        + " itself (a local variable, a parameter) holds it", left.getMessage());
  }

  @Test
  void aSharedModuleLeavesAHostAtOnceAndItsInstanceWithItsLastHost() {
    modules.unload("a.example", ReaderModule.class);
    modules.unload("a.example", StoreModule.class);

    modules.assertNothingLeft("a.example", ReaderModule.class);
    modules.assertNothingLeft("a.example", StoreModule.class); // the global instance still serves b.example

    modules.unload(ModuleManager.GLOBAL, StoreModule.class);

    modules.assertNothingLeft(ModuleManager.GLOBAL, StoreModule.class);
  }
}
