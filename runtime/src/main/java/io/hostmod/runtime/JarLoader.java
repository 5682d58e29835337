package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The class loader of one {@link ModuleJar} version, linked to the loaders of the jars its modules
 * depend on. Parent first (the application's loader: hostmod, the server's API, the JDK), then its
 * own jar, then the jars it is linked to (their own classes and, transitively, their links'). A
 * dependent jar gets a loader of its own for each combination of dependency versions its modules
 * run against (see {@link ModuleJars#resolve}), so no instance runs against a class of a replaced
 * version.
 *
 * <p>Holds, opened and closed under the {@link ModuleJars} monitor: the directory's current
 * loader of a jar holds it, as does each live instance made from it, each open loader linked to it
 * and a reload that plans to use it. The last hold released closes it.
 */
final class JarLoader extends URLClassLoader {

  static {
    // Per-class locks: two linked loaders may load each other's classes at once.
    registerAsParallelCapable();
  }

  final ModuleJar jar;
  /** The loaders this one searches after its own jar; final once the catalog is read. */
  volatile List<JarLoader> links = List.of();
  /** The jar's modules, by name, in this loader. */
  final Map<String, ModuleBinding<?>> bindings = new LinkedHashMap<>();
  /** The jar's catalogs, in this loader. */
  final List<ModuleCatalog> catalogs = new ArrayList<>();
  /** Guarded by the ModuleJars monitor. */
  int holds;
  /** Live instances made from it. Guarded by the ModuleJars monitor. */
  int instances;
  boolean closed;
  /** Whether an instance was ever made from it, to name the modules in a leak warning. */
  final Set<String> used = new HashSet<>();

  JarLoader(ModuleJar jar, ClassLoader parent) {
    super(jar.version(), new URL[] {url(jar)}, parent);
    this.jar = jar;
    jar.loaders++;
  }

  private static URL url(ModuleJar jar) {
    try {
      return jar.copy.toUri().toURL();
    } catch (MalformedURLException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Reads the catalogs this jar registers in {@code META-INF/services} (not those of the parent,
   * which the service loader also sees).
   *
   * @throws ModuleException {@code bad-module-jar} if it has none or one cannot be loaded
   */
  void readCatalogs() {
    try {
      ServiceLoader.load(ModuleCatalog.class, this).stream()
          .filter(provider -> provider.type().getClassLoader() == this)
          .forEach(provider -> catalogs.add(provider.get()));
      for (ModuleCatalog catalog : catalogs) {
        for (ModuleBinding<?> binding : catalog.bindings()) {
          bindings.put(binding.name(), binding);
        }
      }
    } catch (RuntimeException | LinkageError failure) {
      throw ModuleException.badModuleJar(jar.fileName, null, "its catalog cannot be loaded (" + failure + ")",
          "rebuild it with the hostmod processor against this server's API and refresh", failure);
    }
    if (bindings.isEmpty()) {
      throw ModuleException.badModuleJar(jar.fileName, null,
          "it has no module catalog (no META-INF/services/io.hostmod.runtime.spi.ModuleCatalog of its own)",
          "compile its @Module classes with the hostmod processor, or take the jar out of the module directory", null);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    try {
      return super.findClass(name);
    } catch (ClassNotFoundException notHere) {
      Set<JarLoader> visited = new HashSet<>();
      visited.add(this);
      for (JarLoader link : links) {
        Class<?> found = link.findLinked(name, visited);
        if (found != null) {
          return found;
        }
      }
      throw notHere;
    }
  }

  /** A class of this jar or, transitively, of its links; {@code null} if none has it. */
  private Class<?> findLinked(String name, Set<JarLoader> visited) {
    if (!visited.add(this)) {
      return null;
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> found = findLoadedClass(name);
      if (found != null) {
        return found;
      }
      try {
        return super.findClass(name);
      } catch (ClassNotFoundException notHere) {
        // its links, below
      }
    }
    for (JarLoader link : links) {
      Class<?> found = link.findLinked(name, visited);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Whether this loader sees the same class as {@code type} under its name. */
  boolean sees(Class<?> type) {
    try {
      // The loader's own lookup: the runtime reflects on nothing.
      return loadClass(type.getName()) == type;
    } catch (ClassNotFoundException | LinkageError notSeen) {
      return false;
    }
  }

  void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // the copy is deleted below anyway
    }
  }

  @Override
  public String toString() {
    return "JarLoader[" + jar.version() + "]";
  }
}
