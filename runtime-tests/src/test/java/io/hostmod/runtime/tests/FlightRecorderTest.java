package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.LifecycleObservation;
import io.hostmod.runtime.ModuleException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle's JDK Flight Recorder events, recorded to a file and read back with {@code
 * jdk.jfr.consumer}, and the {@code LifecycleObserver} that hears of the same operations.
 */
class FlightRecorderTest extends ManagerTestBase {

  @TempDir Path directory;

  @Test
  void loadUnloadReloadAndHostActivationAreRecorded() throws Exception {
    List<RecordedEvent> events;
    try (Recording recording = new Recording()) {
      for (String name : List.of("io.hostmod.Load", "io.hostmod.Unload", "io.hostmod.Reload", "io.hostmod.HostActivation")) {
        recording.enable(name).withThreshold(java.time.Duration.ZERO);
      }
      recording.start();
      manager.activateHost("c.example");
      manager.load(A, "roster");
      manager.reload(A, "roster");
      manager.unload(A, "roster");
      Journal.failAt("roster.load b.example");
      assertThrows(ModuleException.class, () -> manager.load(B, "roster"));
      recording.stop();
      Path file = directory.resolve("hostmod.jfr");
      recording.dump(file);
      events = RecordingFile.readAllEvents(file);
    }

    List<String> seen = new ArrayList<>();
    for (RecordedEvent event : events) {
      if (event.getEventType().getName().startsWith("io.hostmod.")) {
        seen.add(event.getEventType().getName() + " " + event.getString("module") + " " + event.getString("host")
            + " " + event.getString("outcome"));
        assertTrue(event.getEventType().getCategoryNames().contains("hostmod"), event.getEventType().getCategoryNames()::toString);
        assertTrue(!event.getDuration().isNegative(), "a duration");
      }
    }
    assertEquals(
        List.of(
            "io.hostmod.HostActivation null c.example ok",
            "io.hostmod.Load roster a.example ok",
            "io.hostmod.Reload roster a.example ok",
            "io.hostmod.Unload roster a.example ok",
            "io.hostmod.Load roster b.example load-failed"),
        seen);
  }

  @Test
  void anObserverHearsOfEachOperationWithItsOutcome() {
    List<LifecycleObservation> heard = new ArrayList<>();
    var registration = manager.observe(heard::add);
    manager.load(A, "roster");
    ModuleException refused = assertThrows(ModuleException.class, () -> manager.load(A, "roster"));
    manager.unload(A, "roster");
    registration.close();
    manager.load(A, "roster");

    assertEquals(
        List.of("LOAD roster a.example ok", "LOAD roster a.example " + refused.code(), "UNLOAD roster a.example ok"),
        heard.stream().map(o -> o.step() + " " + o.module() + " " + o.host() + " " + o.outcome()).toList());
    assertTrue(heard.get(0).succeeded());
    assertTrue(!heard.get(1).succeeded());
    assertTrue(!heard.get(0).duration().isNegative());
  }
}
