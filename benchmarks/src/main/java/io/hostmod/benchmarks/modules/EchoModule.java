package io.hostmod.benchmarks.modules;

import io.hostmod.Module;
import io.hostmod.benchmarks.peer.Reflective;
import io.hostmod.runtime.HostContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared module of the attach/detach and proxy benchmarks: global, with a part on every host
 * it is loaded on, and two host methods that the generated {@code EchoModule_HostProxy} exposes
 * without their {@code HostContext}: {@code score(int)}, which does next to nothing, and {@code
 * visit()}, which does what a host method typically does: update the host's entry in a map.
 */
@Module(name = "echo", global = true)
@Reflective.Module(name = "echo", global = true)
public class EchoModule extends SharedModuleBase {

  private final Map<String, Integer> visits = new ConcurrentHashMap<>();

  /** A host method: cheap, so that a benchmark of it measures the call, not the work. */
  public int score(HostContext host, int value) {
    return value * 31 + 7;
  }

  /** A host method with a typical body: counts a visit of the host. */
  public int visit(HostContext host) {
    return visits.merge(host.host(), 1, Integer::sum);
  }
}
