package io.hostmod.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hostmod.runtime.LifecycleObservation;
import io.hostmod.runtime.LifecycleObservation.Step;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A clock the test moves, and the records of what happened: events, items, log lines, lifecycle. */
class ClockAndRecordsTest {

  @RegisterExtension
  final TestModules modules = TestModules.of(TickerModule.class);

  @Test
  void timersFireWhenTheClockMovesAndOnlyThen(TickerModule ticker) {
    modules.advance(Duration.ofSeconds(59));
    assertEquals(0, ticker.ticks());

    modules.advance(Duration.ofSeconds(1));
    assertEquals(1, ticker.ticks());

    modules.advance(Duration.ofMinutes(1));
    modules.advance(Duration.ofMinutes(1));
    assertEquals(3, ticker.ticks());
  }

  @Test
  void recordsEventsWithHostNameModuleAndData() {
    modules.manager().fire(modules.host(), "ping", "hello");
    modules.advance(Duration.ofMinutes(1));

    assertEquals(List.of("ping@test.example null hello", "tick@test.example ticker tick 1"),
        modules.records().events().stream()
            .filter(e -> e.name().equals("ping") || e.name().equals("tick"))
            .map(e -> e.name() + "@" + e.host() + " " + e.module() + " " + e.data())
            .toList());
    assertEquals(1, modules.instance(TickerModule.class).pings(), "the module's @Hook ran too");
  }

  @Test
  void recordsItemsAddedAndRemoved() {
    assertEquals(List.of("ticker of test.example"), modules.records().itemsAdded("ticker"));
    assertEquals(List.of(), modules.records().itemsRemoved("ticker"));

    modules.unload(modules.host(), TickerModule.class);

    assertEquals(List.of("ticker of test.example"), modules.records().itemsRemoved("ticker"));
  }

  @Test
  void recordsTheModulesLogLinesWithHostAndLevel() {
    modules.advance(Duration.ofMinutes(1));
    modules.unload(modules.host(), TickerModule.class);

    assertEquals(List.of("INFO ticker@test.example: tick 1 on test.example",
            "INFO ticker@test.example: stopped after 1 ticks"),
        modules.records().logs("ticker").stream().map(LogLine::toString).toList());
    assertEquals(Level.INFO, modules.records().logs().get(0).level());
  }

  @Test
  void recordsLifecycleOperationsWithTheirOutcome() {
    modules.unload(modules.host(), TickerModule.class);

    assertEquals(List.of("HOST_ACTIVATION test.example null ok", "LOAD test.example ticker ok", "UNLOAD test.example ticker ok"),
        modules.records().lifecycle().stream()
            .map(o -> o.step() + " " + o.host() + " " + o.module() + " " + o.outcome())
            .toList());
    List<LifecycleObservation> unloads =
        modules.records().lifecycle().stream().filter(o -> o.step() == Step.UNLOAD).toList();
    assertEquals(1, unloads.size());
  }
}
