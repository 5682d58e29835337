package io.hostmod.benchmarks;

import io.hostmod.benchmarks.limit.HandWrittenServer;
import io.hostmod.benchmarks.modules.EchoModule;
import io.hostmod.benchmarks.modules.EchoModule_HostProxy;
import io.hostmod.benchmarks.peer.EchoOnHost;
import io.hostmod.benchmarks.peer.ReflectiveServer;
import io.hostmod.runtime.HostContext;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A call of the shared module's host method {@code score(HostContext, int)} on one host: through
 * hostmod's generated {@code EchoModule_HostProxy}, directly on the instance with the host's
 * context (the limit), and through the reflective peer's {@link java.lang.reflect.Proxy}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProxyCallBenchmark {

  static final String HOST = "chat.example";

  @State(Scope.Thread)
  public static class OnHostmod {
    EchoModule_HostProxy proxy;
    int value = 42;

    @Setup
    public void setup() {
      ModuleManager manager = Implementation.hostmodManager(List.of(), Map.of());
      manager.activateHost(HOST);
      manager.load(HOST, "echo");
      proxy = manager.hostProxy(HOST, EchoModule_HostProxy.class);
    }
  }

  @State(Scope.Thread)
  public static class OnHandWritten {
    EchoModule module;
    HostContext context;
    int value = 42;

    @Setup
    public void setup() {
      HandWrittenServer server = new HandWrittenServer(List.of(), Map.of());
      server.activateHost(HOST);
      server.load(HOST, "echo");
      HandWrittenServer.Part part = server.part(HOST, "echo");
      module = (EchoModule) part.module();
      context = part.context();
    }
  }

  @State(Scope.Thread)
  public static class OnReflective {
    EchoOnHost proxy;
    int value = 42;

    @Setup
    public void setup() {
      ReflectiveServer server = new ReflectiveServer(Implementation.MODULE_CLASSES, List.of(), Map.of());
      server.activateHost(HOST);
      server.load(HOST, "echo");
      proxy = server.hostProxy(HOST, "echo", EchoOnHost.class);
    }
  }

  @Benchmark
  public int hostmod(OnHostmod state) {
    return state.proxy.score(state.value);
  }

  @Benchmark
  public int handWritten(OnHandWritten state) {
    return state.module.score(state.context, state.value);
  }

  @Benchmark
  public int reflective(OnReflective state) {
    return state.proxy.score(state.value);
  }
}
