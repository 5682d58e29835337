package io.hostmod.benchmarks;

import io.hostmod.benchmarks.limit.HandWrittenServer;
import io.hostmod.benchmarks.modules.BenchmarkCatalog;
import io.hostmod.benchmarks.modules.EchoModule;
import io.hostmod.benchmarks.modules.FiftyModules;
import io.hostmod.benchmarks.modules.HookModule;
import io.hostmod.benchmarks.peer.ReflectiveServer;
import io.hostmod.runtime.ModuleManager;
import io.hostmod.runtime.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three implementations of the same server, behind one interface for the programs and the
 * smoke test (the JMH benchmarks call each implementation directly, without this indirection).
 */
public interface Implementation {

  /** The module classes the reflective peer is given: what a class path scan would find. */
  List<Class<?>> MODULE_CLASSES = moduleClasses();

  String label();

  void activateHost(String host);

  void deactivateHost(String host);

  void load(String host, String module);

  void unload(String host, String module);

  boolean isLoaded(String host, String module);

  /** How many modules are loaded on the host itself (per-host modules and shared host parts). */
  int loadedCount(String host);

  /** Fires an event on a host, and returns it. */
  Object fire(String host, String event, Object data);

  /** The three implementations, each enabling {@code enabled} on every host it activates. */
  static List<Implementation> all(List<String> enabled, Map<String, Object> options) {
    return List.of(hostmod(enabled, options), handWritten(enabled, options), reflective(enabled, options));
  }

  /** hostmod: the generated bindings, driven by {@link ModuleManager}. */
  static Implementation hostmod(List<String> enabled, Map<String, Object> options) {
    ModuleManager manager = hostmodManager(enabled, options);
    return new Implementation() {
      @Override
      public String label() {
        return "hostmod";
      }

      @Override
      public void activateHost(String host) {
        manager.activateHost(host);
      }

      @Override
      public void deactivateHost(String host) {
        manager.deactivateHost(host);
      }

      @Override
      public void load(String host, String module) {
        manager.load(host, module);
      }

      @Override
      public void unload(String host, String module) {
        manager.unload(host, module);
      }

      @Override
      public boolean isLoaded(String host, String module) {
        return manager.isLoaded(host, module);
      }

      @Override
      public int loadedCount(String host) {
        return manager.loadedModules(host).size();
      }

      @Override
      public Object fire(String host, String event, Object data) {
        return manager.fire(host, event, data);
      }
    };
  }

  /** The manager of the benchmark modules, with a configuration enabling {@code enabled}. */
  static ModuleManager hostmodManager(List<String> enabled, Map<String, Object> options) {
    ServerConfig.Builder config = ServerConfig.builder().enable(enabled.toArray(String[]::new));
    options.forEach(config::option);
    return ModuleManager.builder().catalog(new BenchmarkCatalog()).config(config.build()).build();
  }

  /** The limit: hand-written direct calls and plain maps. */
  static Implementation handWritten(List<String> enabled, Map<String, Object> options) {
    return new HandWrittenServer(enabled, options);
  }

  /** The reflective peer: annotations read and methods invoked at run time. */
  static Implementation reflective(List<String> enabled, Map<String, Object> options) {
    return new ReflectiveServer(MODULE_CLASSES, enabled, options);
  }

  private static List<Class<?>> moduleClasses() {
    List<Class<?>> classes = new ArrayList<>(FiftyModules.CLASSES);
    classes.add(EchoModule.class);
    classes.add(HookModule.class);
    return List.copyOf(classes);
  }
}
