package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code withHost} and {@code withoutHost} derive a new configuration, leaving the one they are
 * called on as it was, and refuse what the builder refuses.
 */
class ServerConfigDerivationTest {

  private static final ServerConfig BASE =
      ServerConfig.builder()
          .enable("roster")
          .option("history_limit", 50)
          .host("a.example", a -> a.enable("muc"))
          .host("b.example")
          .build();

  @Test
  void withHostAddsASectionAtTheEndAndKeepsTheRest() {
    ServerConfig next = BASE.withHost("c.example", c -> c.enable("welcome").disable("roster").option("history_limit", 5));

    assertEquals(List.of("a.example", "b.example", "c.example"), List.copyOf(next.hosts().keySet()));
    assertEquals(List.of("welcome"), next.modulesFor("c.example", List.of()));
    assertEquals(Optional.of(5L), next.option("c.example", "history_limit"));
    assertEquals(BASE.global(), next.global());
    assertEquals(BASE.host("a.example"), next.host("a.example"));
    assertEquals(List.of("a.example", "b.example"), List.copyOf(BASE.hosts().keySet()), "the original is unchanged");
  }

  @Test
  void withHostReplacesAListedHostsSectionInItsPlace() {
    ServerConfig next = BASE.withHost("a.example", a -> a.option("history_limit", 7));

    assertEquals(List.of("a.example", "b.example"), List.copyOf(next.hosts().keySet()));
    assertEquals(List.of(), next.host("a.example").modulesEnabled());
    assertEquals(Optional.of(7L), next.option("a.example", "history_limit"));
    assertEquals(List.of("muc"), BASE.host("a.example").modulesEnabled());
  }

  @Test
  void withHostWithoutASectionListsTheHostEmpty() {
    ServerConfig next = BASE.withHost("c.example");

    assertTrue(next.hosts().containsKey("c.example"));
    assertEquals(List.of("roster"), next.modulesFor("c.example", List.of()));
  }

  @Test
  void withoutHostRemovesTheSectionAndIsItselfForAHostNotListed() {
    ServerConfig next = BASE.withoutHost("a.example");

    assertEquals(List.of("b.example"), List.copyOf(next.hosts().keySet()));
    assertEquals(BASE.global(), next.global());
    assertTrue(BASE.hosts().containsKey("a.example"));
    assertSame(BASE, BASE.withoutHost("z.example"));
  }

  @Test
  void derivingRefusesWhatTheBuilderRefuses() {
    assertThrows(IllegalArgumentException.class, () -> BASE.withHost("*"));
    assertThrows(IllegalArgumentException.class, () -> BASE.withHost(""));
    assertThrows(IllegalArgumentException.class, () -> BASE.withHost("c .example"));
    assertThrows(IllegalArgumentException.class, () -> BASE.withoutHost("*"));
    assertThrows(IllegalArgumentException.class, () -> BASE.withHost("c.example", c -> c.enable("x").disable("x")));
    assertThrows(IllegalArgumentException.class, () -> BASE.withHost("c.example", c -> c.option("modules_enabled", "x")));
    assertThrows(IllegalArgumentException.class, () -> BASE.withHost("c.example", c -> c.option("k", new Object())));
  }
}
