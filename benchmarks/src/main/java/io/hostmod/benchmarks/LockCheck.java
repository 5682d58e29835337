package io.hostmod.benchmarks;

import io.hostmod.benchmarks.modules.LockProbe;
import io.hostmod.benchmarks.modules.LockProbeModule;
import io.hostmod.benchmarks.modules.LockProbeModule_HostProxy;
import io.hostmod.runtime.ModuleManager;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs every kind of module code through hostmod (load, add host, reload with save and restore,
 * a host proxy call, an event handler, unload of a host part and of the instance, host
 * deactivation) and reports whether the runtime held any lock while it ran.
 *
 * <p>usage: {@code LockCheck [results file]}
 */
public final class LockCheck {

  private LockCheck() {}

  public static void main(String[] args) {
    Results results = Results.fromArgument(args, 0);
    List<String> held = run();
    System.out.printf("locks: module code ran %d times (%s); locks held meanwhile: %s%n",
        LockProbe.CALLS.size(), String.join(", ", new TreeSet<>(LockProbe.CALLS)),
        held.isEmpty() ? "none" : held);
    results.put("locks.calls", LockProbe.CALLS.size());
    results.put("locks.held", held.size());
  }

  /** Runs the module code and returns the locks held at some call (none, if the runtime is right). */
  public static List<String> run() {
    LockProbe.reset();
    ModuleManager manager = Implementation.hostmodManager(List.of(), Map.of());
    for (String host : List.of("a.example", "b.example")) {
      manager.activateHost(host);
      manager.load(host, "lock_probe_host");
      manager.load(host, "lock_probe");
    }
    manager.hostProxy("a.example", LockProbeModule_HostProxy.class).call();
    manager.fire("a.example", LockProbeModule.EVENT, null);
    manager.reload("a.example", "lock_probe_host");
    manager.reload("a.example", "lock_probe");
    manager.reload(ModuleManager.GLOBAL, "lock_probe");
    manager.unload("a.example", "lock_probe");
    manager.deactivateHost("a.example");
    manager.deactivateHost("b.example");
    manager.unload(ModuleManager.GLOBAL, "lock_probe");
    return List.copyOf(LockProbe.HELD);
  }
}
