package io.hostmod.runtime;

import io.hostmod.runtime.spi.HostPart;
import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleHook;
import io.hostmod.runtime.spi.ModuleTimer;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Every call into module code that a lifecycle operation makes, each for an entry whose claim the
 * caller holds (the entry checks it). No monitor is held while module code runs. A step that
 * fails either throws the {@link ModuleException} its rules say, or is logged where the rules say
 * it is not fatal.
 */
final class Callbacks {

  private static final System.Logger LOG = System.getLogger(ModuleManager.class.getName());

  private Callbacks() {}

  /**
   * Makes the claimed entry's instance: its constructor, then {@code @Load}, then its hooks (a
   * shared module's hooks belong to its host parts). On failure what it registered is removed, and
   * the entry has no instance.
   */
  static <M> void create(Claim<M> claim) {
    ModuleEntry<M> entry = claim.entry;
    ModuleJars jars = entry.host.server.jars;
    ModuleBinding<?> code = null;
    if (jars != null) {
      // A module jar's module runs the jar's current version, linked to the versions its
      // dependencies run here.
      List<ModuleBinding<?>> dependencies = new ArrayList<>();
      entry.dependencies(claim).forEach(dependency -> dependencies.add(dependency.binding));
      code = jars.resolve(entry.name, entry.binding, dependencies);
    }
    if (code == null) {
      instantiate(claim);
      return;
    }
    try {
      entry.useBinding(claim, code);
      instantiate(claim);
    } finally {
      jars.release(code);
    }
  }

  /** {@link #create} from the entry's binding as it is (a reload has chosen it). */
  static <M> void instantiate(Claim<M> claim) {
    ModuleEntry<M> entry = claim.entry;
    ModuleBinding<M> binding = entry.binding;
    Context context = new Context(entry);
    M module;
    // A module jar's code runs with its class loader as context loader, as Tomcat does for a web
    // application: threads it starts inherit it, which tells whose they are if they outlive it.
    ClassLoader loader = ModuleJars.loaderOf(binding);
    Thread thread = Thread.currentThread();
    ClassLoader before = loader == null ? null : thread.getContextClassLoader();
    if (loader != null) {
      thread.setContextClassLoader(loader);
    }
    try {
      try {
        module = binding.create(context);
      } catch (Throwable failure) {
        throw failed(claim, context, "the constructor", failure);
      }
      try {
        binding.load(module, context);
      } catch (Throwable failure) {
        // It never finished loading, so its @Unload is not called.
        throw failed(claim, context, "@Load", failure);
      }
    } finally {
      if (loader != null) {
        thread.setContextClassLoader(before);
      }
    }
    context.bind(module);
    entry.setContext(claim, context);
    ModuleJars jars = entry.host.server.jars;
    if (jars != null && loader != null) {
      jars.instanceMade(binding);
    }
    if (!entry.shared) {
      registerHooks(claim, context);
    }
    startTimers(claim, context, false);
  }

  /** Calls {@code @AddHost} of the global instance for the claimed host part, then registers its hooks. */
  static <M> void addHost(Claim<M> hostPart, M module) {
    ModuleEntry<M> entry = hostPart.entry;
    ModuleBinding<M> code = entry.global().binding;
    if (entry.binding != code) {
      // The global instance's version: a host part runs the code of the instance it is part of.
      entry.useBinding(hostPart, code);
    }
    Context context = new Context(entry);
    try {
      entry.binding.addHost(module, context);
    } catch (Throwable failure) {
      throw failed(hostPart, context, "@AddHost", failure);
    }
    context.bind(module);
    entry.setContext(hostPart, context);
    registerHooks(hostPart, context);
    startTimers(hostPart, context, true);
  }

  /**
   * Starts the {@code @Every} timers of the instance (or, for a host part, those taking a {@code
   * HostContext}) in its context: they end with it.
   */
  private static <M> void startTimers(Claim<M> claim, Context context, boolean hostPart) {
    @SuppressWarnings("unchecked") // the context is bound to an instance of the entry's module
    M module = (M) context.instance();
    for (ModuleTimer<M> timer : claim.entry.binding.timers()) {
      if (timer.perHost() == hostPart) {
        ModuleTimer.Task<M> task = timer.task();
        context.every(timer.period(), () -> {
          try {
            task.run(module, context);
          } catch (RuntimeException | Error failure) {
            throw failure;
          } catch (Exception failure) {
            throw new TimerTaskException(failure);
          }
        });
      }
    }
  }

  /** A checked exception of an {@code @Every} method, reported as the task's failure. */
  static final class TimerTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimerTaskException(Exception cause) {
      super(cause.toString(), cause);
    }
  }

  private static <M> void registerHooks(Claim<M> claim, Context context) {
    ModuleEntry<M> entry = claim.entry;
    @SuppressWarnings("unchecked") // the context is bound to an instance of the entry's module
    M module = (M) context.instance();
    for (ModuleHook<M> hook : entry.binding.hooks()) {
      ModuleHook.Handler<M> handler = hook.handler();
      entry.own(entry.host.events.add(hook.event(), hook.priority(), event -> handler.handle(module, context, event), entry.name), null);
    }
  }

  /**
   * Unloads the claimed entry's instance, if it has one: {@code @Unload(HostContext)} for a host
   * part, {@code @Unload()} otherwise (logged if it throws), then closes its context and removes
   * what it registered. The entry stays, with no instance.
   */
  static <M> void unload(Claim<M> claim) {
    ModuleEntry<M> entry = claim.entry;
    Context context = entry.context();
    if (context == null) {
      return;
    }
    // First: no task of the instance starts from now on, none runs beside its @Unload, and no
    // other thread adds a hook or item to it.
    context.closeTimers();
    entry.setContext(claim, null);
    @SuppressWarnings("unchecked") // setContext binds a context of this entry only to an instance of its module
    M module = (M) context.instance();
    try {
      if (entry.isHostPart()) {
        entry.binding.unloadHost(module, context);
      } else {
        entry.binding.unload(module);
      }
    } catch (Throwable failure) {
      LOG.log(Level.WARNING, () -> (entry.isHostPart() ? "@Unload(HostContext)" : "@Unload") + " of module '"
          + entry.name + "' on host '" + entry.host.name + "' threw; the unload completed anyway", failure);
    }
    // Closed for this thread too: from now on nothing can add what the release below would miss.
    context.close();
    entry.releaseRegistrations(claim);
    ModuleJars jars = entry.host.server.jars;
    if (jars != null && !entry.isHostPart()) {
      // Its version's last instance gone, the version's class loader is closed.
      jars.instanceGone(entry.binding);
    }
  }

  /**
   * Sets the claimed entry's {@code @Option} fields again from the configuration its context
   * reads now, then calls its {@code @Reconfigure}.
   *
   * @throws ModuleException {@code reconfigure-failed} with the exception as cause
   */
  static <M> void reconfigure(Claim<M> claim) {
    ModuleEntry<M> entry = claim.entry;
    HostPart<M> part = entry.part();
    try {
      entry.binding.reconfigure(part.module(), part.context());
    } catch (Throwable failure) {
      throw ModuleException.reconfigureFailed(entry.host.name, entry.name, failure);
    }
  }

  /**
   * Calls {@code @Save} of the claimed entry's instance.
   *
   * @throws ModuleException {@code save-state-failed} with the exception as cause
   */
  static <M> Object save(Claim<M> claim) {
    ModuleEntry<M> entry = claim.entry;
    try {
      return entry.binding.save(entry.part().module());
    } catch (Throwable failure) {
      throw ModuleException.saveFailed(entry.host.name, entry.name, failure);
    }
  }

  /** {@link #save} for a dependent set aside for its dependency's reload: logged, without state. */
  static <M> Object saveSetAside(Claim<M> claim) {
    try {
      return save(claim);
    } catch (ModuleException failure) {
      ModuleEntry<M> entry = claim.entry;
      LOG.log(Level.WARNING, () -> "@Save of module '" + entry.name + "' on host '" + entry.host.name
          + "' threw while a module it depends on was reloaded; it comes back without its state", failure.getCause());
      return null;
    }
  }

  /** Calls {@code @Restore} of the claimed entry's new instance; logged if it throws. */
  static <M> void restore(Claim<M> claim, Object state) {
    ModuleEntry<M> entry = claim.entry;
    try {
      entry.binding.restore(entry.part().module(), state);
    } catch (Throwable failure) {
      LOG.log(Level.WARNING, () -> "@Restore of module '" + entry.name + "' on host '" + entry.host.name
          + "' threw; the new instance stays loaded without the saved state", failure);
    }
  }

  /** Closes the context of a step that threw, removes what it registered, and says why it failed. */
  private static <M> ModuleException failed(Claim<M> claim, Context context, String step, Throwable failure) {
    context.closeTimers();
    context.close();
    claim.entry.releaseRegistrations(claim);
    return asLoadFailure(claim.entry, step, failure);
  }

  /**
   * A module's own option problem keeps its code (missing-option, bad-option: the operator must
   * fix the configuration); anything else the module threw becomes load-failed with the cause.
   */
  private static ModuleException asLoadFailure(ModuleEntry<?> entry, String step, Throwable failure) {
    if (failure instanceof ModuleException own
        && (own.code().equals(ModuleException.MISSING_OPTION) || own.code().equals(ModuleException.BAD_OPTION))
        && entry.name.equals(own.module())) {
      return own;
    }
    return ModuleException.loadFailed(entry.host.name, entry.name, step, failure);
  }
}
