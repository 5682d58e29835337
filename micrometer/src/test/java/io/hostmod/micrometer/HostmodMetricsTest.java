package io.hostmod.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.Registration;
import io.hostmod.runtime.ServerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A module's meters tagged with host and module and removed on unload; the manager's own figures. */
class HostmodMetricsTest {

  private static final String A = "a.example";
  private static final String B = "b.example";

  private ModuleManager manager;

  @BeforeEach
  void start() {
    MeteredModule.REGISTRY.clear();
    manager = ModuleManager.builder()
        .discoverCatalogs()
        .config(ServerConfig.builder().host(A).host("c.example").host(B, section -> section.option("fail_load", true)).build())
        .build();
    manager.activateHost(A);
  }

  @AfterEach
  void stop() {
    manager.shutdown();
    MeteredModule.REGISTRY.clear();
  }

  private static Counter messages(String host) {
    return MeteredModule.REGISTRY.find("metered.messages").tags("host", host, "module", "metered").counter();
  }

  @Test
  void aModulesMetersCarryItsHostAndModule() {
    manager.activateHost("c.example");
    manager.load(A, "metered");
    manager.load("c.example", "metered");

    manager.instance(A, MeteredModule.class).messages.increment(2);

    assertEquals(2.0, messages(A).count());
    assertEquals(0.0, messages("c.example").count());
    assertNotNull(MeteredModule.REGISTRY.find("metered.rooms").tags("host", A, "module", "metered").gauge());
    assertEquals(2, MeteredModule.REGISTRY.find("metered.messages").counters().size());
  }

  @Test
  void aModulesMetersAreRemovedWhenItUnloads() {
    manager.activateHost("c.example");
    manager.load(A, "metered");
    manager.load("c.example", "metered");
    MeteredModule unloaded = manager.instance(A, MeteredModule.class);

    manager.unload(A, "metered");

    assertNull(messages(A), "gone with its module");
    assertNull(MeteredModule.REGISTRY.find("metered.rooms").tags("host", A).gauge());
    assertNotNull(messages("c.example"), "the other host's module keeps its meters");
    unloaded.meters.counter("metered.late").increment();
    assertNull(MeteredModule.REGISTRY.find("metered.late").counter(), "the unloaded instance's view reaches nothing");
  }

  @Test
  void aReloadedModuleCountsAfreshUnderTheSameTags() {
    manager.load(A, "metered");
    manager.instance(A, MeteredModule.class).messages.increment();

    manager.reload(A, "metered");
    manager.instance(A, MeteredModule.class).messages.increment();

    assertEquals(1.0, messages(A).count(), "the old instance's counter went with it");
  }

  @Test
  void theManagersFiguresAreBound() {
    MeterRegistry registry = new SimpleMeterRegistry();
    Registration bound = HostmodMetrics.bind(manager, registry);
    manager.load(A, "metered");
    manager.activateHost(B);
    assertThrows(ModuleException.class, () -> manager.load(B, "metered"));
    // The gauges read objects only they refer to: a collection must not take them (they read NaN).
    for (int i = 0; i < 3; i++) {
      System.gc();
    }

    Timer loads = registry.find(HostmodMetrics.LIFECYCLE).tags("step", "load", "outcome", "ok").timer();
    assertEquals(1, loads.count());
    assertEquals(1, registry.find(HostmodMetrics.LIFECYCLE).tags("step", "host_activation").timer().count());
    assertEquals(1.0, registry.find(HostmodMetrics.FAILURES).tags("step", "load", "code", "load-failed").counter().count());
    assertEquals(1.0, registry.find(HostmodMetrics.MODULES).tags("kind", "per_host", "state", "loaded").gauge().value());
    assertEquals(1.0, registry.find(HostmodMetrics.MODULES).tags("kind", "per_host", "state", "failed").gauge().value());
    assertEquals(0.0, registry.find(HostmodMetrics.MODULES).tags("kind", "shared", "state", "loaded").gauge().value());

    bound.close();
    manager.unload(A, "metered");
    assertEquals(List.of(), registry.getMeters(), "unbound: every meter removed, and no observer left");
  }
}
