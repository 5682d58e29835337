package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.INSUFFICIENT_PARAMETERS;
import static io.hostmod.runtime.ModuleException.INVALID_NAME;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_FOUND;
import static io.hostmod.runtime.ModuleException.UNKNOWN_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the runtime gets a clear, specific error and changes nothing: a running host keeps
 * its modules, which keep serving (checked after every test). Covered elsewhere, and not repeated
 * here: null and empty names to load, unload, reload, isLoaded, loadedModules, activateHost and
 * deactivateHost, unknown hosts and modules, two catalogs with the same module name and a
 * dependency cycle across catalogs ({@link ErrorCodeTest}, {@link DependencyTest}); a dependency
 * on a disabled module ({@link DependencyTest}, {@link HostConfigurationTest}); options of the
 * wrong type or missing ({@link OptionsTest}); configuration files ({@code TomlConfigTest} in
 * hostmod-config).
 */
class BadInputTest extends ManagerTestBase {

  private ProbeUserModule serving;

  @BeforeEach
  void aHostServing() {
    Resources.reset();
    manager.load(A, "probe_user");
    serving = manager.instance(A, ProbeUserModule.class);
    Journal.take();
  }

  @AfterEach
  void theHostStillServes() {
    assertSame(serving, manager.instance(A, ProbeUserModule.class));
    assertEquals(Set.of("probe_local", "probe_shared", "probe_user"), manager.loadedModules(A));
    Journal.take();
    manager.fire(A, Resources.EVENT, null);
    assertEquals(3, Journal.take().size(), "every hook of a.example still answers");
  }

  // ---- names

  @ParameterizedTest
  @NullAndEmptySource
  void nullOrEmptyNamesEverywhereElse(String missing) {
    for (Runnable call : List.<Runnable>of(
        () -> manager.hook(missing, "event", 0, event -> {}),
        () -> manager.hook(A, missing, 0, event -> {}),
        () -> manager.fire(missing, "event", null),
        () -> manager.fire(A, missing, null),
        () -> manager.items(missing, "key"),
        () -> manager.items(A, missing),
        () -> manager.instance(missing, ProbeLocalModule.class),
        () -> manager.hostProxy(missing, ProbeSharedModule_HostProxy.class))) {
      ModuleException failure = fails(INSUFFICIENT_PARAMETERS, call::run);
      assertTrue(failure.getMessage().endsWith("is null or empty; pass a non-empty name"), failure::getMessage);
    }
  }

  static Stream<String> malformedHostNames() {
    return Stream.of(" a.example", "a.example ", "chat example", "a.example\n", "a\tb", "a\u00a0b", "a\u0000b",
        "\u2003");
  }

  @ParameterizedTest
  @MethodSource("malformedHostNames")
  void malformedHostNameCannotBeActivated(String host) {
    ModuleException failure = fails(INVALID_NAME, () -> manager.activateHost(host));

    assertEquals(host, failure.host());
    assertTrue(failure.getMessage().contains("has a space or control character (U+"), failure::getMessage);
    assertTrue(failure.getMessage().contains("like 'chat.example'"), failure::getMessage);
    assertEquals(Set.of(GLOBAL, A, B), manager.activeHosts());
    // Nor can anything be done on it: it names no host, which every operation says.
    fails(INVALID_NAME, () -> manager.load(host, "probe_local"));
    fails(INVALID_NAME, () -> manager.unload(host, "probe_local"));
    fails(INVALID_NAME, () -> manager.reload(host, "probe_local"));
    fails(INVALID_NAME, () -> manager.deactivateHost(host));
    fails(INVALID_NAME, () -> manager.fire(host, "event", null));
    assertFalse(manager.isLoaded(host, "probe_local"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Probe_Local", "probe local", "probe-local", "../probe_local", "probe_local\n", "*"})
  void malformedOrUnknownModuleNameIsNotFound(String module) {
    ModuleException failure = fails(MODULE_NOT_FOUND, () -> manager.load(A, module));

    assertReport(failure, module, null, "no catalog has a module named '" + module + "'");
    fails(MODULE_NOT_FOUND, () -> manager.unload(A, module));
    fails(MODULE_NOT_FOUND, () -> manager.reload(A, module));
    assertFalse(manager.isLoaded(A, module));
  }

  @Test
  void theGlobalHostCannotBeActivatedNorDeactivated() {
    assertReport(fails(UNKNOWN_HOST, () -> manager.activateHost(GLOBAL)), null, GLOBAL, "always active");
    assertReport(fails(UNKNOWN_HOST, () -> manager.deactivateHost(GLOBAL)), null, GLOBAL, "always active");
  }

  @Test
  void typesThatAreNoModuleOrProxyAreNotFound() {
    assertReport(fails(MODULE_NOT_FOUND, () -> manager.instance(A, Object.class)), null, null, "java.lang.Object");
    assertReport(fails(INSUFFICIENT_PARAMETERS, () -> manager.instance(A, null)), null, null, "pass a non-empty class");
    fails(INSUFFICIENT_PARAMETERS, () -> manager.hostProxy(A, null));
  }

  // ---- building a configuration in code

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        bad("a host declared twice",
            config -> config.host("a.example").host("a.example"),
            "host 'a.example' is declared twice"),
        bad("a module enabled and disabled in one section",
            config -> config.enable("chat").disable("chat"),
            "module 'chat' is both enabled and disabled in the global section"),
        bad("a module disabled and enabled in a host section",
            config -> config.host("a.example", host -> host.disable("chat").enable("roster", "chat")),
            "module 'chat' is both enabled and disabled in host 'a.example'"),
        bad("an empty module name", config -> config.enable(""), "an empty module name in the global section"),
        bad("a null module name", config -> config.host("a.example", host -> host.disable((String) null)),
            "an empty module name in host 'a.example'"),
        bad("the global host as a host section", config -> config.host(GLOBAL), "global settings go on the builder"),
        bad("an empty host name", config -> config.host(""), "name a real host"),
        bad("a host name with a space", config -> config.host("a .example"), "has a space or control character"),
        bad("a reserved option key", config -> config.option(ServerConfig.MODULES_ENABLED, List.of("chat")),
            "is empty or reserved"),
        bad("an option that is a map", config -> config.option("limits", Map.of("history", 5)),
            "option 'limits' in the global section is a map; use a string, boolean, number, or a list of these"),
        bad("an option that is null", config -> config.host("a.example", host -> host.option("limit", null)),
            "option 'limit' in host 'a.example' is null"),
        bad("an option that is a list of lists", config -> config.option("admins", List.of(List.of("juliet"))),
            "is a list of lists"));
  }

  private static Arguments bad(String what, Consumer<ServerConfig.Builder> build, String hint) {
    return Arguments.of(what, build, hint);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void badConfigurationIsRefusedWhileBuilt(String what, Consumer<ServerConfig.Builder> build, String hint) {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> build.accept(ServerConfig.builder()));

    assertTrue(failure.getMessage().contains(hint), failure::getMessage);
  }

  @Test
  void aHostOutsideTheConfigurationCannotBeActivated() {
    restartWith(ServerConfig.builder().host("a.example").build());
    manager.activateHost(A);
    manager.load(A, "probe_user");
    serving = manager.instance(A, ProbeUserModule.class);

    assertReport(fails(UNKNOWN_HOST, () -> manager.activateHost(B)), null, B, "not in the configuration");
  }
}
