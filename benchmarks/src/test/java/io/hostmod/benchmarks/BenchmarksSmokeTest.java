package io.hostmod.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.benchmarks.modules.Calls;
import io.hostmod.benchmarks.modules.FiftyModules;
import io.hostmod.benchmarks.modules.HookModule;
import io.hostmod.runtime.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What CI runs of the benchmarks: every benchmark body once, with tiny sizes, and a check that the
 * three implementations did the same work. No timing is asserted.
 */
class BenchmarksSmokeTest {

  private static final String[] HOSTS = Hosts.names(3);

  @Test
  void theImplementationsDoTheSameWorkWhenActivatingHosts() {
    List<String> seen = new ArrayList<>();
    for (Implementation server : Implementation.all(FiftyModules.ENABLED, Map.of())) {
      Calls.reset();
      for (String host : HOSTS) {
        server.activateHost(host);
      }
      // 30 per-host modules and 10 shared host parts on each host; the 10 global ones on "*".
      assertEquals(40, server.loadedCount(HOSTS[0]), server.label());
      assertTrue(server.isLoaded(HOSTS[1], "s05") && !server.isLoaded(HOSTS[1], "g05"), server.label());
      assertTrue(server.isLoaded("*", "g05") && server.isLoaded("*", "s05"), server.label());
      String activated = Calls.snapshot();
      for (String host : HOSTS) {
        server.deactivateHost(host);
      }
      assertTrue(!server.isLoaded(HOSTS[1], "p01"), server.label());
      seen.add(activated + " / " + Calls.snapshot());
    }
    // 3 hosts: 90 per-host instances, 10 global, 10 shared with 30 host parts; deactivation
    // unloads the per-host instances and the host parts, not the global and shared instances.
    String expected = "created=110 loads=110 addHosts=30 unloadHosts=0 unloads=0 / "
        + "created=110 loads=110 addHosts=30 unloadHosts=30 unloads=90";
    assertEquals(List.of(expected, expected, expected), seen);
  }

  @Test
  void theImplementationsDoTheSameWorkWithASharedModule() {
    List<String> seen = new ArrayList<>();
    for (Implementation server : Implementation.all(List.of(), Map.of())) {
      Calls.reset();
      for (String host : HOSTS) {
        server.activateHost(host);
      }
      for (String host : HOSTS) {
        server.load(host, "echo");
      }
      assertTrue(server.isLoaded("*", "echo") && server.isLoaded(HOSTS[2], "echo"), server.label());
      for (String host : HOSTS) {
        server.unload(host, "echo");
      }
      server.unload("*", "echo");
      assertTrue(!server.isLoaded("*", "echo"), server.label());
      seen.add(Calls.snapshot());
    }
    assertEquals(List.of("created=1 loads=1 addHosts=3 unloadHosts=3 unloads=1",
        "created=1 loads=1 addHosts=3 unloadHosts=3 unloads=1",
        "created=1 loads=1 addHosts=3 unloadHosts=3 unloads=1"), seen);
  }

  @Test
  void everyHandlerSeesTheEventInEveryImplementation() {
    for (Implementation server : Implementation.all(List.of(), Map.of(HookModule.HANDLERS_OPTION, 10))) {
      server.activateHost(HOSTS[0]);
      server.load(HOSTS[0], "hooks");
      Event fired = (Event) server.fire(HOSTS[0], HookModule.EVENT, 7);
      assertEquals(HookModule.EVENT, fired.name(), server.label());
    }
    // The benchmark bodies themselves: each of the 10 handlers sees the event once.
    HookDispatchBenchmark benchmark = new HookDispatchBenchmark();
    var hostmod = new HookDispatchBenchmark.OnHostmod();
    var handWritten = new HookDispatchBenchmark.OnHandWritten();
    var reflective = new HookDispatchBenchmark.OnReflective();
    for (HookDispatchBenchmark.Sized state : List.of(hostmod, handWritten, reflective)) {
      state.handlers = 10;
    }
    hostmod.setup();
    handWritten.setup();
    reflective.setup();
    benchmark.hostmod(hostmod);
    benchmark.handWritten(handWritten);
    benchmark.reflective(reflective);
    String host = HookDispatchBenchmark.HOST;
    assertEquals(10, hostmod.manager.instance(host, HookModule.class).seen());
    assertEquals(10, ((HookModule) handWritten.server.instance(host, "hooks")).seen());
    assertEquals(10, ((HookModule) reflective.server.instance(host, "hooks")).seen());
  }

  @Test
  void theThreeProxiesReturnTheSame() {
    ProxyCallBenchmark benchmark = new ProxyCallBenchmark();
    var hostmod = new ProxyCallBenchmark.OnHostmod();
    var handWritten = new ProxyCallBenchmark.OnHandWritten();
    var reflective = new ProxyCallBenchmark.OnReflective();
    hostmod.setup();
    handWritten.setup();
    reflective.setup();
    int expected = benchmark.handWritten(handWritten);
    assertEquals(expected, benchmark.hostmod(hostmod));
    assertEquals(expected, benchmark.reflective(reflective));
    // Each implementation's proxy reaches its own instance: the first visit of the host is 1.
    ProxyVisitBenchmark visit = new ProxyVisitBenchmark();
    assertEquals(1, visit.handWritten(handWritten));
    assertEquals(1, visit.hostmod(hostmod));
    assertEquals(1, visit.reflective(reflective));
  }

  @Test
  void everyJmhBenchmarkRunsOnce() throws RunnerException {
    Options options = new OptionsBuilder()
        .include("io\\.hostmod\\.benchmarks\\..*Benchmark")
        .forks(0)
        .mode(Mode.SingleShotTime)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementBatchSize(1)
        .timeout(TimeValue.seconds(30))
        .param("hosts", "3")
        .param("handlers", "2")
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    // Six benchmarks (shared module, host activation, two proxy calls, isLoaded, dispatch), three
    // implementations each.
    assertEquals(18, results.size());
  }

  @Test
  void theHeapProgramRuns() throws InterruptedException {
    for (Implementation server : Implementation.all(FiftyModules.ENABLED, Map.of())) {
      double perPair = HeapPerPair.bytesPerPair(server, FiftyModules.ENABLED.size(), 20, 16);
      assertTrue(!Double.isNaN(perPair), server.label());
    }
  }

  @Test
  void theProcessorProgramCompilesTheCorpusBothWays(@TempDir Path work) throws Exception {
    List<Path> sources = ProcessorShare.writeCorpus(work.resolve("src"), 10);
    ProcessorShare.Timing withProcessor = ProcessorShare.compile(sources, work, ProcessorShare.Mode.HOSTMOD);
    ProcessorShare.compile(sources, work, ProcessorShare.Mode.ONE_CLASS);
    ProcessorShare.compile(sources, work, ProcessorShare.Mode.NONE);
    assertTrue(withProcessor.processorNanos() > 0);
    assertTrue(Files.exists(work.resolve("out-hostmod/corpus/p4/Feature4Module_HostProxy.class")));
    assertTrue(Files.exists(work.resolve("out-one_class/corpus/OneClass.class")));
    assertTrue(!Files.exists(work.resolve("out-one_class/corpus/p4/Feature4Module_HostProxy.class")));
    assertTrue(!Files.exists(work.resolve("out-none/corpus/OneClass.class")));
  }

  @Test
  void noLockIsHeldWhileModuleCodeRuns() {
    assertEquals(List.of(), LockCheck.run());
  }
}
