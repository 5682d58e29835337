package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every module binding of the catalogs a manager was built with, by name, module type and proxy type. */
final class Bindings {

  /** Looked up on every call of the manager: hashed. Sorted names are kept apart, for listing and checks. */
  private final Map<String, ModuleBinding<?>> byName = new HashMap<>();
  private final Set<String> names = new TreeSet<>();
  private final Map<Class<?>, ModuleBinding<?>> byType = new HashMap<>();
  private final Map<Class<?>, ModuleBinding<?>> byProxyType = new HashMap<>();

  Bindings(List<ModuleCatalog> catalogs) {
    Map<String, String> catalogOf = new HashMap<>();
    for (ModuleCatalog catalog : catalogs) {
      String catalogName = catalog.getClass().getName();
      for (ModuleBinding<?> binding : catalog.bindings()) {
        String first = catalogOf.putIfAbsent(binding.name(), catalogName);
        if (first != null) {
          throw ModuleException.duplicateModule(binding.name(), first, catalogName);
        }
        byName.put(binding.name(), binding);
        names.add(binding.name());
        byType.put(binding.moduleType(), binding);
        if (binding.hostProxyType() != null) {
          byProxyType.put(binding.hostProxyType(), binding);
        }
      }
    }
  }

  ModuleBinding<?> named(String name) {
    ModuleBinding<?> binding = byName.get(name);
    if (binding == null) {
      throw ModuleException.moduleNotFound(name);
    }
    return binding;
  }

  /** The binding of a module another module depends on, or {@code module-not-found} naming both. */
  ModuleBinding<?> dependency(String module, String dependency) {
    ModuleBinding<?> binding = byName.get(dependency);
    if (binding == null) {
      throw ModuleException.missingDependency(module, dependency);
    }
    return binding;
  }

  /**
   * Checks that the dependencies across all catalogs form no cycle; a missing dependency is
   * reported when its dependent is loaded, not here.
   */
  void checkNoCycle() {
    Map<String, Integer> state = new HashMap<>(); // 1: on the current path, 2: done
    for (String name : names) {
      visit(name, state, new ArrayDeque<>());
    }
  }

  private void visit(String name, Map<String, Integer> state, Deque<String> path) {
    Integer seen = state.get(name);
    if (seen != null && seen == 2) {
      return;
    }
    if (seen != null) {
      List<String> cycle = new ArrayList<>();
      Iterator<String> back = path.descendingIterator();
      while (back.hasNext()) {
        cycle.add(back.next());
      }
      cycle = cycle.subList(cycle.indexOf(name), cycle.size());
      throw ModuleException.dependencyCycle(String.join(" -> ", cycle) + " -> " + name);
    }
    ModuleBinding<?> binding = byName.get(name);
    if (binding == null) {
      return;
    }
    state.put(name, 1);
    path.push(name);
    for (String dependency : binding.dependencies()) {
      visit(dependency, state, path);
    }
    path.pop();
    state.put(name, 2);
  }

  @SuppressWarnings("unchecked") // byType maps each module class to its own binding
  <M> ModuleBinding<M> ofType(Class<M> moduleType) {
    if (moduleType == null) {
      throw ModuleException.insufficientParameters("module type");
    }
    ModuleBinding<?> binding = byType.get(moduleType);
    if (binding == null) {
      throw ModuleException.typeNotFound(moduleType, "module");
    }
    return (ModuleBinding<M>) binding;
  }

  ModuleBinding<?> ofProxyType(Class<?> proxyType) {
    if (proxyType == null) {
      throw ModuleException.insufficientParameters("host proxy type");
    }
    ModuleBinding<?> binding = byProxyType.get(proxyType);
    if (binding == null) {
      throw ModuleException.typeNotFound(proxyType, "host proxy");
    }
    return binding;
  }

  /** Every option key the modules declare, sorted. */
  Set<String> optionKeys() {
    Set<String> keys = new TreeSet<>();
    byName.values().forEach(binding -> keys.addAll(binding.options()));
    return Collections.unmodifiableSet(keys);
  }

  Set<String> names() {
    return Collections.unmodifiableSet(names);
  }
}
