package io.hostmod.runtime.tests;

import io.hostmod.runtime.tests.Trace.Call;
import io.hostmod.runtime.tests.Trace.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every instance's callbacks follow, checked on a {@link Trace}, whatever threads ran
 * them: constructor, {@code @Load}, then {@code @Restore} at once if at all (on the thread that
 * created the instance), then {@code @Save}, {@code @AddHost} and {@code @Unload(HostContext)},
 * then {@code @Unload()}; each of the constructor, {@code @Load}, {@code @Restore} and {@code
 * @Unload()} at most once, nothing after a step that threw in the constructor or {@code @Load},
 * nothing once {@code @Unload()} began. A global callback (all but the host part's two) overlaps no
 * other callback of its instance; a host's {@code @AddHost} and {@code @Unload(HostContext)}
 * alternate, starting with an {@code @AddHost}, and every host part is unloaded ({@code
 * @Unload(HostContext)} returned) before {@code @Unload()} begins.
 */
final class CallbackRules {

  private CallbackRules() {}

  /** What breaks the rules in the trace, one line per violation (with the instance's calls). */
  static List<String> violations(List<Call> calls) {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<Call>> instance : byInstance(calls).entrySet()) {
      String broken = check(instance.getValue());
      if (broken != null) {
        violations.add(instance.getKey() + ": " + broken + "; its calls: " + shorten(instance.getValue()));
      }
    }
    return violations;
  }

  /**
   * What breaks "exactly once": an instance whose {@code @Load} returned but whose {@code
   * @Unload()} never ran, or an {@code @AddHost} that returned without its {@code
   * @Unload(HostContext)}: for a trace that ends with everything unloaded (after shutdown).
   */
  static List<String> notUnloaded(List<Call> calls) {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<Call>> instance : byInstance(calls).entrySet()) {
      boolean loaded = false;
      boolean unloaded = false;
      Map<String, Integer> attached = new HashMap<>();
      for (Call call : instance.getValue()) {
        if (call.step().equals("load") && call.phase() == Phase.END) {
          loaded = true;
        } else if (call.step().equals("unload") && call.phase() == Phase.BEGIN) {
          unloaded = true;
        } else if (call.step().equals("addHost") && call.phase() == Phase.END) {
          attached.merge(call.host(), 1, Integer::sum);
        } else if (call.step().equals("unloadHost") && call.phase() == Phase.BEGIN) {
          attached.merge(call.host(), -1, Integer::sum);
        }
      }
      if (loaded && !unloaded) {
        violations.add(instance.getKey() + ": @Load returned, @Unload() never ran");
      }
      attached.forEach((host, count) -> {
        if (count != 0) {
          violations.add(instance.getKey() + ": @AddHost " + host + " returned without one @Unload(HostContext)");
        }
      });
    }
    return violations;
  }

  private static Map<String, List<Call>> byInstance(List<Call> calls) {
    Map<String, List<Call>> byInstance = new LinkedHashMap<>();
    for (Call call : calls) {
      byInstance.computeIfAbsent(call.instance(), k -> new ArrayList<>()).add(call);
    }
    return byInstance;
  }

  private static String check(List<Call> calls) {
    Set<String> begun = new HashSet<>();
    List<Call> open = new ArrayList<>();
    Set<String> attached = new HashSet<>();
    Set<String> attaching = new HashSet<>();
    String creator = null;
    boolean dead = false;
    Call previous = null;
    for (Call call : calls) {
      String step = call.step();
      boolean hostStep = Trace.isHostStep(step);
      if (call.phase() != Phase.BEGIN) {
        open.removeIf(c -> c.step().equals(step) && c.host().equals(call.host()) && c.thread().equals(call.thread()));
        if (call.phase() == Phase.THREW && (step.equals("new") || step.equals("load"))) {
          dead = true;
        }
        if (step.equals("addHost")) {
          attaching.remove(call.host());
          if (call.phase() == Phase.END) {
            attached.add(call.host());
          }
        }
        if (step.equals("unloadHost")) {
          attached.remove(call.host());
        }
        previous = call;
        continue;
      }
      if (dead) {
        return step + " after a constructor or @Load that threw";
      }
      if (begun.contains("unload")) {
        return call.label() + " began after @Unload() began";
      }
      if (previous == null && !step.equals("new")) {
        return "first call is " + call.label() + ", not the constructor";
      }
      if (!step.equals("new") && !begun.contains("load") && !step.equals("load")) {
        return call.label() + " before @Load";
      }
      if (!step.equals("save") && !hostStep && begun.contains(step)) {
        return step + " called twice";
      }
      if (step.equals("load") && !begun.contains("new")) {
        return "@Load before the constructor";
      }
      if (!step.equals("new") && !step.equals("load") && !open.isEmpty()
          && open.stream().anyMatch(c -> c.step().equals("new") || c.step().equals("load"))) {
        return call.label() + " began while the instance was still being created";
      }
      if (step.equals("restore")) {
        if (previous == null || !previous.step().equals("load") || previous.phase() != Phase.END) {
          return "@Restore not right after @Load (after " + (previous == null ? "nothing" : previous.label()) + ")";
        }
        if (!call.thread().equals(creator)) {
          return "@Restore on thread " + call.thread() + ", the instance was created on " + creator;
        }
      }
      boolean global = !hostStep;
      for (Call other : open) {
        if (global || !Trace.isHostStep(other.step())) {
          return call.label() + " [" + call.thread() + "] began while " + other.label() + " [" + other.thread() + "] ran";
        }
        if (other.host().equals(call.host())) {
          return call.label() + " [" + call.thread() + "] began while " + other.label() + " [" + other.thread() + "] ran";
        }
      }
      if (step.equals("addHost") && (attached.contains(call.host()) || attaching.contains(call.host()))) {
        return "@AddHost " + call.host() + " again without @Unload(HostContext)";
      }
      if (step.equals("unloadHost") && !attached.contains(call.host())) {
        return "@Unload(HostContext) " + call.host() + " without an @AddHost that returned";
      }
      if (step.equals("unload") && !attached.isEmpty()) {
        return "@Unload() began while attached to " + attached;
      }
      if (step.equals("new")) {
        creator = call.thread();
      }
      if (step.equals("addHost")) {
        attaching.add(call.host());
      }
      begun.add(step);
      open.add(call);
      previous = call;
    }
    return null;
  }

  private static String shorten(List<Call> calls) {
    List<String> shown = new ArrayList<>();
    for (Call call : calls.subList(Math.max(0, calls.size() - 16), calls.size())) {
      shown.add(call.label() + " " + call.phase() + " [" + call.thread() + "]");
    }
    return (calls.size() > 16 ? "... " : "") + shown;
  }
}
