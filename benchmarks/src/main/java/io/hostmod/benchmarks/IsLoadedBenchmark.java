package io.hostmod.benchmarks;

import io.hostmod.benchmarks.limit.HandWrittenServer;
import io.hostmod.benchmarks.modules.FiftyModules;
import io.hostmod.benchmarks.peer.ReflectiveServer;
import io.hostmod.runtime.ModuleManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code isLoaded(host, module)} on a server with 100 active hosts of 50 modules each: the read a
 * server does on every request that depends on a module.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class IsLoadedBenchmark {

  static final int HOSTS = 100;

  /** Which host and module to ask for: a shared module's host part, on the middle host. */
  @State(Scope.Thread)
  public abstract static class Question {
    String host = Hosts.names(HOSTS)[HOSTS / 2];
    String module = "s05";
  }

  @State(Scope.Thread)
  public static class OnHostmod extends Question {
    ModuleManager manager;

    @Setup
    public void setup() {
      manager = Implementation.hostmodManager(FiftyModules.ENABLED, Map.of());
      for (String name : Hosts.names(HOSTS)) {
        manager.activateHost(name);
      }
    }
  }

  @State(Scope.Thread)
  public static class OnHandWritten extends Question {
    HandWrittenServer server;

    @Setup
    public void setup() {
      server = new HandWrittenServer(FiftyModules.ENABLED, Map.of());
      for (String name : Hosts.names(HOSTS)) {
        server.activateHost(name);
      }
    }
  }

  @State(Scope.Thread)
  public static class OnReflective extends Question {
    ReflectiveServer server;

    @Setup
    public void setup() {
      server = new ReflectiveServer(Implementation.MODULE_CLASSES, FiftyModules.ENABLED, Map.of());
      for (String name : Hosts.names(HOSTS)) {
        server.activateHost(name);
      }
    }
  }

  @Benchmark
  public boolean hostmod(OnHostmod state) {
    return state.manager.isLoaded(state.host, state.module);
  }

  @Benchmark
  public boolean handWritten(OnHandWritten state) {
    return state.server.isLoaded(state.host, state.module);
  }

  @Benchmark
  public boolean reflective(OnReflective state) {
    return state.server.isLoaded(state.host, state.module);
  }
}
