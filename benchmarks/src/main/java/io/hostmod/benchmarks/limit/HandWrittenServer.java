package io.hostmod.benchmarks.limit;

import io.hostmod.benchmarks.Implementation;
import io.hostmod.benchmarks.modules.EchoModule;
import io.hostmod.benchmarks.modules.FiftyModules;
import io.hostmod.benchmarks.modules.FiftyModules.ByHand;
import io.hostmod.benchmarks.modules.FiftyModules.Kind;
import io.hostmod.benchmarks.modules.HookModule;
import io.hostmod.benchmarks.modules.PlainModuleBase;
import io.hostmod.benchmarks.modules.SharedModuleBase;
import io.hostmod.benchmarks.plain.PlainContext;
import io.hostmod.benchmarks.plain.PlainHost;
import io.hostmod.runtime.Event;
import io.hostmod.runtime.HostContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit: what a server does when it is written by hand for exactly these module classes. It
 * calls constructors and lifecycle methods directly, keeps everything in plain {@link HashMap}s,
 * and does nothing else: no events, no checks beyond "already loaded", no rollback, no locking.
 * A host's modules are unloaded newest first, like hostmod's.
 */
public final class HandWrittenServer implements Implementation {

  @Override
  public String label() {
    return "hand-written";
  }

  /** What the server keeps for a shared module on a host: the instance and that host's context. */
  public record Part(SharedModuleBase module, HostContext context) {}

  private final Map<String, ByHand> modules = new HashMap<>();
  private final List<String> enabled;
  private final Map<String, Object> options;
  private final PlainHost global;
  private final Map<String, PlainHost> hosts = new HashMap<>();

  public HandWrittenServer(List<String> enabled, Map<String, Object> options) {
    this.enabled = List.copyOf(enabled);
    this.options = Map.copyOf(options);
    for (ByHand module : FiftyModules.BY_HAND) {
      modules.put(module.name(), module);
    }
    modules.put("echo", new ByHand("echo", Kind.SHARED, EchoModule::new));
    modules.put("hooks", new ByHand("hooks", Kind.PER_HOST, HookModule::new));
    global = new PlainHost("*", this.options);
    hosts.put(global.name, global);
  }

  public void activateHost(String name) {
    PlainHost host = new PlainHost(name, options);
    if (hosts.putIfAbsent(name, host) != null) {
      throw new IllegalStateException("host " + name + " is active");
    }
    for (String module : enabled) {
      ByHand spec = modules.get(module);
      if (spec.kind() != Kind.GLOBAL || !global.modules.containsKey(module)) {
        load(host, spec);
      }
    }
  }

  public void deactivateHost(String name) {
    PlainHost host = hosts.remove(name);
    List<String> loaded = new ArrayList<>(host.modules.keySet());
    for (int i = loaded.size() - 1; i >= 0; i--) {
      unload(host, loaded.get(i));
    }
  }

  public void load(String host, String module) {
    load(hosts.get(host), modules.get(module));
  }

  public void unload(String host, String module) {
    unload(hosts.get(host), module);
  }

  public boolean isLoaded(String host, String module) {
    PlainHost found = hosts.get(host);
    return found != null && found.modules.containsKey(module);
  }

  public int loadedCount(String host) {
    return hosts.get(host).modules.size();
  }

  /** The instance of a module on a host (for a shared module's host part, the global instance). */
  public Object instance(String host, String module) {
    Object kept = hosts.get(host).modules.get(module);
    return kept instanceof Part part ? part.module() : kept;
  }

  /** What the server keeps for a shared module on a host, for calling its host methods. */
  public Part part(String host, String module) {
    return (Part) hosts.get(host).modules.get(module);
  }

  public Event fire(String host, String event, Object data) {
    return hosts.get(host).fire(event, data);
  }

  private void load(PlainHost host, ByHand spec) {
    String name = spec.name();
    if (host.modules.containsKey(name)) {
      throw new IllegalStateException(name + " is loaded on " + host.name);
    }
    switch (spec.kind()) {
      case PER_HOST -> host.modules.put(name, create(spec, host));
      case GLOBAL -> global.modules.put(name, create(spec, global));
      case SHARED -> {
        SharedModuleBase module = (SharedModuleBase) global.modules.get(name);
        if (module == null) {
          module = (SharedModuleBase) create(spec, global);
          global.modules.put(name, module);
        }
        if (host != global) {
          HostContext context = new PlainContext(name, host);
          module.addHost(context);
          host.modules.put(name, new Part(module, context));
        }
      }
    }
  }

  private static Object create(ByHand spec, PlainHost host) {
    Object module = spec.create().get();
    PlainContext context = new PlainContext(spec.name(), host);
    if (module instanceof PlainModuleBase plain) {
      plain.load(context);
    } else if (module instanceof SharedModuleBase shared) {
      shared.load(context);
    } else {
      ((HookModule) module).load(context);
    }
    return module;
  }

  private void unload(PlainHost host, String name) {
    Object kept = host.modules.remove(name);
    if (kept == null) {
      throw new IllegalStateException(name + " is not loaded on " + host.name);
    }
    if (kept instanceof Part part) {
      part.module().unloadHost(part.context());
    } else if (kept instanceof PlainModuleBase plain) {
      plain.unload();
    } else if (kept instanceof SharedModuleBase shared) {
      shared.unload();
    }
  }
}
