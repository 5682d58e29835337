package io.hostmod.runtime.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * What the traced modules' callbacks did, with who and when: each call is recorded when it begins
 * and when it ends (or throws), with the instance it ran on, the host and the thread, in one global
 * order, so that a test can check each instance's callback order and whether two callbacks
 * overlapped in time.
 *
 * <p>An instance is named {@code "<module>@<host>#<n>"}: the n-th instance of that module created
 * for that host ({@code "*"} for a global or shared module's global instance), counting the
 * constructors that threw too. The fault points are the {@link Journal}'s: a callback records
 * {@code "<module>.<step> <host>"} there, which a test can make throw ({@link Journal#failAt},
 * {@link Journal#failOnce}); and a test can make a callback pause (after its fault point), to widen
 * a race window.
 */
public final class Trace {

  /** Where a call is. */
  public enum Phase { BEGIN, END, THREW }

  /**
   * One record: {@code at} is its place in the global order; {@code step} is {@code new}, {@code
   * load}, {@code addHost}, {@code save}, {@code restore}, {@code unload} or {@code unloadHost}.
   */
  public record Call(int at, String instance, String step, String host, String thread, Phase phase) {
    /** The step as its instance saw it: {@code "load"}, or {@code "addHost a.example"}. */
    String label() {
      return isHostStep(step) ? step + " " + host : step;
    }

    @Override
    public String toString() {
      return at + " " + instance + " " + label() + " " + phase + " [" + thread + "]";
    }
  }

  private static final List<Call> calls = new ArrayList<>();
  private static final Map<String, Integer> created = new HashMap<>();
  private static final Map<String, Long> pauses = new ConcurrentHashMap<>();

  private Trace() {}

  /** Whether the step is a host part's ({@code @AddHost}, {@code @Unload(HostContext)}). */
  static boolean isHostStep(String step) {
    return step.equals("addHost") || step.equals("unloadHost");
  }

  /** Names a new instance of the module, created for the host. */
  static synchronized String created(String module, String host) {
    int n = created.merge(module + "@" + host, 1, Integer::sum);
    return module + "@" + host + "#" + n;
  }

  /**
   * Runs one callback step of an instance: records its beginning, passes the Journal's fault point
   * (which may throw: recorded as such), pauses if a test asked for it, and records its end.
   */
  static void run(String instance, String module, String step, String host) {
    add(instance, step, host, Phase.BEGIN);
    String journalStep = module + "." + step + " " + host;
    try {
      Journal.record(journalStep);
    } catch (RuntimeException | Error fault) {
      add(instance, step, host, Phase.THREW);
      throw fault;
    }
    Long pause = pauses.get(journalStep);
    if (pause != null) {
      LockSupport.parkNanos(pause);
    }
    add(instance, step, host, Phase.END);
  }

  /** Makes the Journal step (such as {@code "traced_shared.unloadHost a.example"}) pause. */
  static void pauseAt(String journalStep, long nanos) {
    pauses.put(journalStep, nanos);
  }

  private static synchronized void add(String instance, String step, String host, Phase phase) {
    calls.add(new Call(calls.size(), instance, step, host, Thread.currentThread().getName(), phase));
  }

  /** Every call recorded since the last reset, in order. */
  static synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** How many calls were recorded: a mark for {@link #since}. */
  static synchronized int size() {
    return calls.size();
  }

  /** The calls recorded from the mark on. */
  static synchronized List<Call> since(int mark) {
    return List.copyOf(calls.subList(mark, calls.size()));
  }

  /**
   * Each instance's steps, from the calls given, in order: {@code "load"}, or {@code "load!"} for
   * a step that threw. A host part's steps are kept apart, under {@code "<instance> / <host>"}, as
   * the order of different hosts' steps is not the rules' business.
   */
  static Map<String, List<String>> stepsByInstance(List<Call> calls) {
    Map<String, List<String>> steps = new LinkedHashMap<>();
    for (Call call : calls) {
      if (call.phase() == Phase.END) {
        continue;
      }
      String key = isHostStep(call.step()) ? call.instance() + " / " + call.host() : call.instance();
      List<String> list = steps.computeIfAbsent(key, k -> new ArrayList<>());
      if (call.phase() == Phase.BEGIN) {
        list.add(call.step());
      } else {
        list.set(list.size() - 1, list.get(list.size() - 1) + "!");
      }
    }
    return steps;
  }

  static synchronized void reset() {
    calls.clear();
    created.clear();
    pauses.clear();
  }
}
