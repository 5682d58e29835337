package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hostmod.micrometer.HostmodMetrics;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.test.LogLine;
import io.hostmod.test.TestModules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request counters in a registry of the test's: the module asks for the server's registry with
 * an event at load, so the test answers it before it loads the module (TestModules used alone).
 */
class RequestMetricsModuleTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TestModules modules = TestModules.of().hosts("a.example", "b.example");

  @BeforeEach
  void loadWithTheTestsRegistry() {
    modules.start();
    modules.manager().hook(ModuleManager.GLOBAL, RequestMetricsModule.REGISTRY, 0,
        event -> event.data(RequestMetricsModule.RegistryRequest.class).answer(registry));
    modules.load("a.example", RequestMetricsModule.class);
    modules.load("b.example", RequestMetricsModule.class);
  }

  @AfterEach
  void stop() {
    modules.close();
  }

  @Test
  void countsEachHostsAnswers() {
    served("a.example");
    served("a.example");
    served("b.example");
    served("unknown.example");

    assertEquals(2.0, requests("a.example"));
    assertEquals(1.0, requests("b.example"));
  }

  @Test
  void aHostsCounterGoesWithItsHostPart() {
    assertEquals(1, modules.manager().registrations("a.example", "request_metrics").unloadActions(),
        "the counter's removal waits for the unload");

    modules.unload("a.example", RequestMetricsModule.class);

    assertEquals(0, registry.find(RequestMetricsModule.REQUESTS).tag(HostmodMetrics.HOST_TAG, "a.example").meters().size());
    assertEquals(1, registry.find(RequestMetricsModule.REQUESTS).meters().size(), "b.example's stays");
    modules.assertNothingLeft("a.example", RequestMetricsModule.class);

    modules.unload(ModuleManager.GLOBAL, RequestMetricsModule.class);

    assertEquals(0, registry.find(RequestMetricsModule.REQUESTS).meters().size());
    modules.assertNothingLeft(ModuleManager.GLOBAL, RequestMetricsModule.class);
  }

  @Test
  void saysSoWhenNoServerGivesItARegistry() {
    try (TestModules alone = TestModules.of(RequestMetricsModule.class).start()) {
      assertEquals(List.of("INFO request_metrics@*: no server answered metrics-registry: counting in a registry of its own"),
          alone.records().logs("request_metrics").stream().map(LogLine::toString).toList());
    }
    assertEquals(List.of(), modules.records().logs("request_metrics"), "this test's registry answered");
  }

  private void served(String host) {
    modules.manager().fire(ModuleManager.GLOBAL, HostRouter.SERVED, new HostRouter.Served(host, "GET", "/", 200, 1));
  }

  private double requests(String host) {
    return registry.get(RequestMetricsModule.REQUESTS).tag(HostmodMetrics.HOST_TAG, host).counter().count();
  }
}
