package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.HostStatus;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ModuleStatus;
import io.hostmod.runtime.ServerConfig;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * A fresh manager over the processor-generated catalog, found as a user's server finds it, with
 * two active hosts, and a journal with no steps and no faults.
 */
abstract class ManagerTestBase {

  static final String A = "a.example";
  static final String B = "b.example";
  static final String GLOBAL = ModuleManager.GLOBAL;

  /**
   * The steps of loading welcome on a.example when none of its dependencies is loaded: its
   * per-host, shared and global dependencies first, in the order it declares them.
   */
  static final List<String> WELCOME_ON_A =
      List.of(
          "roster.new a.example",
          "roster.load a.example",
          "chat.new *",
          "chat.load *",
          "chat.addHost a.example",
          "stats.new",
          "stats.load *",
          "welcome.new a.example",
          "welcome.load a.example");

  ModuleManager manager;

  @BeforeEach
  final void startManager() {
    Journal.reset();
    manager = ModuleManager.builder().discoverCatalogs().build();
    manager.activateHost(A);
    manager.activateHost(B);
  }

  @AfterEach
  final void resetJournal() {
    Journal.reset();
  }

  /**
   * The generated binding of a module of this compilation, from its catalog: for a test that puts
   * bindings into catalogs of its own, as two jars would have them.
   */
  static ModuleBinding<?> generatedBinding(String name) {
    return ServiceLoader.load(ModuleCatalog.class).findFirst().orElseThrow().bindings().stream()
        .filter(binding -> binding.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no generated binding of " + name));
  }

  /** Loads a module as the setup of a test, forgetting the steps that took. */
  final void given(String host, String module) {
    manager.load(host, module);
    Journal.take();
  }

  /**
   * Replaces the manager by one with this configuration and these always-loaded modules, over the
   * same catalog; no host is active yet.
   */
  final void restartWith(ServerConfig config, String... alwaysLoaded) {
    manager = ModuleManager.builder().discoverCatalogs().config(config).alwaysLoad(alwaysLoaded).build();
  }

  /** Restarts with this configuration, then activates a.example and b.example as before. */
  final void configure(ServerConfig config) {
    restartWith(config);
    manager.activateHost(A);
    manager.activateHost(B);
  }

  /** What {@code status()} says of a module on a host, or {@code null} if it lists no such module. */
  final ModuleStatus statusOf(String host, String module) {
    HostStatus found =
        manager.status().stream()
            .filter(status -> status.host().equals(host))
            .findFirst()
            .orElseThrow(() -> new AssertionError("status() lists no host " + host));
    return found.modules().stream()
        .filter(status -> status.name().equals(module))
        .findFirst()
        .orElse(null);
  }

  final ChatModule_HostProxy chatOn(String host) {
    return manager.hostProxy(host, ChatModule_HostProxy.class);
  }

  /** The first list followed by the second. */
  static List<String> concat(List<String> first, List<String> then) {
    return Stream.concat(first.stream(), then.stream()).toList();
  }

  /** Runs a call that must fail with {@code code}, and returns the failure for further checks. */
  static ModuleException fails(String code, Executable call) {
    ModuleException failure = assertThrows(ModuleException.class, call);
    assertEquals(code, failure.code(), failure::getMessage);
    return failure;
  }

  /** Runs an operation that may be refused with one of these codes only (as a serial order allows). */
  static void refusedOnlyWith(Runnable operation, String... allowed) {
    try {
      operation.run();
    } catch (ModuleException refused) {
      if (!List.of(allowed).contains(refused.code())) {
        throw refused;
      }
    }
  }

  static void assertContext(String name, String host, ModuleContext context) {
    assertEquals(name, context.name(), "module name in the context");
    assertEquals(host, context.host(), "host in the context");
  }

  /** Checks what a failure concerns and that its message names the code and each hint. */
  static void assertReport(ModuleException failure, String module, String host, String... hints) {
    assertEquals(module, failure.module(), "module()");
    assertEquals(host, failure.host(), "host()");
    String message = failure.getMessage();
    assertTrue(message.startsWith("[" + failure.code() + "] "), message);
    for (String hint : hints) {
      assertTrue(message.contains(hint), () -> "'" + message + "' should say " + hint);
    }
  }
}
