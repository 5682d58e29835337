package io.hostmod.benchmarks;

import io.hostmod.benchmarks.limit.HandWrittenServer;
import io.hostmod.benchmarks.modules.HookModule;
import io.hostmod.benchmarks.peer.ReflectiveServer;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An event fired on one host with 1, 10 or 100 handlers, each calling {@link HookModule#onEvent}.
 * hostmod: {@code ModuleManager.fire} through the host's event bus, where {@link HookModule}'s
 * {@code @Load} registered the handlers with {@code context.hook} (the path {@code @Hook} methods
 * take). Hand-written: a plain map from event name to a handler array, and a direct loop over it.
 * Reflective: the same handler method found by its annotation and called with {@code
 * Method.invoke}, once per subscription (Guava's {@code EventBus}, Spring's {@code @EventListener}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HookDispatchBenchmark {

  static final String HOST = "chat.example";

  @State(Scope.Thread)
  public abstract static class Sized {
    @Param({"1", "10", "100"})
    public int handlers;

    Integer data = 7;
  }

  @State(Scope.Thread)
  public static class OnHostmod extends Sized {
    ModuleManager manager;

    @Setup
    public void setup() {
      manager = Implementation.hostmodManager(List.of(), Map.of(HookModule.HANDLERS_OPTION, handlers));
      manager.activateHost(HOST);
      manager.load(HOST, "hooks");
    }
  }

  @State(Scope.Thread)
  public static class OnHandWritten extends Sized {
    HandWrittenServer server;

    @Setup
    public void setup() {
      server = new HandWrittenServer(List.of(), Map.of(HookModule.HANDLERS_OPTION, handlers));
      server.activateHost(HOST);
      server.load(HOST, "hooks");
    }
  }

  @State(Scope.Thread)
  public static class OnReflective extends Sized {
    ReflectiveServer server;

    @Setup
    public void setup() {
      // The module registers no handler itself; the peer subscribes its annotated method.
      server = new ReflectiveServer(
          Implementation.MODULE_CLASSES, List.of(), Map.of(HookModule.HANDLERS_OPTION, 0));
      server.activateHost(HOST);
      server.load(HOST, "hooks");
      Object module = server.instance(HOST, "hooks");
      for (int i = 0; i < handlers; i++) {
        server.subscribe(HOST, module);
      }
    }
  }

  @Benchmark
  public Event hostmod(OnHostmod state) {
    return state.manager.fire(HOST, HookModule.EVENT, state.data);
  }

  @Benchmark
  public Event handWritten(OnHandWritten state) {
    return state.server.fire(HOST, HookModule.EVENT, state.data);
  }

  @Benchmark
  public Event reflective(OnReflective state) {
    return state.server.fire(HOST, HookModule.EVENT, state.data);
  }
}
