package io.hostmod.benchmarks;

import io.hostmod.benchmarks.limit.HandWrittenServer;
import io.hostmod.benchmarks.peer.ReflectiveServer;
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
 * Loads the shared module {@code echo} onto N active hosts (the first load creates its global
 * instance, every load calls {@code @AddHost}), unloads it from each host, then unloads the global
 * instance: the work of {@code prosody-modulemanager.lua} in Prosody.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SharedModuleBenchmark {

  static final String MODULE = "echo";

  /** The hosts: N of them, active before the benchmark starts. */
  @State(Scope.Benchmark)
  public abstract static class Sized {
    @Param({"1", "100", "10000"})
    public int hosts;

    protected String[] names;
  }

  @State(Scope.Benchmark)
  public static class OnHostmod extends Sized {
    ModuleManager manager;

    @Setup
    public void setup() {
      names = Hosts.names(hosts);
      manager = Implementation.hostmodManager(List.of(), Map.of());
      for (String host : names) {
        manager.activateHost(host);
      }
    }
  }

  @State(Scope.Benchmark)
  public static class OnHandWritten extends Sized {
    HandWrittenServer server;

    @Setup
    public void setup() {
      names = Hosts.names(hosts);
      server = new HandWrittenServer(List.of(), Map.of());
      for (String host : names) {
        server.activateHost(host);
      }
    }
  }

  @State(Scope.Benchmark)
  public static class OnReflective extends Sized {
    ReflectiveServer server;

    @Setup
    public void setup() {
      names = Hosts.names(hosts);
      server = new ReflectiveServer(Implementation.MODULE_CLASSES, List.of(), Map.of());
      for (String host : names) {
        server.activateHost(host);
      }
    }
  }

  @Benchmark
  public int hostmod(OnHostmod state) {
    ModuleManager manager = state.manager;
    for (String host : state.names) {
      manager.load(host, MODULE);
    }
    for (String host : state.names) {
      manager.unload(host, MODULE);
    }
    manager.unload(ModuleManager.GLOBAL, MODULE);
    return state.names.length;
  }

  @Benchmark
  public int handWritten(OnHandWritten state) {
    return loadAndUnload(state.server, state.names);
  }

  @Benchmark
  public int reflective(OnReflective state) {
    return loadAndUnload(state.server, state.names);
  }

  /**
   * The same work as {@link #hostmod}, through the interface: JMH runs each benchmark in its own
   * fork, where the calls have one receiver class and are inlined.
   */
  private static int loadAndUnload(Implementation server, String[] names) {
    for (String host : names) {
      server.load(host, MODULE);
    }
    for (String host : names) {
      server.unload(host, MODULE);
    }
    server.unload("*", MODULE);
    return names.length;
  }
}
