package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A manager's module directory: the current version of each {@code *.jar} in it, every
 * {@link JarLoader} still open, and those closed but not yet collected.
 *
 * <p>Every method takes this object's monitor, which is never held while module code runs
 * (reading a catalog loads generated classes, and runs no module code).
 */
final class ModuleJars {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  /** A closed loader, kept weakly: listed by status until the garbage collector takes it. */
  private record Closed(String version, Set<String> modules, WeakReference<JarLoader> loader) {}

  final Path directory;
  private final Modules modules;
  private final ClassLoader parent;
  private Path copies;
  /** The current loader of each jar of the directory, by file name. */
  private Map<String, JarLoader> current = new TreeMap<>();
  /** The current loader of each module of the directory's jars. */
  private Map<String, JarLoader> byModule = new HashMap<>();
  private final List<JarLoader> open = new ArrayList<>();
  private final List<Closed> closed = new ArrayList<>();

  ModuleJars(Path directory, Modules modules, ClassLoader parent) {
    this.directory = directory;
    this.modules = modules;
    this.parent = parent;
  }

  /** The loader a binding's module class came from, or {@code null} for the class path. */
  static JarLoader loaderOf(ModuleBinding<?> binding) {
    return binding != null && binding.moduleType().getClassLoader() instanceof JarLoader loader ? loader : null;
  }

  /** The version a binding's code is, for status: jar file name and time; {@code null} for the class path. */
  static String versionOf(ModuleBinding<?> binding) {
    JarLoader loader = loaderOf(binding);
    return loader == null ? null : loader.jar.version();
  }

  // ---- the directory

  /**
   * Reads the directory again: installs the modules of new jars, withdraws those of removed jars
   * (loaded instances keep running), and installs the modules of changed jars in place of the old
   * ones, for their next load or reload. A jar whose modules depend on a changed jar is linked
   * again to its new version (a new loader over the same copy).
   *
   * @return the names of the jars added, changed and removed, in that order of lists
   * @throws ModuleException {@code bad-module-jar}, {@code duplicate-module}, {@code
   *     dependency-cycle}: nothing changes then
   */
  synchronized List<List<String>> refresh() {
    List<JarLoader> made = new ArrayList<>();
    Map<String, JarLoader> next = new TreeMap<>();
    try {
      for (Path file : jarFiles()) {
        String name = file.getFileName().toString();
        JarLoader old = current.get(name);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (old != null && old.jar.isUnchanged(attributes)) {
          next.put(name, old);
          continue;
        }
        ModuleJar jar = ModuleJar.read(file, copies());
        if (old != null && old.jar.sha256.equals(jar.sha256)) {
          jar.deleteCopy(); // touched, not changed
          next.put(name, old);
          continue;
        }
        JarLoader loader = new JarLoader(jar, parent);
        made.add(loader);
        next.put(name, loader);
      }
      // Read each new jar's catalog with every other jar in sight (a module class may extend a
      // class of a jar it depends on, which only the catalog says), then link it to what it needs.
      for (JarLoader loader : made) {
        List<JarLoader> others = new ArrayList<>(next.values());
        others.remove(loader);
        loader.links = others;
      }
      for (JarLoader loader : made) {
        loader.readCatalogs();
      }
      Map<String, JarLoader> modulesNext = modulesOf(next.values());
      for (JarLoader loader : made) {
        loader.links = linksOf(loader, modulesNext);
      }
      // A jar whose links changed (a jar it depends on changed) is linked again, until none changes.
      boolean relinked = true;
      while (relinked) {
        relinked = false;
        for (Map.Entry<String, JarLoader> entry : next.entrySet()) {
          JarLoader loader = entry.getValue();
          List<JarLoader> wanted = linksOf(loader, modulesNext);
          if (!wanted.equals(loader.links)) {
            JarLoader again = new JarLoader(loader.jar, parent);
            made.add(again);
            again.links = wanted;
            again.readCatalogs();
            entry.setValue(again);
            modulesNext = modulesOf(next.values());
            relinked = true;
          }
        }
      }
      Set<String> withdrawn = new TreeSet<>();
      List<ModuleCatalog> added = new ArrayList<>();
      for (JarLoader loader : current.values()) {
        if (!next.containsValue(loader)) {
          withdrawn.addAll(loader.bindings.keySet());
        }
      }
      Bindings installed = modules.current();
      for (JarLoader loader : next.values()) {
        if (!current.containsValue(loader)) {
          for (String module : loader.bindings.keySet()) {
            if (installed.names().contains(module) && !withdrawn.contains(module)) {
              throw ModuleException.duplicateModuleJar(module, loader.jar.fileName, "the class path or another catalog installed");
            }
          }
          added.addAll(loader.catalogs);
        }
      }
      modules.replace(withdrawn, added);
    } catch (IOException failure) {
      discard(made);
      throw ModuleException.badModuleJar(directory.toString(), null, "the module directory cannot be read (" + failure + ")",
          "check that it exists and is readable", failure);
    } catch (RuntimeException | Error failure) {
      discard(made);
      throw failure;
    }
    List<String> addedJars = new ArrayList<>();
    List<String> changedJars = new ArrayList<>();
    List<String> removedJars = new ArrayList<>();
    for (JarLoader loader : made) {
      loader.links.forEach(link -> link.holds++);
      open.add(loader);
    }
    for (Map.Entry<String, JarLoader> entry : next.entrySet()) {
      JarLoader before = current.get(entry.getKey());
      if (before != entry.getValue()) {
        entry.getValue().holds++;
        if (before == null) {
          addedJars.add(entry.getKey());
        } else if (before.jar != entry.getValue().jar) {
          changedJars.add(entry.getKey()); // not one linked again to a changed dependency
        }
      }
    }
    for (Map.Entry<String, JarLoader> entry : current.entrySet()) {
      if (next.get(entry.getKey()) != entry.getValue()) {
        if (!next.containsKey(entry.getKey())) {
          removedJars.add(entry.getKey());
        }
        release(entry.getValue());
      }
    }
    current = next;
    byModule = modulesOf(next.values());
    for (JarLoader loader : made) {
      if (loader.holds == 0) {
        close(loader); // made, then replaced in the relink loop
      }
    }
    return List.of(addedJars, changedJars, removedJars);
  }

  private List<Path> jarFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*.jar")) {
      for (Path file : jars) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    }
    files.sort(null);
    return files;
  }

  private Path copies() throws IOException {
    if (copies == null || !Files.isDirectory(copies)) {
      copies = Files.createTempDirectory("hostmod-jars-");
      copies.toFile().deleteOnExit();
    }
    return copies;
  }

  /** Each module of the loaders, to its loader; {@code duplicate-module} naming both jars. */
  private static Map<String, JarLoader> modulesOf(Collection<JarLoader> loaders) {
    Map<String, JarLoader> found = new HashMap<>();
    for (JarLoader loader : loaders) {
      for (String module : loader.bindings.keySet()) {
        JarLoader first = found.putIfAbsent(module, loader);
        if (first != null) {
          throw ModuleException.duplicateModuleJar(module, loader.jar.fileName, "jar " + first.jar.fileName);
        }
      }
    }
    return found;
  }

  /** The loaders of the other jars that the loader's modules depend on, ordered by jar name. */
  private static List<JarLoader> linksOf(JarLoader loader, Map<String, JarLoader> modules) {
    Map<String, JarLoader> links = new TreeMap<>();
    for (ModuleBinding<?> binding : loader.bindings.values()) {
      for (String dependency : binding.dependencies()) {
        JarLoader provider = modules.get(dependency);
        if (provider != null && provider.jar.source != loader.jar.source && !provider.jar.fileName.equals(loader.jar.fileName)) {
          links.put(provider.jar.fileName, provider);
        }
      }
    }
    return List.copyOf(links.values());
  }

  /** Closes loaders a failed refresh made (nothing holds them). */
  private void discard(List<JarLoader> made) {
    for (JarLoader loader : made) {
      loader.closed = true;
      loader.closeQuietly();
      if (--loader.jar.loaders == 0) {
        loader.jar.deleteCopy();
      }
    }
  }

  // ---- code for an instance

  /**
   * The binding a new instance of a module runs: the current version of its jar, linked to the
   * versions of the jars its dependencies run on this host ({@code dependencies}: their bindings).
   * Held for the caller, who releases it; {@code null} if the module is not from a module jar.
   *
   * @throws ModuleException {@code module-not-found} if {@code before} came from a jar that is no
   *     longer in the directory
   */
  synchronized ModuleBinding<?> resolve(String module, ModuleBinding<?> before, List<ModuleBinding<?>> dependencies) {
    JarLoader base = byModule.get(module);
    if (base == null) {
      JarLoader was = loaderOf(before);
      if (was == null) {
        return null;
      }
      throw ModuleException.jarRemoved(module, was.jar.fileName);
    }
    List<JarLoader> wanted = new ArrayList<>(base.links);
    for (ModuleBinding<?> dependency : dependencies) {
      JarLoader used = loaderOf(dependency);
      if (used == null) {
        continue;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (wanted.get(i).jar.fileName.equals(used.jar.fileName)) {
          wanted.set(i, used);
        }
      }
    }
    JarLoader chosen = base;
    if (!wanted.equals(base.links)) {
      chosen = null;
      for (JarLoader candidate : open) {
        if (candidate.jar == base.jar && candidate.links.equals(wanted) && !candidate.closed) {
          chosen = candidate;
          break;
        }
      }
      if (chosen == null) {
        chosen = new JarLoader(base.jar, parent);
        chosen.links = List.copyOf(wanted);
        try {
          chosen.readCatalogs();
        } catch (RuntimeException | Error failure) {
          discard(List.of(chosen));
          throw failure;
        }
        wanted.forEach(link -> link.holds++);
        open.add(chosen);
      }
    }
    if (!open.contains(chosen)) {
      open.add(chosen);
    }
    chosen.holds++;
    return chosen.bindings.get(module);
  }

  /** Holds a binding's loader (nothing for the class path): an instance of it, or a reload's plan. */
  synchronized void retain(ModuleBinding<?> binding) {
    JarLoader loader = loaderOf(binding);
    if (loader != null) {
      if (loader.closed) {
        throw new IllegalStateException(loader + " is closed");
      }
      loader.holds++;
      if (!open.contains(loader)) {
        open.add(loader);
      }
    }
  }

  /** An instance was made from the binding: it holds its loader until {@link #instanceGone}. */
  synchronized void instanceMade(ModuleBinding<?> binding) {
    JarLoader loader = loaderOf(binding);
    if (loader != null) {
      retain(binding);
      loader.instances++;
      loader.used.add(binding.name());
    }
  }

  /**
   * An instance made from the binding was unloaded. Once a version has no instance left, a live
   * thread that still belongs to it is reported (Tomcat's "find leaks"); then the hold ends.
   */
  synchronized void instanceGone(ModuleBinding<?> binding) {
    JarLoader loader = loaderOf(binding);
    if (loader != null) {
      if (--loader.instances == 0) {
        reportThreads(loader);
      }
      release(loader);
    }
  }

  /** Ends a hold taken by {@link #retain} or {@link #resolve}; the last one closes the loader. */
  synchronized void release(ModuleBinding<?> binding) {
    JarLoader loader = loaderOf(binding);
    if (loader != null) {
      release(loader);
    }
  }

  private void release(JarLoader loader) {
    if (--loader.holds == 0) {
      close(loader);
    }
  }

  private void close(JarLoader loader) {
    if (loader.closed) {
      return;
    }
    loader.closed = true;
    open.remove(loader);
    loader.closeQuietly();
    if (--loader.jar.loaders == 0) {
      loader.jar.deleteCopy();
    }
    closed.add(new Closed(loader.jar.version(), new TreeSet<>(loader.used), new WeakReference<>(loader)));
    List<JarLoader> links = loader.links;
    for (JarLoader link : links) {
      release(link);
    }
  }

  /**
   * Tomcat's "find leaks" for threads: a live thread whose class or context class loader is the
   * version's (module code runs its constructor and {@code @Load} with it as context loader, so
   * threads it starts inherit it).
   */
  private static void reportThreads(JarLoader loader) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && (thread.getContextClassLoader() == loader || thread.getClass().getClassLoader() == loader)) {
        String modules = loader.used.isEmpty() ? "of the jar" : String.join(", ", new TreeSet<>(loader.used));
        LOG.log(Level.WARNING, () -> "module " + modules + " of " + loader.jar.version() + " left thread '"
            + thread.getName() + "' running after its last instance was unloaded; that version's class loader"
            + " cannot be collected while it runs: stop the thread (and join it) in @Unload");
      }
    }
  }

  // ---- what status shows

  /**
   * The versions whose last instance is gone but whose class loader is still reachable (not yet
   * collected): right after the unload, until the garbage collector runs; for long, a leak.
   */
  synchronized List<String> held() {
    List<String> versions = new ArrayList<>();
    for (Iterator<Closed> each = closed.iterator(); each.hasNext(); ) {
      Closed held = each.next();
      if (held.loader().get() == null) {
        each.remove();
      } else {
        versions.add(held.version());
      }
    }
    return versions;
  }

  /**
   * Whether the jar that a module of the directory comes from is no longer what was read: changed
   * (size or time) or gone. {@code false} for a module of the class path.
   */
  synchronized boolean changedOnDisk(String module) {
    JarLoader loader = byModule.get(module);
    if (loader == null) {
      return false;
    }
    try {
      return !loader.jar.isUnchanged(Files.readAttributes(directory.resolve(loader.jar.fileName), BasicFileAttributes.class));
    } catch (IOException gone) {
      return true;
    }
  }

  /**
   * Names each version {@link #held()} still, in a {@code WARNING}: called right after a full
   * garbage collection ({@link ModuleManager#findLeaks()}), when only a leak keeps one.
   */
  synchronized List<String> reportHeld() {
    List<String> leaks = new ArrayList<>();
    held();
    for (Closed held : closed) {
      String modules = held.modules().isEmpty() ? "no module loaded" : String.join(", ", held.modules());
      leaks.add(held.version() + " (" + modules + ")");
      LOG.log(Level.WARNING, () -> "module " + modules + " of " + held.version() + " is still reachable after its"
          + " last instance was unloaded and a full garbage collection: something outside the jar holds an object"
          + " or class of it, most often a static field of a class-path or JDK class (a cache, a registry, system"
          + " properties, a listener or driver left registered); release it in @Unload. A heap dump"
          + " (jcmd <pid> GC.heap_dump) shows the path to the class loader named '" + held.version() + "'");
    }
    return leaks;
  }

  /** A module class of a loader that is not the current one, found by type. */
  synchronized Optional<ModuleBinding<?>> ofType(Class<?> type, boolean proxy) {
    if (type.getClassLoader() instanceof JarLoader loader) {
      for (ModuleBinding<?> binding : loader.bindings.values()) {
        if ((proxy ? binding.hostProxyType() : binding.moduleType()) == type) {
          return Optional.of(binding);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether saved state can pass from one version to the new binding's: each value of it (list,
   * set and map elements and keys, arrays, optionals, walked) is of a class the new version's loader
   * sees as the same class: JDK and class-path types do, a class of a replaced jar does not.
   *
   * @return {@code null} if it can, else the name of the first type that cannot
   */
  static String cannotCross(Object state, ModuleBinding<?> next) {
    JarLoader loader = loaderOf(next);
    return loader == null ? null : cannotCross(state, loader, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static String cannotCross(Object value, JarLoader loader, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return null;
    }
    Class<?> type = value.getClass();
    if (type.getClassLoader() != null && !loader.sees(type)) {
      return type.getName();
    }
    Collection<?> parts;
    if (value instanceof Collection<?> collection) {
      parts = collection;
    } else if (value instanceof Map<?, ?> map) {
      List<Object> both = new ArrayList<>(map.keySet());
      both.addAll(map.values());
      parts = both;
    } else if (value instanceof Optional<?> optional) {
      parts = optional.isPresent() ? List.of(optional.get()) : List.of();
    } else if (value instanceof Object[] array) {
      parts = java.util.Arrays.asList(array);
    } else {
      return null;
    }
    for (Object part : parts) {
      String refused = cannotCross(part, loader, seen);
      if (refused != null) {
        return refused;
      }
    }
    return null;
  }

}
