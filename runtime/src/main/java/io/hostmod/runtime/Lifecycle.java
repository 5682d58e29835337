package io.hostmod.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The load, unload and reload rules (Prosody's, without its weak spots), applied to entries of
 * the {@link HostTable}. Every call into module code goes through here, with the entry claimed and
 * no lock held. A failed step cleans up what the operation itself did before the exception leaves.
 */
final class Lifecycle {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  private final HostTable table;

  Lifecycle(HostTable table) {
    this.table = table;
  }

  // ---- load

  <M> void load(Host host, ModuleBinding<M> binding) {
    switch (binding.kind()) {
      case PER_HOST -> loadInstance(host, binding, host);
      case GLOBAL -> loadInstance(host, binding, table.global());
      case SHARED -> {
        if (host.isGlobal()) {
          loadInstance(host, binding, host);
        } else {
          attach(host, binding);
        }
      }
    }
  }

  /** Creates the module's instance on {@code target}: the host asked for, or "*" for a global module. */
  private <M> void loadInstance(Host asked, ModuleBinding<M> binding, Host target) {
    ModuleEntry<M> entry = table.claimOrFind(target, binding);
    if (!entry.isClaimedByCurrentThread()) {
      throw asked == target
          ? ModuleException.alreadyLoaded(asked.name, binding.name())
          : ModuleException.globalAlreadyLoaded(asked.name, binding.name());
    }
    try {
      entry.setPart(create(entry));
    } catch (Throwable failure) {
      table.drop(entry);
      throw failure;
    }
    entry.settle(true);
  }

  /**
   * Loads a shared module on a real host: creates the global instance if this is the first host
   * (the global entry stays claimed until this host's {@code @AddHost} returned, so the creation
   * and the first attach succeed or fail together), then calls {@code @AddHost}.
   */
  private <M> void attach(Host host, ModuleBinding<M> binding) {
    ModuleEntry<M> entry = table.claimOrFind(host, binding);
    if (!entry.isClaimedByCurrentThread()) {
      throw ModuleException.alreadyLoaded(host.name, binding.name());
    }
    ModuleEntry<M> global;
    try {
      global = joinGlobal(entry);
    } catch (Throwable failure) {
      table.drop(entry);
      throw failure;
    }
    boolean first = global.isClaimedByCurrentThread();
    try {
      entry.setPart(addHost(entry, global.part().module()));
    } catch (Throwable failure) {
      entry.detachFromGlobal();
      table.drop(entry);
      if (first) {
        callUnload(global);
        table.drop(global);
      }
      throw failure;
    }
    entry.settle(true);
    if (first) {
      global.settle(true);
    }
  }

  /** Attaches the host entry to the module's global entry, creating the global instance if needed. */
  private <M> ModuleEntry<M> joinGlobal(ModuleEntry<M> hostEntry) {
    while (true) {
      ModuleEntry<M> global = table.claimOrFind(table.global(), hostEntry.binding);
      if (global.isClaimedByCurrentThread()) {
        try {
          global.setPart(create(global));
        } catch (Throwable failure) {
          table.drop(global);
          throw failure;
        }
      }
      if (global.attach(hostEntry)) {
        return global;
      }
      // The global instance was being unloaded: wait for a new one.
    }
  }

  private <M> HostPart<M> create(ModuleEntry<M> entry) {
    ModuleBinding<M> binding = entry.binding;
    Context context = new Context(binding.name(), entry.host());
    M module;
    try {
      module = binding.create(context);
    } catch (Throwable failure) {
      throw ModuleException.loadFailed(entry.host(), binding.name(), "the constructor", failure);
    }
    try {
      binding.load(module, context);
    } catch (Throwable failure) {
      // It never finished loading, so its @Unload is not called.
      throw ModuleException.loadFailed(entry.host(), binding.name(), "@Load", failure);
    }
    return new HostPart<>(module, context);
  }

  private <M> HostPart<M> addHost(ModuleEntry<M> hostEntry, M module) {
    Context context = new Context(hostEntry.name(), hostEntry.host());
    try {
      hostEntry.binding.addHost(module, context);
    } catch (Throwable failure) {
      throw ModuleException.loadFailed(hostEntry.host(), hostEntry.name(), "@AddHost", failure);
    }
    return new HostPart<>(module, context);
  }

  // ---- unload

  void unload(Host host, String name) {
    unloadAcquired(table.acquire(host, name));
  }

  /** Unloads every module of a closing host, newest first, then removes the host. */
  void deactivate(Host host) {
    List<ModuleEntry<?>> entries;
    while (!(entries = table.entriesNewestFirst(host)).isEmpty()) {
      for (ModuleEntry<?> entry : entries) {
        if (entry.acquire()) {
          unloadAcquired(entry);
        }
      }
    }
    table.remove(host);
  }

  private <M> void unloadAcquired(ModuleEntry<M> entry) {
    if (entry.binding.kind() == ModuleKind.SHARED) {
      if (!entry.host.isGlobal()) {
        unloadHostPart(entry);
        table.drop(entry);
        return;
      }
      // Unlike Prosody, unloading a shared module from "*" first unloads it from every host.
      for (ModuleEntry<M> hostEntry : entry.attachedEntries()) {
        if (hostEntry.acquire()) {
          unloadHostPart(hostEntry);
          table.drop(hostEntry);
        }
      }
    }
    callUnload(entry);
    table.drop(entry);
  }

  private <M> void unloadHostPart(ModuleEntry<M> hostEntry) {
    HostPart<M> part = hostEntry.partOrNull();
    hostEntry.setPart(null);
    hostEntry.detachFromGlobal();
    try {
      hostEntry.binding.unloadHost(part.module(), part.context());
    } catch (Throwable failure) {
      report("@Unload(HostContext)", hostEntry, failure);
    }
  }

  private <M> void callUnload(ModuleEntry<M> entry) {
    HostPart<M> part = entry.partOrNull();
    entry.setPart(null);
    try {
      entry.binding.unload(part.module());
    } catch (Throwable failure) {
      report("@Unload", entry, failure);
    }
  }

  // ---- reload

  void reload(Host host, String name) {
    ModuleEntry<?> entry = table.acquire(host, name);
    if (entry.binding.kind() == ModuleKind.SHARED && !host.isGlobal()) {
      reattach(entry);
    } else {
      reloadInstance(entry);
    }
  }

  /**
   * Reloads a shared module on one host, as Prosody does: that host's {@code @Unload(HostContext)}
   * then {@code @AddHost} again; the global instance and its state are left alone.
   */
  private <M> void reattach(ModuleEntry<M> hostEntry) {
    HostPart<M> old = hostEntry.partOrNull();
    hostEntry.setPart(null);
    try {
      hostEntry.binding.unloadHost(old.module(), old.context());
    } catch (Throwable failure) {
      report("@Unload(HostContext)", hostEntry, failure);
    }
    try {
      hostEntry.setPart(addHost(hostEntry, old.module()));
    } catch (Throwable failure) {
      hostEntry.detachFromGlobal();
      table.drop(hostEntry);
      throw failure;
    }
    hostEntry.settle(true);
  }

  /**
   * Replaces an instance: save, unload, create, restore. For a shared module's global instance the
   * host parts are unloaded first and attached to the new instance after, unlike Prosody, which
   * leaves them pointing at the old one.
   */
  private <M> void reloadInstance(ModuleEntry<M> entry) {
    ModuleBinding<M> binding = entry.binding;
    HostPart<M> old = entry.partOrNull();
    Object state;
    try {
      state = binding.save(old.module());
    } catch (Throwable failure) {
      entry.settle(true);
      throw ModuleException.saveFailed(entry.host(), binding.name(), failure);
    }
    List<ModuleEntry<M>> hostEntries = new ArrayList<>();
    for (ModuleEntry<M> hostEntry : entry.attachedEntries()) {
      if (hostEntry.acquire()) {
        hostEntries.add(hostEntry);
        HostPart<M> part = hostEntry.partOrNull();
        hostEntry.setPart(null);
        try {
          binding.unloadHost(part.module(), part.context());
        } catch (Throwable failure) {
          report("@Unload(HostContext)", hostEntry, failure);
        }
      }
    }
    callUnload(entry);
    HostPart<M> fresh;
    try {
      fresh = create(entry);
    } catch (Throwable failure) {
      for (ModuleEntry<M> hostEntry : hostEntries) {
        hostEntry.detachFromGlobal();
        table.drop(hostEntry);
      }
      table.drop(entry);
      throw failure;
    }
    try {
      binding.restore(fresh.module(), state);
    } catch (Throwable failure) {
      LOG.log(
          Level.WARNING,
          () -> "@Restore of module '" + binding.name() + "' on host '" + entry.host() + "' threw;"
              + " the new instance stays loaded without the saved state",
          failure);
    }
    entry.setPart(fresh);
    ModuleException refused = null;
    for (ModuleEntry<M> hostEntry : hostEntries) {
      try {
        hostEntry.setPart(addHost(hostEntry, fresh.module()));
        hostEntry.settle(true);
      } catch (ModuleException failure) {
        hostEntry.detachFromGlobal();
        table.drop(hostEntry);
        if (refused == null) {
          refused = failure;
        } else {
          refused.addSuppressed(failure);
        }
      }
    }
    entry.settle(true);
    if (refused != null) {
      // The new instance is loaded on "*" and on every other host; report the hosts that refused it.
      throw refused;
    }
  }

  /** Reports a failed unload step, which is not fatal. */
  private static void report(String step, ModuleEntry<?> entry, Throwable failure) {
    LOG.log(
        Level.WARNING,
        () -> step + " of module '" + entry.name() + "' on host '" + entry.host() + "' threw;"
            + " the unload completed anyway",
        failure);
  }
}
