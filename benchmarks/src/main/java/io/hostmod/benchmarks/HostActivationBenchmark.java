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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Activates N hosts whose configuration enables the 50 modules of {@link FiftyModules} (30
 * per-host, 10 global, 10 shared), then deactivates them all: per host 30 instances created and
 * loaded, 10 {@code @AddHost} calls, and as many unloads. The global modules are loaded on the
 * first host's activation (in the first warm-up operation) and stay loaded on {@code "*"}, as in
 * Prosody.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class HostActivationBenchmark {

  @State(Scope.Benchmark)
  public abstract static class Sized {
    @Param({"10000"})
    public int hosts;

    protected String[] names;
  }

  @State(Scope.Benchmark)
  public static class OnHostmod extends Sized {
    ModuleManager manager;

    @Setup
    public void setup() {
      names = Hosts.names(hosts);
      manager = Implementation.hostmodManager(FiftyModules.ENABLED, Map.of());
    }
  }

  @State(Scope.Benchmark)
  public static class OnHandWritten extends Sized {
    HandWrittenServer server;

    @Setup
    public void setup() {
      names = Hosts.names(hosts);
      server = new HandWrittenServer(FiftyModules.ENABLED, Map.of());
    }
  }

  @State(Scope.Benchmark)
  public static class OnReflective extends Sized {
    ReflectiveServer server;

    @Setup
    public void setup() {
      names = Hosts.names(hosts);
      server = new ReflectiveServer(Implementation.MODULE_CLASSES, FiftyModules.ENABLED, Map.of());
    }
  }

  @Benchmark
  public int hostmod(OnHostmod state) {
    for (String host : state.names) {
      state.manager.activateHost(host);
    }
    for (String host : state.names) {
      state.manager.deactivateHost(host);
    }
    return state.names.length;
  }

  @Benchmark
  public int handWritten(OnHandWritten state) {
    return activateAndDeactivate(state.server, state.names);
  }

  @Benchmark
  public int reflective(OnReflective state) {
    return activateAndDeactivate(state.server, state.names);
  }

  /**
   * The same loop as {@link #hostmod}, through the interface: JMH runs each benchmark in its own
   * fork, where the call has one receiver class and is inlined.
   */
  private static int activateAndDeactivate(Implementation server, String[] names) {
    for (String host : names) {
      server.activateHost(host);
    }
    for (String host : names) {
      server.deactivateHost(host);
    }
    return names.length;
  }
}
