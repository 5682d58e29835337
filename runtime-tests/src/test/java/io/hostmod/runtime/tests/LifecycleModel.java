package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.GLOBAL_MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.HOST_ALREADY_ACTIVE;
import static io.hostmod.runtime.ModuleException.LOAD_FAILED;
import static io.hostmod.runtime.ModuleException.MODULE_ALREADY_LOADED;
import static io.hostmod.runtime.ModuleException.MODULE_NOT_LOADED;
import static io.hostmod.runtime.ModuleException.SAVE_STATE_FAILED;
import static io.hostmod.runtime.ModuleException.UNKNOWN_HOST;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.ModuleManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A single-threaded reference model of the module manager's rules, over the traced modules
 * ({@link Traced}), for {@link ModelBasedTest}: which modules are loaded where, each instance's
 * callbacks (named as {@link Trace} names them, and made to fail by one-shot faults as {@link
 * Journal#failOnce} does), the lifecycle events per host and module, and each operation's result.
 * It knows nothing of the runtime: it is the rules written down as plainly as possible.
 *
 * <p>The rules it encodes, in short:
 *
 * <ul>
 *   <li>Refusals (unknown-host, module-already-loaded, global-module-already-loaded,
 *       module-not-loaded, host-already-active) are decided before any module code runs or any
 *       event fires.
 *   <li>A module's dependencies load first on its home host: {@code "*"} for a global module, else
 *       the host asked. A shared dependency on {@code "*"} is its global instance only; on a real
 *       host, its host part there (and its global instance if missing).
 *   <li>A shared module's first load on a host creates the global instance (ctor, {@code @Load})
 *       then calls {@code @AddHost}; a failed first {@code @AddHost} unloads that global instance
 *       ({@code @Unload()}). A failed load leaves nothing it loaded: the dependencies it loaded
 *       are unloaded again, newest first (each firing module-loaded, then module-unloaded).
 *   <li>Unload: dependents first; from {@code "*"}, a shared module's host parts (and their
 *       dependents) first, then what depends on the global instance, then the global {@code
 *       @Unload()}. An exception in {@code @Unload} changes nothing.
 *   <li>Reload of an instance (per-host, global, shared on {@code "*"}): dependents are set aside
 *       (dependents first: each {@code @Save}d, then {@code @Unload}ed, firing nothing yet); then
 *       the module's {@code @Save} (throws: save-state-failed, the old instance and host parts
 *       stay, the dependents come back); then for a shared module each host's {@code
 *       @Unload(HostContext)}; {@code @Unload()}; new instance (ctor, {@code @Load}; throws:
 *       load-failed, the module, its host parts and its dependents are gone, module-unloaded for
 *       each); {@code @Restore}; {@code @AddHost} once per host (refused: that host part stays
 *       unloaded, module-unloaded; else module-reloaded); then each dependent whose dependencies
 *       are loaded comes back as a new instance (ctor, {@code @Load}, {@code @Restore} unless its
 *       {@code @Save} threw), firing module-reloaded; one that does not (its dependency is gone,
 *       or its ctor or {@code @Load} threw) fires module-unloaded. Any refusal or dependent's
 *       failure makes the reload fail with load-failed; the module itself fires module-reloaded.
 *   <li>Reload of a shared module on a real host: {@code @Unload(HostContext)} then {@code
 *       @AddHost} on the same global instance; dependents untouched; refused: the host part and
 *       its dependents there are unloaded (module-unloaded each), load-failed; else
 *       module-reloaded.
 *   <li>Deactivation unloads every module of the host, dependents first, never anything on {@code
 *       "*"}.
 * </ul>
 */
final class LifecycleModel {

  static final String LOCAL = "traced_local";
  static final String LOCAL_USER = "traced_local_user";
  static final String GLOBAL_MODULE = "traced_global";
  static final String SHARED = "traced_shared";
  static final String SHARED_USER = "traced_shared_user";
  static final String GLOBAL_USER = "traced_global_user";
  static final List<String> MODULES =
      List.of(LOCAL, LOCAL_USER, GLOBAL_MODULE, SHARED, SHARED_USER, GLOBAL_USER);

  private static final String STAR = ModuleManager.GLOBAL;
  private static final Map<String, ModuleKind> KINDS =
      Map.of(
          LOCAL, ModuleKind.PER_HOST,
          LOCAL_USER, ModuleKind.PER_HOST,
          GLOBAL_MODULE, ModuleKind.GLOBAL,
          SHARED, ModuleKind.SHARED,
          SHARED_USER, ModuleKind.PER_HOST,
          GLOBAL_USER, ModuleKind.GLOBAL);
  private static final Map<String, List<String>> DEPENDENCIES =
      Map.of(
          LOCAL, List.of(),
          LOCAL_USER, List.of(LOCAL),
          GLOBAL_MODULE, List.of(),
          SHARED, List.of(),
          SHARED_USER, List.of(SHARED),
          GLOBAL_USER, List.of(SHARED));

  static ModuleKind kind(String module) {
    return KINDS.get(module);
  }

  /** A module loaded on a host: an instance, or a shared module's host part on its instance. */
  private static final class Entry {
    final String host;
    final String module;
    final boolean hostPart;
    String instance;

    Entry(String host, String module, String instance, boolean hostPart) {
      this.host = host;
      this.module = module;
      this.instance = instance;
      this.hostPart = hostPart;
    }
  }

  /** A dependent set aside for its dependency's reload, with whether it has a state to restore. */
  private record SetAside(String host, String module, boolean hasState) {}

  /** A callback of the model made to throw. */
  private static final class Fault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fault() {
      super(null, null, false, false);
    }
  }

  private final Set<String> active = new TreeSet<>();
  /** By {@code "<host>|<module>"}, in the order loaded (for newest first). */
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, Integer> created = new HashMap<>();
  private final Map<String, List<String>> steps = new TreeMap<>();
  private final Map<String, List<String>> events = new TreeMap<>();
  private final Set<String> armed = new HashSet<>();

  LifecycleModel(String... activeHosts) {
    active.addAll(List.of(activeHosts));
  }

  // ---- what the model shows, as the runtime's observation shows it

  boolean isLoaded(String host, String module) {
    return entry(host, module) != null;
  }

  boolean isActive(String host) {
    return host.equals(STAR) || active.contains(host);
  }

  Set<String> loadedModules(String host) {
    Set<String> loaded = new TreeSet<>();
    for (Entry entry : entries.values()) {
      if (entry.host.equals(host)) {
        loaded.add(entry.module);
      }
    }
    return loaded;
  }

  /** Each instance's steps, as {@link Trace#stepsByInstance} gives them. */
  Map<String, List<String>> steps() {
    return steps;
  }

  /** The lifecycle events, by {@code "<host> <module>"}, in order. */
  Map<String, List<String>> events() {
    return events;
  }

  // ---- operations: each returns "ok" or the error code

  String failOnce(String journalStep) {
    armed.add(journalStep);
    return "ok";
  }

  String activate(String host) {
    if (!active.add(host)) {
      return HOST_ALREADY_ACTIVE;
    }
    return "ok";
  }

  String deactivate(String host) {
    if (!active.contains(host)) {
      return UNKNOWN_HOST;
    }
    Entry newest;
    while ((newest = newestOn(host)) != null) {
      unloadEntry(newest);
    }
    active.remove(host);
    return "ok";
  }

  String load(String host, String module) {
    if (!isActive(host)) {
      return UNKNOWN_HOST;
    }
    switch (kind(module)) {
      case PER_HOST, SHARED -> {
        if (entry(host, module) != null) {
          return MODULE_ALREADY_LOADED;
        }
      }
      case GLOBAL -> {
        if (entry(STAR, module) != null) {
          return host.equals(STAR) ? MODULE_ALREADY_LOADED : GLOBAL_MODULE_ALREADY_LOADED;
        }
      }
    }
    List<Entry> loadedOnTheWay = new ArrayList<>();
    try {
      loadWithDependencies(host, module, loadedOnTheWay);
      return "ok";
    } catch (Fault failed) {
      for (int i = loadedOnTheWay.size() - 1; i >= 0; i--) {
        Entry loaded = loadedOnTheWay.get(i);
        if (entries.get(key(loaded.host, loaded.module)) == loaded) {
          unloadEntry(loaded);
        }
      }
      return LOAD_FAILED;
    }
  }

  String unload(String host, String module) {
    if (!isActive(host)) {
      return UNKNOWN_HOST;
    }
    Entry entry = entry(host, module);
    if (entry == null) {
      return MODULE_NOT_LOADED;
    }
    unloadEntry(entry);
    return "ok";
  }

  String reload(String host, String module) {
    if (!isActive(host)) {
      return UNKNOWN_HOST;
    }
    Entry entry = entry(host, module);
    if (entry == null) {
      return MODULE_NOT_LOADED;
    }
    return entry.hostPart ? reloadHostPart(entry) : reloadInstance(entry);
  }

  // ---- load

  /** Loads a module that is not loaded for the host, its dependencies first on its home host. */
  private void loadWithDependencies(String host, String module, List<Entry> loadedOnTheWay) {
    String home = kind(module) == ModuleKind.GLOBAL ? STAR : host;
    for (String dependency : DEPENDENCIES.get(module)) {
      if (dependencyEntry(home, dependency) == null) {
        loadWithDependencies(home, dependency, loadedOnTheWay);
      }
    }
    if (kind(module) == ModuleKind.SHARED && !host.equals(STAR)) {
      Entry global = entry(STAR, module);
      boolean first = global == null;
      if (first) {
        global = new Entry(STAR, module, newInstance(module, STAR), false);
      }
      try {
        call(global.instance, module, "addHost", host);
      } catch (Fault refused) {
        if (first) {
          callLoggingFault(global.instance, module, "unload", STAR);
        }
        throw refused;
      }
      if (first) {
        add(global, loadedOnTheWay);
      }
      add(new Entry(host, module, global.instance, true), loadedOnTheWay);
    } else {
      String target = kind(module) == ModuleKind.GLOBAL ? STAR : host;
      add(new Entry(target, module, newInstance(module, target), false), loadedOnTheWay);
    }
  }

  /** Constructor and {@code @Load}: the new instance's name, or a fault. */
  private String newInstance(String module, String host) {
    int n = created.merge(module + "@" + host, 1, Integer::sum);
    String instance = module + "@" + host + "#" + n;
    call(instance, module, "new", host);
    call(instance, module, "load", host);
    return instance;
  }

  private void add(Entry entry, List<Entry> loadedOnTheWay) {
    entries.put(key(entry.host, entry.module), entry);
    loadedOnTheWay.add(entry);
    event(Event.MODULE_LOADED, entry.host, entry.module);
  }

  // ---- unload

  private void unloadEntry(Entry entry) {
    if (entry.module.equals(SHARED) && !entry.hostPart) {
      for (Entry part : hostParts(entry.module)) {
        unloadEntry(part);
      }
    }
    unloadDependents(entry);
    callUnload(entry);
    entries.remove(key(entry.host, entry.module));
    event(Event.MODULE_UNLOADED, entry.host, entry.module);
  }

  private void unloadDependents(Entry entry) {
    for (Entry dependent : dependents(entry)) {
      if (entries.get(key(dependent.host, dependent.module)) == dependent) {
        unloadEntry(dependent);
      }
    }
  }

  private void callUnload(Entry entry) {
    if (entry.hostPart) {
      callLoggingFault(entry.instance, entry.module, "unloadHost", entry.host);
    } else {
      callLoggingFault(entry.instance, entry.module, "unload", entry.host);
    }
  }

  // ---- reload

  private String reloadHostPart(Entry part) {
    callLoggingFault(part.instance, part.module, "unloadHost", part.host);
    try {
      call(part.instance, part.module, "addHost", part.host);
    } catch (Fault refused) {
      unloadDependents(part);
      entries.remove(key(part.host, part.module));
      event(Event.MODULE_UNLOADED, part.host, part.module);
      return LOAD_FAILED;
    }
    event(Event.MODULE_RELOADED, part.host, part.module);
    return "ok";
  }

  private String reloadInstance(Entry entry) {
    String module = entry.module;
    List<Entry> parts = kind(module) == ModuleKind.SHARED ? hostParts(module) : List.of();
    List<SetAside> setAside = new ArrayList<>();
    setAsideDependents(entry, setAside);
    for (Entry part : parts) {
      setAsideDependents(part, setAside);
    }
    try {
      call(entry.instance, module, "save", entry.host);
    } catch (Fault refused) {
      comeBack(setAside);
      return SAVE_STATE_FAILED;
    }
    for (Entry part : parts) {
      callLoggingFault(part.instance, module, "unloadHost", part.host);
    }
    callLoggingFault(entry.instance, module, "unload", entry.host);
    String fresh;
    try {
      fresh = newInstance(module, entry.host);
    } catch (Fault failed) {
      entries.remove(key(entry.host, module));
      event(Event.MODULE_UNLOADED, entry.host, module);
      for (Entry part : parts) {
        entries.remove(key(part.host, module));
        event(Event.MODULE_UNLOADED, part.host, module);
      }
      for (SetAside dependent : setAside) {
        event(Event.MODULE_UNLOADED, dependent.host(), dependent.module());
      }
      return LOAD_FAILED;
    }
    entry.instance = fresh;
    callLoggingFault(fresh, module, "restore", entry.host);
    boolean failed = false;
    for (Entry part : parts) {
      try {
        call(fresh, module, "addHost", part.host);
        part.instance = fresh;
        event(Event.MODULE_RELOADED, part.host, module);
      } catch (Fault refused) {
        entries.remove(key(part.host, module));
        event(Event.MODULE_UNLOADED, part.host, module);
        failed = true;
      }
    }
    event(Event.MODULE_RELOADED, entry.host, module);
    failed |= comeBack(setAside);
    return failed ? LOAD_FAILED : "ok";
  }

  /**
   * Sets aside the entry's dependents, dependents first: each saved, then unloaded, with no
   * event yet; adds them to {@code setAside} each before the modules that depend on it.
   */
  private void setAsideDependents(Entry entry, List<SetAside> setAside) {
    for (Entry dependent : dependents(entry)) {
      if (entries.get(key(dependent.host, dependent.module)) != dependent) {
        continue;
      }
      int at = setAside.size();
      setAsideDependents(dependent, setAside);
      boolean saved = true;
      try {
        call(dependent.instance, dependent.module, "save", dependent.host);
      } catch (Fault logged) {
        saved = false;
      }
      callUnload(dependent);
      entries.remove(key(dependent.host, dependent.module));
      setAside.add(at, new SetAside(dependent.host, dependent.module, saved));
    }
  }

  /** Brings set-aside dependents back, in order; whether one failed to come back by its own fault. */
  private boolean comeBack(List<SetAside> setAside) {
    boolean failed = false;
    for (SetAside dependent : setAside) {
      String home = kind(dependent.module()) == ModuleKind.GLOBAL ? STAR : dependent.host();
      boolean dependenciesLoaded =
          DEPENDENCIES.get(dependent.module()).stream().allMatch(d -> dependencyEntry(home, d) != null);
      if (!dependenciesLoaded) {
        event(Event.MODULE_UNLOADED, dependent.host(), dependent.module());
        continue;
      }
      String instance;
      try {
        instance = newInstance(dependent.module(), dependent.host());
      } catch (Fault notBack) {
        event(Event.MODULE_UNLOADED, dependent.host(), dependent.module());
        failed = true;
        continue;
      }
      entries.put(key(dependent.host(), dependent.module()),
          new Entry(dependent.host(), dependent.module(), instance, false));
      if (dependent.hasState()) {
        callLoggingFault(instance, dependent.module(), "restore", dependent.host());
      }
      event(Event.MODULE_RELOADED, dependent.host(), dependent.module());
    }
    return failed;
  }

  // ---- structure

  private Entry entry(String host, String module) {
    return entries.get(key(host, module));
  }

  /** The entry a module loaded for {@code home} uses for its dependency, or {@code null}. */
  private Entry dependencyEntry(String home, String dependency) {
    return entry(kind(dependency) == ModuleKind.GLOBAL ? STAR : home, dependency);
  }

  /** The loaded entries that depend on this one (not a shared module's host parts), newest first. */
  private List<Entry> dependents(Entry entry) {
    List<Entry> dependents = new ArrayList<>();
    for (Entry other : entries.values()) {
      String home = kind(other.module) == ModuleKind.GLOBAL ? STAR : other.host;
      for (String dependency : DEPENDENCIES.get(other.module)) {
        if (dependencyEntry(home, dependency) == entry) {
          dependents.add(0, other);
        }
      }
    }
    return dependents;
  }

  private List<Entry> hostParts(String module) {
    List<Entry> parts = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.module.equals(module) && entry.hostPart) {
        parts.add(entry);
      }
    }
    return parts;
  }

  private Entry newestOn(String host) {
    Entry newest = null;
    for (Entry entry : entries.values()) {
      if (entry.host.equals(host)) {
        newest = entry;
      }
    }
    return newest;
  }

  private static String key(String host, String module) {
    return host + "|" + module;
  }

  // ---- callbacks and events

  /** A callback: recorded on its instance (a host part's apart), and thrown if armed. */
  private void call(String instance, String module, String step, String host) {
    String key = Trace.isHostStep(step) ? instance + " / " + host : instance;
    List<String> list = steps.computeIfAbsent(key, k -> new ArrayList<>());
    list.add(step);
    if (armed.remove(module + "." + step + " " + host)) {
      list.set(list.size() - 1, step + "!");
      throw new Fault();
    }
  }

  /** A callback whose exception the runtime logs and goes on: {@code @Unload}, {@code @Restore}. */
  private void callLoggingFault(String instance, String module, String step, String host) {
    try {
      call(instance, module, step, host);
    } catch (Fault logged) {
      // Logged by the runtime; the operation goes on.
    }
  }

  private void event(String name, String host, String module) {
    events.computeIfAbsent(host + " " + module, k -> new ArrayList<>()).add(name);
  }
}
