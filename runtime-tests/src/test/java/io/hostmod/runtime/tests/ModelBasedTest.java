package io.hostmod.runtime.tests;

import static org.junit.jupiter.api.Assertions.fail;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded random sequences of operations (activate, deactivate, load, unload, reload) and injected
 * one-shot faults (a constructor, {@code @Load}, {@code @AddHost}, {@code @Save}, {@code
 * @Restore}, {@code @Unload} or {@code @Unload(HostContext)} that throws the next time it runs),
 * run on the runtime and on {@link LifecycleModel}, a single-threaded model of the rules, over
 * the traced modules: one of each kind, a per-host module depending on a per-host one, a per-host
 * and a global module depending on the shared one, on {@code "*"} and two hosts that come and go.
 *
 * <p>After every step it compares: the result (success or error code); {@code isLoaded} of every
 * module on every host and {@code loadedModules} of every active host; each instance's callbacks
 * in order (a shared instance's host part callbacks per host); the lifecycle events per host and
 * module, as a listener on {@code "*"} hears them; and the {@link CallbackRules} on the whole trace
 * (which also order a shared instance's host part callbacks against its own). On a mismatch it
 * shrinks the sequence (drops steps while it still fails) and fails with the shortest sequence
 * found, as Java, and the seed; for a few failing seeds, each different finding once.
 *
 * <p>It runs seeds 1 to 300, 40 steps each. More: {@code -Dhostmod.model.seeds=5000} (seeds 1 to
 * 5000), or given ones: {@code -Dhostmod.model.seed=17,4242}; longer sequences: {@code
 * -Dhostmod.model.steps=80}; how many different shrunk sequences to report, from the first
 * failing seeds ({@code 4}): {@code -Dhostmod.model.shrink=10}. For example:
 *
 * <pre>
 * mvn -B -q -pl processor,runtime-tests -am verify -Dtest=ModelBasedTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dhostmod.model.seeds=5000
 * </pre>
 *
 * <p>({@code processor} is in {@code -pl} because runtime-tests runs it from {@code
 * annotationProcessorPaths}, which {@code -am} does not follow.)
 */
class ModelBasedTest {

  private static final String STAR = ModuleManager.GLOBAL;
  private static final String A = ManagerTestBase.A;
  private static final String B = ManagerTestBase.B;
  private static final List<String> HOSTS = List.of(STAR, A, B);
  private static final List<String> REAL_HOSTS = List.of(A, B);
  private static final List<String> MODULES = LifecycleModel.MODULES;

  @RegisterExtension final RuntimeLog log = new RuntimeLog();

  /** One step of a sequence. */
  record Step(String op, String host, String module) {
    @Override
    public String toString() {
      return switch (op) {
        case "activate" -> "manager.activateHost(\"" + host + "\");";
        case "deactivate" -> "manager.deactivateHost(\"" + host + "\");";
        case "fail" -> "Journal.failOnce(\"" + module + "\");";
        default -> "manager." + op + "(\"" + host + "\", \"" + module + "\");";
      };
    }
  }

  @Test
  void runtimeAgreesWithTheModel() {
    int steps = Integer.getInteger("hostmod.model.steps", 40);
    List<Long> seeds = seeds();
    List<Long> failing = new ArrayList<>();
    Map<Long, List<Step>> firstSequences = new LinkedHashMap<>();
    for (long seed : seeds) {
      List<Step> sequence = generate(seed, steps);
      Mismatch mismatch = run(sequence);
      if (mismatch != null) {
        failing.add(seed);
        if (firstSequences.size() < 4 * Integer.getInteger("hostmod.model.shrink", 4)) {
          firstSequences.put(seed, sequence.subList(0, mismatch.step + 1));
        }
      }
    }
    if (failing.isEmpty()) {
      return;
    }
    StringBuilder report = new StringBuilder();
    report.append(failing.size()).append(" of ").append(seeds.size())
        .append(" seeds disagree with the model (seeds ")
        .append(failing.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", ")))
        .append(failing.size() > 20 ? ", ..." : "").append(").");
    Set<String> reported = new HashSet<>();
    firstSequences.forEach((seed, sequence) -> {
      if (reported.size() >= Integer.getInteger("hostmod.model.shrink", 4)) {
        return;
      }
      List<Step> minimal = shrink(sequence);
      // One report per shape: the same steps on another real host are the same finding.
      if (!reported.add(minimal.toString().replace(B, A))) {
        return;
      }
      report.append("\n\nSeed ").append(seed).append(" shrunk from ").append(sequence.size())
          .append(" to ").append(minimal.size()).append(" steps:\n")
          .append("    manager.activateHost(\"" + A + "\"); manager.activateHost(\"" + B + "\");\n")
          .append(minimal.stream().map(step -> "    " + step).collect(Collectors.joining("\n")))
          .append("\nafter the last step: ").append(run(minimal).what);
    });
    fail(report.toString());
  }

  private static List<Long> seeds() {
    String given = System.getProperty("hostmod.model.seed");
    if (given != null && !given.isBlank()) {
      List<Long> seeds = new ArrayList<>();
      for (String seed : given.split(",")) {
        seeds.add(Long.parseLong(seed.trim()));
      }
      return seeds;
    }
    return LongStream.rangeClosed(1, Long.getLong("hostmod.model.seeds", 300)).boxed().toList();
  }

  // ---- generating

  static List<Step> generate(long seed, int count) {
    Random random = new Random(seed);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int dice = random.nextInt(100);
      String module = MODULES.get(random.nextInt(MODULES.size()));
      String host = HOSTS.get(random.nextInt(HOSTS.size()));
      if (dice < 30) {
        steps.add(new Step("load", host, module));
      } else if (dice < 45) {
        steps.add(new Step("unload", host, module));
      } else if (dice < 67) {
        steps.add(new Step("reload", host, module));
      } else if (dice < 85) {
        steps.add(new Step("fail", null, fault(random, module)));
      } else {
        String real = REAL_HOSTS.get(random.nextInt(REAL_HOSTS.size()));
        steps.add(new Step(random.nextBoolean() ? "deactivate" : "activate", real, null));
      }
    }
    return steps;
  }

  /** A Journal step of the module that a fault can be injected at. */
  private static String fault(Random random, String module) {
    List<String> steps = new ArrayList<>(List.of("new", "load", "save", "restore", "unload"));
    if (LifecycleModel.kind(module) == ModuleKind.SHARED) {
      steps.add("addHost");
      steps.add("unloadHost");
    }
    String step = steps.get(random.nextInt(steps.size()));
    String host;
    if (Trace.isHostStep(step)) {
      host = REAL_HOSTS.get(random.nextInt(REAL_HOSTS.size()));
    } else if (LifecycleModel.kind(module) == ModuleKind.PER_HOST) {
      host = HOSTS.get(random.nextInt(HOSTS.size()));
    } else {
      host = STAR;
    }
    return module + "." + step + " " + host;
  }

  // ---- running

  private record Mismatch(int step, String what) {}

  /** Runs the steps on a fresh manager and a fresh model; the first step where they differ. */
  private Mismatch run(List<Step> steps) {
    Journal.reset();
    Trace.reset();
    ModuleManager manager = ModuleManager.builder().discoverCatalogs().build();
    manager.activateHost(A);
    manager.activateHost(B);
    Map<String, List<String>> events = new TreeMap<>();
    for (String event : List.of(Event.MODULE_LOADED, Event.MODULE_UNLOADED, Event.MODULE_RELOADED)) {
      manager.hook(STAR, event, 0, fired -> {
        if (fired.module() != null && fired.module().startsWith("traced_")) {
          events.computeIfAbsent(fired.host() + " " + fired.module(), k -> new ArrayList<>()).add(fired.name());
        }
      });
    }
    LifecycleModel model = new LifecycleModel(A, B);
    try {
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        String actual = apply(manager, step);
        String expected = apply(model, step);
        String difference = compare(expected, actual, model, manager, events);
        if (difference != null) {
          return new Mismatch(i, difference);
        }
      }
      return null;
    } finally {
      Journal.reset();
      Trace.reset();
    }
  }

  private static String apply(ModuleManager manager, Step step) {
    try {
      switch (step.op()) {
        case "activate" -> manager.activateHost(step.host());
        case "deactivate" -> manager.deactivateHost(step.host());
        case "load" -> manager.load(step.host(), step.module());
        case "unload" -> manager.unload(step.host(), step.module());
        case "reload" -> manager.reload(step.host(), step.module());
        case "fail" -> Journal.failOnce(step.module());
        default -> throw new AssertionError(step.op());
      }
      return "ok";
    } catch (ModuleException refused) {
      return refused.code();
    } catch (RuntimeException | Error unexpected) {
      return "threw " + unexpected;
    }
  }

  private static String apply(LifecycleModel model, Step step) {
    return switch (step.op()) {
      case "activate" -> model.activate(step.host());
      case "deactivate" -> model.deactivate(step.host());
      case "load" -> model.load(step.host(), step.module());
      case "unload" -> model.unload(step.host(), step.module());
      case "reload" -> model.reload(step.host(), step.module());
      case "fail" -> model.failOnce(step.module());
      default -> throw new AssertionError(step.op());
    };
  }

  /** What differs between the model and the runtime after a step, or {@code null}. */
  private static String compare(
      String expected,
      String actual,
      LifecycleModel model,
      ModuleManager manager,
      Map<String, List<String>> events) {
    List<String> differences = new ArrayList<>();
    if (!expected.equals(actual)) {
      differences.add("result: expected " + expected + ", was " + actual);
    }
    for (String host : HOSTS) {
      Set<String> expectedLoaded = new TreeSet<>();
      Set<String> actualLoaded = new TreeSet<>();
      for (String module : MODULES) {
        if (model.isLoaded(host, module)) {
          expectedLoaded.add(module);
        }
        if (manager.isLoaded(host, module)) {
          actualLoaded.add(module);
        }
      }
      if (!expectedLoaded.equals(actualLoaded)) {
        differences.add("isLoaded on " + host + ": expected " + expectedLoaded + ", was " + actualLoaded);
      }
      boolean active = manager.activeHosts().contains(host);
      if (active != model.isActive(host)) {
        differences.add(host + (active ? " is active, expected inactive" : " is inactive, expected active"));
      } else if (active) {
        Set<String> listed = new TreeSet<>(manager.loadedModules(host));
        listed.retainAll(MODULES);
        if (!listed.equals(model.loadedModules(host))) {
          differences.add("loadedModules(" + host + "): expected " + model.loadedModules(host) + ", was " + listed);
        }
      }
    }
    Map<String, List<String>> steps = new TreeMap<>(Trace.stepsByInstance(Trace.calls()));
    for (String instance : union(model.steps().keySet(), steps.keySet())) {
      List<String> want = model.steps().getOrDefault(instance, List.of());
      List<String> got = steps.getOrDefault(instance, List.of());
      if (!want.equals(got)) {
        differences.add("callbacks of " + instance + ": expected " + want + ", were " + got);
      }
    }
    for (String broken : CallbackRules.violations(Trace.calls())) {
      differences.add("callback rules: " + broken);
    }
    for (String key : union(model.events().keySet(), events.keySet())) {
      List<String> want = model.events().getOrDefault(key, List.of());
      List<String> got = events.getOrDefault(key, List.of());
      if (!want.equals(got)) {
        differences.add("events of " + key + ": expected " + want + ", were " + got);
      }
    }
    return differences.isEmpty() ? null : String.join("\n  ", differences);
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> union = new TreeSet<>(first);
    union.addAll(second);
    return union;
  }

  // ---- shrinking

  /**
   * Delta debugging: drops chunks of steps, halving the chunk size down to single steps, while
   * the sequence still disagrees with the model somewhere.
   */
  private List<Step> shrink(List<Step> failing) {
    List<Step> current = failing;
    int parts = 2;
    while (current.size() >= 2) {
      int chunk = (current.size() + parts - 1) / parts;
      boolean reduced = false;
      for (int start = 0; start < current.size(); start += chunk) {
        List<Step> candidate = new ArrayList<>(current.subList(0, start));
        candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
        Mismatch mismatch = run(candidate);
        if (mismatch != null) {
          current = candidate.subList(0, mismatch.step + 1);
          parts = Math.max(parts - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (parts >= current.size()) {
          break;
        }
        parts = Math.min(current.size(), parts * 2);
      }
    }
    return List.copyOf(current);
  }
}
