package io.hostmod.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ProxyCallBenchmark} with a host method that does typical work, {@code
 * EchoModule.visit(HostContext)}: one update of a per-host counter in a concurrent map.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProxyVisitBenchmark {

  @Benchmark
  public int hostmod(ProxyCallBenchmark.OnHostmod state) {
    return state.proxy.visit();
  }

  @Benchmark
  public int handWritten(ProxyCallBenchmark.OnHandWritten state) {
    return state.module.visit(state.context);
  }

  @Benchmark
  public int reflective(ProxyCallBenchmark.OnReflective state) {
    return state.proxy.visit();
  }
}
