package io.hostmod.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleManager;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The route table keeps a table only for active hosts: tenants come and go. */
class RouteTableTest {

  @Test
  void aDeactivatedHostsTableGoesAndComesBackWithItsNextActivation() {
    ModuleManager modules = ModuleManager.builder().config(ExampleServer.readConfig(null)).discoverCatalogs().build();
    try {
      RouteTable routes = new RouteTable(modules);
      String host = "chat.localhost";
      modules.activateHost(host);
      assertFalse(routes.current(host).at("/chat/messages").isEmpty(), "chat's routes are served");
      assertEquals(Set.of(host), routes.hosts());

      modules.deactivateHost(host);
      assertTrue(routes.hosts().isEmpty(), "the deactivated host's table is gone: " + routes.hosts());

      modules.activateHost(host);
      assertEquals(Set.of(host), routes.hosts(), "made again when the host is activated again");
      assertFalse(routes.current(host).at("/chat/messages").isEmpty(), "and chat's routes are served again");
    } finally {
      modules.shutdown();
    }
  }
}
