package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
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

  /** Loads a module as the setup of a test, forgetting the steps that took. */
  final void given(String host, String module) {
    manager.load(host, module);
    Journal.take();
  }

  final ChatModule_HostProxy chatOn(String host) {
    return manager.hostProxy(host, ChatModule_HostProxy.class);
  }

  /** Runs a call that must fail with {@code code}, and returns the failure for further checks. */
  static ModuleException fails(String code, Executable call) {
    ModuleException failure = assertThrows(ModuleException.class, call);
    assertEquals(code, failure.code(), failure::getMessage);
    return failure;
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
