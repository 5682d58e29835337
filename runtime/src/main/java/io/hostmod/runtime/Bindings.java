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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules installed in a manager at one moment: every binding of its catalogs by name, with
 * its slot in a host's table ({@link Slots}), by module type and by proxy type. Never changed:
 * {@link Modules} replaces it whole when a catalog is installed or uninstalled, so readers take no
 * lock.
 */
final class Bindings {

  static final Bindings NONE = new Bindings(Map.of(), Map.of(), Set.of());

  /**
   * An installed module: its binding and its slot, found by one lookup. A load needs both: with a
   * second lookup by name for the slot (and an unload's for whether the module is installed), a
   * shared module's load and unload took a tenth longer (docs/benchmarks.md, "A/B against the
   * previous runtime").
   */
  record Installed(ModuleBinding<?> binding, int slot) {}

  /** Looked up on every load: hashed. */
  private final Map<String, Installed> byName;
  /** The catalog each module came from: the unit of install and uninstall. */
  private final Map<String, ModuleCatalog> catalogOf;
  /** Modules an uninstall is deciding about: loads of them wait for the decision. */
  private final Set<String> withdrawing;
  private final Set<String> names;
  private final Map<Class<?>, ModuleBinding<?>> byType = new HashMap<>();
  private final Map<Class<?>, ModuleBinding<?>> byProxyType = new HashMap<>();
  /** The module set last resolved ({@link #moduleSet}); a race only resolves one twice. */
  private volatile ModuleSet lastModuleSet;

  private Bindings(
      Map<String, Installed> byName,
      Map<String, ModuleCatalog> catalogOf,
      Set<String> withdrawing) {
    this.byName = byName;
    this.catalogOf = catalogOf;
    this.withdrawing = withdrawing;
    this.names = Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    for (Installed installed : byName.values()) {
      ModuleBinding<?> binding = installed.binding();
      byType.put(binding.moduleType(), binding);
      if (binding.hostProxyType() != null) {
        byProxyType.put(binding.hostProxyType(), binding);
      }
    }
  }

  /**
   * These bindings and the catalogs'; the new names are given their slots once the catalogs are
   * accepted, so a refused install gives none.
   *
   * @throws ModuleException {@code duplicate-module} for a name two catalogs have, {@code
   *     dependency-cycle} if the dependencies of all of them form a cycle
   */
  Bindings with(List<ModuleCatalog> catalogs, Slots slots) {
    Map<String, ModuleBinding<?>> added = new TreeMap<>(); // sorted: slots given in name order
    Map<String, ModuleCatalog> nextCatalogOf = new HashMap<>(catalogOf);
    for (ModuleCatalog catalog : catalogs) {
      for (ModuleBinding<?> binding : catalog.bindings()) {
        ModuleCatalog first = nextCatalogOf.putIfAbsent(binding.name(), catalog);
        if (first != null) {
          throw ModuleException.duplicateModule(binding.name(), first.getClass().getName(), catalog.getClass().getName());
        }
        added.put(binding.name(), binding);
      }
    }
    checkNoCycle(added);
    slots.give(added.keySet());
    Map<String, Installed> nextByName = new HashMap<>(byName);
    added.forEach((name, binding) -> nextByName.put(name, new Installed(binding, slots.of(name))));
    return new Bindings(nextByName, nextCatalogOf, Set.of());
  }

  /** These bindings without the named modules. */
  Bindings without(Set<String> modules) {
    Map<String, Installed> nextByName = new HashMap<>(byName);
    Map<String, ModuleCatalog> nextCatalogOf = new HashMap<>(catalogOf);
    nextByName.keySet().removeAll(modules);
    nextCatalogOf.keySet().removeAll(modules);
    return new Bindings(nextByName, nextCatalogOf, Set.of());
  }

  /** These bindings, with loads of the named modules waiting for an uninstall's decision. */
  Bindings withdrawing(Set<String> modules) {
    return new Bindings(byName, catalogOf, Set.copyOf(modules));
  }

  /** The names of the modules installed from this catalog (of the same class), sorted. */
  Set<String> namesFrom(ModuleCatalog catalog) {
    Set<String> found = new TreeSet<>();
    catalogOf.forEach((name, from) -> {
      if (from == catalog || from.getClass() == catalog.getClass()) {
        found.add(name);
      }
    });
    return found;
  }

  /**
   * Whether the binding is installed and no uninstall is deciding about it. A module jar's module
   * counts as installed while any version of it is: a load runs the current version anyway.
   */
  boolean isCurrent(ModuleBinding<?> binding) {
    Installed found = byName.get(binding.name());
    ModuleBinding<?> installed = found == null ? null : found.binding();
    boolean same = installed == binding
        || (installed != null && ModuleJars.loaderOf(binding) != null && ModuleJars.loaderOf(installed) != null);
    return same && !withdrawing.contains(binding.name());
  }

  boolean isWithdrawing(String name) {
    return withdrawing.contains(name);
  }

  /** Whether a module of that name is installed. */
  boolean has(String name) {
    return byName.containsKey(name);
  }

  /**
   * A host's module set resolved against these bindings, each module with its slot. The last one
   * resolved is kept: every host the configuration does not list has the same list, so activating
   * many of them resolves it once (two map lookups per module were a tenth of activating 10,000
   * hosts x 50 modules: docs/benchmarks.md, "A/B against the previous runtime").
   */
  ModuleSet moduleSet(List<String> names) {
    ModuleSet last = lastModuleSet;
    if (last != null && last.names() == names) {
      return last;
    }
    Installed[] resolved = new Installed[names.size()];
    for (int i = 0; i < resolved.length; i++) {
      resolved[i] = byName.get(names.get(i));
    }
    ModuleSet made = new ModuleSet(names, resolved);
    lastModuleSet = made;
    return made;
  }

  /** A module set resolved: each name's installed module ({@code null} if none), by index; never changed. */
  record ModuleSet(List<String> names, Installed[] modules) {

    /** The installed module at the index, or {@code module-not-found}. */
    Installed installed(int index) {
      Installed installed = modules[index];
      if (installed == null) {
        throw ModuleException.moduleNotFound(names.get(index));
      }
      return installed;
    }
  }

  ModuleBinding<?> named(String name) {
    return installed(name).binding();
  }

  /** The installed module of that name, with its slot, or {@code module-not-found}. */
  Installed installed(String name) {
    Installed installed = byName.get(name);
    if (installed == null) {
      throw ModuleException.moduleNotFound(name);
    }
    return installed;
  }

  /** The binding of a module another module depends on, or {@code module-not-found} naming both. */
  ModuleBinding<?> dependency(String module, String dependency) {
    Installed installed = byName.get(dependency);
    if (installed == null) {
      throw ModuleException.missingDependency(module, dependency);
    }
    return installed.binding();
  }

  /**
   * Checks that the dependencies across these modules and those added form no cycle; a missing
   * dependency is reported when its dependent is loaded, not here.
   */
  private void checkNoCycle(Map<String, ModuleBinding<?>> added) {
    Map<String, Integer> state = new HashMap<>(); // 1: on the current path, 2: done
    Set<String> all = new TreeSet<>(names);
    all.addAll(added.keySet());
    for (String name : all) {
      visit(name, added, state, new ArrayDeque<>());
    }
  }

  private void visit(String name, Map<String, ModuleBinding<?>> added, Map<String, Integer> state, Deque<String> path) {
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
    Installed installed = byName.get(name);
    ModuleBinding<?> binding = installed != null ? installed.binding() : added.get(name);
    if (binding == null) {
      return;
    }
    state.put(name, 1);
    path.push(name);
    for (String dependency : binding.dependencies()) {
      visit(dependency, added, state, path);
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
    byName.values().forEach(installed -> installed.binding().options().forEach(option -> keys.add(option.key())));
    return Collections.unmodifiableSet(keys);
  }

  Set<String> names() {
    return names;
  }
}
