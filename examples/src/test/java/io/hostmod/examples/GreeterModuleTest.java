package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hostmod.test.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GreeterModuleTest {
  @RegisterExtension
  final TestModules modules = TestModules.of(GreeterModule.class).hosts("a.example", "b.example");

  @Test
  void countsVisitsPerHost(GreeterModule_HostProxy greeter) {   // the proxy on a.example
    assertEquals("Hello ada from a.example, visit 1", greeter.greet("ada"));
    assertEquals("Hello ada from a.example, visit 2", greeter.greet("ada"));
    assertEquals("Hello bob from b.example, visit 1",
        modules.hostProxy("b.example", GreeterModule_HostProxy.class).greet("bob"));
  }
}
