package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.DUPLICATE_MODULE;
import static io.hostmod.runtime.ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.HOST_ALREADY_ACTIVE;
import static io.hostmod.runtime.ModuleException.INSUFFICIENT_PARAMETERS;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.MODULE_BUSY;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_FOUND;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static io.hostmod.runtime.ModuleException.SAVE_STATE_FAILED;
import static io.hostmod.runtime.ModuleException.UNKNOWN_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/**
 * Every code of {@link ModuleException}: when it is thrown, what {@code module()} and {@code
 * host()} say, that the message says what to do, and that the failed call changed nothing. (What
 * a failed load or reload leaves behind is the subject of {@link FailureRollbackTest} and {@link
 * ReloadTest}.)
 */
class ErrorCodeTest extends ManagerTestBase {

  private static final String NOWHERE = "nowhere.example";

  @Test
  void unknownHost() {
    ModuleException failure = fails(UNKNOWN_HOST, () -> manager.load(NOWHERE, "roster"));

    assertReport(failure, "roster", NOWHERE, "activateHost(\"nowhere.example\")");
    fails(UNKNOWN_HOST, () -> manager.unload(NOWHERE, "roster"));
    fails(UNKNOWN_HOST, () -> manager.reload(NOWHERE, "roster"));
    fails(UNKNOWN_HOST, () -> manager.instance(NOWHERE, RosterModule.class));
    fails(UNKNOWN_HOST, () -> manager.loadedModules(NOWHERE));
    fails(UNKNOWN_HOST, () -> manager.deactivateHost(NOWHERE));
    assertFalse(manager.isLoaded(NOWHERE, "roster"));
    assertEquals(List.of(), Journal.take());
  }

  @ParameterizedTest
  @NullAndEmptySource
  void insufficientParameters(String missing) {
    List<ModuleException> failures =
        List.of(
            fails(INSUFFICIENT_PARAMETERS, () -> manager.load(missing, "roster")),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.unload(missing, "roster")),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.reload(missing, "roster")),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.isLoaded(missing, "roster")),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.loadedModules(missing)),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.activateHost(missing)),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.deactivateHost(missing)));
    for (ModuleException failure : failures) {
      assertReport(failure, null, null, "host is null or empty", "pass a non-empty name");
    }
    List<ModuleException> nameless =
        List.of(
            fails(INSUFFICIENT_PARAMETERS, () -> manager.load(A, missing)),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.unload(A, missing)),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.reload(A, missing)),
            fails(INSUFFICIENT_PARAMETERS, () -> manager.isLoaded(A, missing)));
    for (ModuleException failure : nameless) {
      assertReport(failure, null, null, "module name is null or empty", "pass a non-empty name");
    }
    assertEquals(List.of(), Journal.take());
  }

  @Test
  void moduleNotFound() {
    ModuleException failure = fails(MODULE_NOT_FOUND, () -> manager.load(A, "muc"));

    assertReport(failure, "muc", null, "no catalog has a module named 'muc'", "class path");
    fails(MODULE_NOT_FOUND, () -> manager.unload(A, "muc"));
    fails(MODULE_NOT_FOUND, () -> manager.reload(A, "muc"));
    assertReport(
        fails(MODULE_NOT_FOUND, () -> manager.instance(A, String.class)),
        null,
        null,
        "java.lang.String",
        "hostmod processor");
    // A manager without catalogs knows no module at all.
    ModuleManager empty = ModuleManager.builder().build();
    fails(MODULE_NOT_FOUND, () -> empty.load(GLOBAL, "roster"));
  }

  @Test
  void moduleAlreadyLoadedOnTheSameHost() {
    given(A, "roster");
    given(A, "chat");
    given(GLOBAL, "stats");
    RosterModule roster = manager.instance(A, RosterModule.class);

    assertReport(
        fails(MODULE_ALREADY_LOADED, () -> manager.load(A, "roster")),
        "roster",
        A,
        "already loaded on host 'a.example'",
        "use reload");
    fails(MODULE_ALREADY_LOADED, () -> manager.load(A, "chat"));
    fails(MODULE_ALREADY_LOADED, () -> manager.load(GLOBAL, "chat"));
    fails(MODULE_ALREADY_LOADED, () -> manager.load(GLOBAL, "stats"));

    // No second instance was even created, and the first one is still there.
    assertEquals(List.of(), Journal.take());
    assertSame(roster, manager.instance(A, RosterModule.class));
  }

  @Test
  void globalModuleAlreadyLoadedForAnyHost() {
    given(A, "stats");
    StatsModule stats = manager.instance(GLOBAL, StatsModule.class);

    assertReport(
        fails(GLOBAL_MODULE_ALREADY_LOADED, () -> manager.load(B, "stats")),
        "stats",
        B,
        "already loaded on \"*\"",
        "cannot be loaded on host 'b.example'");
    // The host it was first asked for has no copy of its own either.
    fails(GLOBAL_MODULE_ALREADY_LOADED, () -> manager.load(A, "stats"));

    assertEquals(List.of(), Journal.take());
    assertSame(stats, manager.instance(GLOBAL, StatsModule.class));
  }

  @Test
  void moduleNotLoaded() {
    assertReport(
        fails(MODULE_NOT_LOADED, () -> manager.unload(A, "roster")),
        "roster",
        A,
        "load it first with load(\"a.example\", \"roster\")");
    fails(MODULE_NOT_LOADED, () -> manager.reload(A, "roster"));
    fails(MODULE_NOT_LOADED, () -> manager.instance(A, RosterModule.class));
    fails(MODULE_NOT_LOADED, () -> chatOn(A));
    // A global module lives on "*", never on the host it was asked for.
    given(A, "stats");
    fails(MODULE_NOT_LOADED, () -> manager.unload(A, "stats"));
    assertTrue(manager.isLoaded(GLOBAL, "stats"));
    assertEquals(List.of(), Journal.take());
  }

  @Test
  void saveStateFailed() {
    given(A, "roster");
    Journal.failAt("roster.save a.example");

    ModuleException failure = fails(SAVE_STATE_FAILED, () -> manager.reload(A, "roster"));

    assertReport(
        failure, "roster", A, "@Save", "the reload was aborted", "the old instance is still loaded");
    assertInstanceOf(Journal.Fault.class, failure.getCause());
  }

  @Test
  void loadFailedCarriesTheModulesException() {
    Journal.failAt("roster.new a.example");

    ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "roster"));

    assertReport(
        failure, "roster", A, "the constructor", "injected fault", "fix the cause and load it again");
    Journal.Fault cause = assertInstanceOf(Journal.Fault.class, failure.getCause());
    assertEquals("injected fault at roster.new a.example", cause.getMessage());
  }

  @Test
  void hostAlreadyActive() {
    given(A, "roster");

    ModuleException failure = fails(HOST_ALREADY_ACTIVE, () -> manager.activateHost(A));

    assertReport(failure, null, A, "deactivate it before activating it again");
    assertTrue(manager.isLoaded(A, "roster"), "the active host keeps its modules");
  }

  @Test
  void duplicateModuleInTwoCatalogs() {
    ModuleManager.Builder builder =
        ModuleManager.builder().discoverCatalogs().catalog(new SecondChatCatalog());

    ModuleException failure = fails(DUPLICATE_MODULE, builder::build);

    assertReport(failure, "chat", null, SecondChatCatalog.class.getName(), "@Module(name = ...)");
  }

  @Test
  void moduleBusyWhenALifecycleMethodCallsBackForItsOwnModule() {
    ReentrantModule.manager = manager;
    try {
      ModuleException failure = fails(LOAD_FAILED, () -> manager.load(A, "reentrant"));

      ModuleException busy = assertInstanceOf(ModuleException.class, failure.getCause());
      assertEquals(MODULE_BUSY, busy.code());
      assertReport(busy, "reentrant", A, "after the lifecycle method returns");
      assertFalse(manager.isLoaded(A, "reentrant"));
    } finally {
      ReentrantModule.manager = null;
    }
  }

  /** A second catalog that lists the generated chat binding again, as a second jar might. */
  static final class SecondChatCatalog implements ModuleCatalog {
    @Override
    public List<ModuleBinding<?>> bindings() {
      return List.of(generatedBinding("chat"));
    }
  }
}
