package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_FOUND;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each weak spot of Prosody's module manager that {@code prosody-semantics.md} lists (read off its
 * 0.12 source and confirmed by running it), shown absent here, in the order the document gives
 * them; and the one behaviour it keeps on purpose. The probe modules register a hook and an item
 * before each step and keep a {@link Resources} ledger, so what a step leaves behind is visible.
 */
class ProsodyWeakSpotsTest extends ManagerTestBase {

  @BeforeEach
  void freshLedger() {
    Resources.reset();
  }

  /** Prosody: a global instance dropped because its first add_host failed never gets unload. */
  @Test
  void droppedGlobalInstanceIsUnloadedSoItsResourcesAreReleased() {
    Journal.failAt("probe_shared.addHost a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "probe_shared"));

    assertEquals(1, Journal.count("probe_shared.unload *"), "the global instance's @Unload, once");
    assertEquals(List.of(), Resources.openNow());
    assertEquals(List.of(), Resources.violations());
    assertFalse(manager.isLoaded(GLOBAL, "probe_shared"));
  }

  /** Prosody: a shared module whose load fails is loaded anyway when the add_host after it works. */
  @Test
  void failedLoadOfASharedModuleIsNotMaskedByItsFirstHost() {
    Journal.failAt("probe_shared.load *");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "probe_shared"));

    assertReport(failure, "probe_shared", GLOBAL, "@Load");
    assertEquals(0, Journal.count("probe_shared.addHost a.example"), "no host is added to a failed instance");
    assertFalse(manager.isLoaded(A, "probe_shared"));
    assertFalse(manager.isLoaded(GLOBAL, "probe_shared"));
  }

  /** Prosody has no code for a missing module: it returns the file loader's message. */
  @Test
  void missingModuleHasItsOwnCode() {
    ModuleException failure = fails(MODULE_NOT_FOUND, () -> manager.load(A, "mod_nonexistent"));

    assertReport(failure, "mod_nonexistent", null, "no catalog has a module named 'mod_nonexistent'");
  }

  /** Prosody's documentation and code disagree on the code of a second global load. */
  @Test
  void secondLoadOfAGlobalModuleSaysGlobalModuleAlreadyLoaded() {
    given(A, "probe_global");

    fails(GLOBAL_MODULE_ALREADY_LOADED, () -> manager.load(B, "probe_global"));

    assertFalse(manager.isLoaded(A, "probe_global"), "a global module lives on * only, as in Prosody");
    assertTrue(manager.isLoaded(GLOBAL, "probe_global"));
  }

  /** Prosody: the first load of a shared module fires module-loaded for "*" only, never for the host. */
  @Test
  void firstLoadOfASharedModuleFiresModuleLoadedForTheHostToo() {
    EventLog server = EventLog.listen(manager, GLOBAL, Event.MODULE_LOADED);

    manager.load(A, "probe_shared");

    assertEquals(List.of("module-loaded probe_shared *", "module-loaded probe_shared a.example"), server.take());
  }

  /** Prosody: hooks and items an add_host registered before refusing stay registered. */
  @Test
  void refusedAttachRemovesWhatItRegistered() {
    given(A, "probe_shared");
    Journal.failAt("probe_shared.addHost b.example");

    fails(LOAD_FAILED, () -> manager.load(B, "probe_shared"));

    assertEquals(List.of(), manager.items(B, Resources.ITEM));
    Journal.take();
    manager.fire(B, Resources.EVENT, null);
    assertEquals(List.of(), Journal.take(), "no handler of the refused part runs");
    assertEquals(List.of("probe_shared"), manager.items(A, Resources.ITEM), "the host that took it keeps its own");
  }

  /** Prosody: a failed load leaks the hooks it registered before the error. */
  @Test
  void failedLoadRemovesWhatItRegistered() {
    Journal.failAt("probe_local.load a.example");

    fails(LOAD_FAILED, () -> manager.load(A, "probe_local"));

    assertEquals(List.of(), manager.items(A, Resources.ITEM));
    Journal.take();
    manager.fire(A, Resources.EVENT, null);
    assertEquals(List.of(), Journal.take());
  }

  /**
   * Prosody: unloading a shared module from "*" leaves its host parts loaded, their hooks firing
   * against the dead instance, and a later load on such a host says module-already-loaded.
   */
  @Test
  void unloadingASharedModuleFromStarUnloadsEveryHostPartFirst() {
    given(A, "probe_shared");
    given(B, "probe_shared");
    ProbeSharedModule old = manager.instance(GLOBAL, ProbeSharedModule.class);

    manager.unload(GLOBAL, "probe_shared");

    assertEquals(List.of("probe_shared.unloadHost a.example", "probe_shared.unloadHost b.example",
        "probe_shared.unload *"), Journal.take());
    assertFalse(manager.isLoaded(A, "probe_shared"));
    manager.fire(A, Resources.EVENT, null);
    assertEquals(List.of(), Journal.take(), "no hook of the dead instance fires");
    manager.load(A, "probe_shared");
    assertNotSame(old, manager.instance(A, ProbeSharedModule.class));
  }

  /**
   * Prosody: reloading "*" replaces the global instance but never calls add_host again, so the
   * host parts keep pointing at the old instance.
   */
  @Test
  void reloadingStarAttachesEveryHostToTheNewInstance() {
    given(A, "probe_shared");
    given(B, "probe_shared");
    ProbeSharedModule old = manager.instance(GLOBAL, ProbeSharedModule.class);

    manager.reload(GLOBAL, "probe_shared");

    ProbeSharedModule fresh = manager.instance(GLOBAL, ProbeSharedModule.class);
    assertNotSame(old, fresh);
    assertSame(fresh, manager.instance(A, ProbeSharedModule.class));
    assertSame(fresh, manager.instance(B, ProbeSharedModule.class));
    assertEquals(Set.of(A, B), fresh.hosts.keySet(), "@AddHost ran on the new instance for each host");
    assertEquals(Set.of(), old.hosts.keySet(), "@Unload(HostContext) ran on the old one for each");
    assertEquals(List.of(), Resources.violations());
  }

  /** Prosody: reloading a module that was never loaded fires module-unloaded. */
  @Test
  void reloadingAModuleThatIsNotLoadedFiresNothing() {
    EventLog events = EventLog.listen(manager, A, Event.MODULE_UNLOADED, Event.MODULE_RELOADED, Event.MODULE_LOADED);

    fails(MODULE_NOT_LOADED, () -> manager.reload(A, "probe_local"));

    assertEquals(List.of(), events.take());
  }

  /**
   * Kept as Prosody does it, on purpose: a shared module reloaded on one host runs that host's
   * {@code @Unload(HostContext)} and {@code @AddHost} again, and leaves the global instance and
   * its state alone (no global {@code @Save}/{@code @Restore}); the other hosts are untouched.
   */
  @Test
  void reloadingASharedModuleOnOneHostReaddsThatHostOnly() {
    given(A, "probe_shared");
    given(B, "probe_shared");
    ProbeSharedModule shared = manager.instance(GLOBAL, ProbeSharedModule.class);
    shared.state = 42;

    manager.reload(A, "probe_shared");

    assertEquals(List.of("probe_shared.unloadHost a.example", "probe_shared.addHost a.example"), Journal.take());
    assertSame(shared, manager.instance(GLOBAL, ProbeSharedModule.class));
    assertEquals(42, shared.state);
  }
}
