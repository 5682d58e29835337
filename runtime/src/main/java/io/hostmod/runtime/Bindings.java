package io.hostmod.runtime;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every module binding of the catalogs a manager was built with, by name, module type and proxy type. */
final class Bindings {

  private final Map<String, ModuleBinding<?>> byName = new TreeMap<>();
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

  @SuppressWarnings("unchecked") // byType maps each module class to its own binding
  <M> ModuleBinding<M> ofType(Class<M> moduleType) {
    ModuleBinding<?> binding = byType.get(moduleType);
    if (binding == null) {
      throw ModuleException.typeNotFound(moduleType, "module");
    }
    return (ModuleBinding<M>) binding;
  }

  ModuleBinding<?> ofProxyType(Class<?> proxyType) {
    ModuleBinding<?> binding = byProxyType.get(proxyType);
    if (binding == null) {
      throw ModuleException.typeNotFound(proxyType, "host proxy");
    }
    return binding;
  }

  Set<String> names() {
    return Collections.unmodifiableSet(byName.keySet());
  }
}
