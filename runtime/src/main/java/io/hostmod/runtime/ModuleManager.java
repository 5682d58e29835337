package io.hostmod.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads, unloads and reloads modules on hosts, by running the bindings that the hostmod processor
 * generated. It follows Prosody's module manager: the global host {@link #GLOBAL} ({@code "*"}) is
 * always active, other hosts are activated and deactivated; a global module exists once, on
 * {@code "*"}; a shared module has one global instance and a host part on every host it is loaded
 * on.
 *
 * <p>Safe to use from many threads. Operations on different hosts or modules run in parallel; an
 * operation that finds a module being loaded or unloaded by another thread waits for it. No lock is
 * held while module code runs.
 *
 * <pre>{@code
 * ModuleManager modules = ModuleManager.builder().discoverCatalogs().build();
 * modules.activateHost("chat.example");
 * modules.load("chat.example", "muc");
 * }</pre>
 */
public final class ModuleManager {

  /** The global host, on which global and shared modules keep their one instance. */
  public static final String GLOBAL = "*";

  private final Bindings bindings;
  private final HostTable table = new HostTable();
  private final Lifecycle lifecycle = new Lifecycle(table);

  private ModuleManager(Bindings bindings) {
    this.bindings = bindings;
  }

  /** Starts building a manager from module catalogs. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Activates a host, so that modules can be loaded on it.
   *
   * @throws ModuleException {@code host-already-active} if it is active
   */
  public void activateHost(String host) {
    table.activate(requireName(host, "host"));
  }

  /**
   * Unloads every module of the host, newest first, then deactivates it.
   *
   * @throws ModuleException {@code unknown-host} if it is not active
   */
  public void deactivateHost(String host) {
    lifecycle.deactivate(table.beginDeactivation(requireName(host, "host")));
  }

  /**
   * Loads a module on a host. A global module is loaded on {@code "*"} whatever host is asked; a
   * shared module's global instance is created on its first load, and {@code @AddHost} is called
   * for every real host.
   *
   * @throws ModuleException {@code unknown-host}, {@code module-not-found}, {@code
   *     module-already-loaded}, {@code global-module-already-loaded}, or {@code load-failed} (with
   *     the module's exception as cause; nothing of this load stays loaded)
   */
  public void load(String host, String name) {
    ModuleBinding<?> binding = bindings.named(requireName(name, "module name"));
    lifecycle.load(table.active(requireName(host, "host"), name), binding);
  }

  /**
   * Unloads a module from a host. From {@code "*"}, a shared module is first unloaded from every
   * host it is loaded on. An exception from {@code @Unload} is logged; the unload completes.
   *
   * @throws ModuleException {@code unknown-host}, {@code module-not-found}, {@code
   *     module-not-loaded}
   */
  public void unload(String host, String name) {
    bindings.named(requireName(name, "module name"));
    lifecycle.unload(table.active(requireName(host, "host"), name), name);
  }

  /**
   * Replaces a module's instance on a host, carrying its {@code @Save} state to the new instance's
   * {@code @Restore}. On a real host, a shared module's host part is unloaded and added again; on
   * {@code "*"}, its global instance is replaced and every host part attached to the new one.
   *
   * @throws ModuleException {@code module-not-loaded}; {@code save-state-failed} (the old instance
   *     stays loaded); {@code load-failed} (the module is no longer loaded there, or, for a host
   *     part that refused the new instance, no longer loaded on that host)
   */
  public void reload(String host, String name) {
    bindings.named(requireName(name, "module name"));
    lifecycle.reload(table.active(requireName(host, "host"), name), name);
  }

  /**
   * Whether the module is loaded on the host. A plain global module is loaded on {@code "*"} only;
   * a shared module on {@code "*"} and on every host it was loaded on.
   */
  public boolean isLoaded(String host, String name) {
    Host found = table.find(requireName(host, "host"));
    if (found == null) {
      return false;
    }
    ModuleEntry<?> entry = found.modules.get(requireName(name, "module name"));
    return entry != null && entry.isLoaded();
  }

  /** The names of the modules loaded on an active host, sorted. */
  public Set<String> loadedModules(String host) {
    Host found = table.active(requireName(host, "host"), null);
    Set<String> names = new TreeSet<>();
    found.modules.forEach((name, entry) -> {
      if (entry.isLoaded()) {
        names.add(name);
      }
    });
    return names;
  }

  /** The active hosts, {@code "*"} included, sorted. */
  public Set<String> activeHosts() {
    return table.activeHosts();
  }

  /** The names of every module the catalogs provide, sorted. */
  public Set<String> moduleNames() {
    return bindings.names();
  }

  /**
   * The instance of a module loaded on a host: a per-host module's own instance, or the one
   * instance of a global or shared module (on {@code "*"}, or on a host a shared module is loaded
   * on).
   *
   * @throws ModuleException {@code module-not-found} for a class that is no module; {@code
   *     unknown-host}; {@code module-not-loaded}
   */
  public <M> M instance(String host, Class<M> moduleType) {
    ModuleBinding<M> binding = bindings.ofType(moduleType);
    return moduleType.cast(loadedEntry(host, binding.name()).part().module());
  }

  /**
   * The host proxy of a shared module on a host: its {@code HostContext} methods, bound to that
   * host. The proxy stays valid across reloads, until the module is unloaded from the host.
   *
   * @param proxyType the generated {@code <Module>_HostProxy} class
   * @throws ModuleException {@code module-not-found}, {@code unknown-host}, {@code
   *     module-not-loaded}
   */
  public <P extends HostProxy<?>> P hostProxy(String host, Class<P> proxyType) {
    ModuleBinding<?> binding = bindings.ofProxyType(proxyType);
    return proxyType.cast(newHostProxy(loadedEntry(host, binding.name())));
  }

  private ModuleEntry<?> loadedEntry(String host, String name) {
    ModuleEntry<?> entry = table.active(requireName(host, "host"), name).modules.get(name);
    if (entry == null || !entry.isLoaded()) {
      throw ModuleException.notLoaded(host, name);
    }
    return entry;
  }

  private static <M> HostProxy<M> newHostProxy(ModuleEntry<M> entry) {
    return entry.binding.newHostProxy(entry);
  }

  private static String requireName(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw ModuleException.insufficientParameters(what);
    }
    return value;
  }

  /** Collects module catalogs for a {@link ModuleManager}. */
  public static final class Builder {

    private final List<ModuleCatalog> catalogs = new ArrayList<>();

    private Builder() {}

    /** Adds a catalog, such as a generated {@code HostmodCatalog_...} class. */
    public Builder catalog(ModuleCatalog catalog) {
      if (catalog == null) {
        throw new NullPointerException("catalog");
      }
      catalogs.add(catalog);
      return this;
    }

    /**
     * Adds every catalog registered in {@code META-INF/services/io.hostmod.runtime.ModuleCatalog}
     * on the class path (or module path) of the context class loader.
     */
    public Builder discoverCatalogs() {
      for (ModuleCatalog catalog : ServiceLoader.load(ModuleCatalog.class)) {
        catalogs.add(catalog);
      }
      return this;
    }

    /**
     * Builds the manager.
     *
     * @throws ModuleException {@code duplicate-module} when two catalogs have a module of the same
     *     name
     */
    public ModuleManager build() {
      // The same catalog found twice (added by hand and discovered) is one table, not a clash.
      List<ModuleCatalog> distinct = new ArrayList<>();
      Set<String> seen = new TreeSet<>();
      for (ModuleCatalog catalog : catalogs) {
        if (seen.add(catalog.getClass().getName())) {
          distinct.add(catalog);
        }
      }
      return new ModuleManager(new Bindings(distinct));
    }
  }
}
