package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import java.util.Set;

/**
 * The modules a manager can load: its current {@link Bindings}, replaced whole when a catalog is
 * installed or uninstalled while the manager runs. Readers take the current bindings without a
 * lock; install and uninstall take this object's monitor, one at a time.
 */
final class Modules {

  private volatile Bindings current = Bindings.NONE;
  /**
   * Each module name's slot in a host's table: given before a binding of that name is published
   * ({@link Bindings#with}).
   */
  final Slots slots = new Slots();

  Bindings current() {
    return current;
  }

  /**
   * Adds a catalog's modules.
   *
   * @throws ModuleException {@code duplicate-module}, {@code dependency-cycle}; nothing changes
   */
  synchronized void install(ModuleCatalog catalog) {
    current = current.with(java.util.List.of(catalog), slots);
  }

  /**
   * Withdraws modules whatever is loaded (a module jar taken out of the module directory, or
   * replaced: its loaded instances keep running) and adds catalogs (the new or changed jars').
   *
   * @throws ModuleException {@code duplicate-module}, {@code dependency-cycle}; nothing changes
   */
  synchronized void replace(Set<String> withdrawn, java.util.List<ModuleCatalog> added) {
    current = current.without(withdrawn).with(added, slots);
  }

  /**
   * Removes a catalog's modules if none of them is loaded (or being loaded) on any host. Loads of
   * them that start meanwhile wait for the decision: it is taken at one instant.
   *
   * @throws ModuleException {@code module-not-found} if none of its modules is installed, {@code
   *     module-in-use} naming a module and a host where it is loaded; nothing changes then
   */
  synchronized void uninstall(ModuleCatalog catalog, HostTable table) {
    Bindings before = current;
    Set<String> names = before.namesFrom(catalog);
    if (names.isEmpty()) {
      throw ModuleException.catalogNotInstalled(catalog.getClass().getName());
    }
    // Published before the hosts are read, as a load adds its entry before it reads this: either
    // the scan below sees that entry, or that load sees the withdrawal and waits for it.
    current = before.withdrawing(names);
    try {
      for (Host host : table.hosts()) {
        for (String name : names) {
          if (host.entry(name) != null) {
            throw ModuleException.inUse(host.name, name);
          }
        }
      }
      current = before.without(names);
    } catch (RuntimeException refused) {
      current = before;
      throw refused;
    } finally {
      notifyAll();
    }
  }

  /**
   * Whether a binding that a load found in {@code seen} and has claimed a new entry for is still
   * installed, once any uninstall deciding about it has decided.
   */
  boolean confirm(ModuleBinding<?> binding, Bindings seen) {
    Bindings now = current;
    // Nothing installed or uninstalled since the load looked: no lookup (most loads).
    if (now == seen ? !now.isWithdrawing(binding.name()) : now.isCurrent(binding)) {
      return true;
    }
    synchronized (this) {
      Monitors.awaitUninterruptibly(this, () -> !current.isWithdrawing(binding.name()));
      return current.isCurrent(binding);
    }
  }
}
