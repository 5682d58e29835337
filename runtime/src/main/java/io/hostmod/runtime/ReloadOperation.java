package io.hostmod.runtime;

import io.hostmod.runtime.spi.ModuleBinding;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reload: a module's instance replaced on a host, with its {@code @Save} state carried to the
 * new instance's {@code @Restore}.
 *
 * <p>The whole {@link Closure} is claimed first and held to the end: everything that depends on
 * the module (set aside: saved, unloaded, and brought back as new instances with their state) and,
 * for a shared module on {@code "*"}, its host parts (unloaded, then attached to the new
 * instance). So no other thread sees or touches a set-aside dependent until it is back: its {@code
 * @Restore} runs under this reload's claim.
 *
 * <p>On one real host a shared module is reloaded as Prosody does it: that host's {@code
 * @Unload(HostContext)} then {@code @AddHost} again, with the global instance and the modules that
 * depend on the host part left as they are.
 */
final class ReloadOperation extends LoadingOperation {

  ReloadOperation(Server server) {
    super(server);
  }

  /**
   * @throws ModuleException {@code module-not-loaded}; {@code save-state-failed} (nothing
   *     replaced); {@code load-failed} (what did not come back is unloaded)
   */
  void run(Host host, String name) {
    server.observers.measure(LifecycleObservation.Step.RELOAD, host.name, name, () -> {
      try {
        reload(host, name);
      } finally {
        deliver();
      }
      return null;
    });
  }

  private void reload(Host host, String name) {
    while (true) {
      Claim<?> root = UnloadOperation.claimLoaded(host, name, server.slot(name), Claim.Purpose.RELOAD);
      if (root == null) {
        continue;
      }
      Closure closure;
      try {
        closure = Closure.of(root);
      } catch (Closure.Blocked blocked) {
        blocked.entry.awaitSettled(server.waits);
        continue;
      }
      if (root.entry.isHostPart()) {
        reattach(root, closure);
      } else {
        replace(closure);
      }
      return;
    }
  }

  /** A shared module's host part: {@code @Unload(HostContext)}, then {@code @AddHost} again. */
  private <M> void reattach(Claim<M> hostPart, Closure closure) {
    ModuleEntry<M> entry = hostPart.entry;
    List<Claim<?>> dependents = withoutRoot(closure);
    Callbacks.unload(hostPart);
    try {
      Callbacks.addHost(hostPart, entry.global().part().module());
    } catch (ModuleException failure) {
      // That host part goes, and what depends on it there with it.
      tearDown(dependents);
      entry.host.failed(entry.binding, failure);
      gone(hostPart);
      throw failure;
    }
    for (Claim<?> dependent : dependents) {
      release(dependent);
    }
    settle(hostPart, Event.MODULE_RELOADED);
  }

  /**
   * Replaces the instance of a per-host or global module, or of a shared module on {@code "*"}:
   * set-aside dependents (saved and unloaded, dependents first), its {@code @Save}, its host parts'
   * {@code @Unload(HostContext)}, its {@code @Unload()}; then the new instance with {@code
   * @Restore}, its host parts attached again, and the dependents back in dependency order.
   */
  private void replace(Closure closure) {
    Claim<?> root = closure.root();
    List<Claim<?>> hostParts = closure.hostPartsOfRoot();
    List<Claim<?>> setAside = withoutRoot(closure);
    setAside.removeAll(hostParts);
    List<Claim<?>> bringUpOrder = new ArrayList<>(closure.bringUpOrder());
    bringUpOrder.removeAll(hostParts);
    Code code = Code.plan(server.jars, root, bringUpOrder, closure);
    try {
      replace(closure, root, hostParts, setAside, bringUpOrder, code);
    } finally {
      code.release();
    }
  }

  private void replace(Closure closure, Claim<?> root, List<Claim<?>> hostParts, List<Claim<?>> setAside,
      List<Claim<?>> bringUpOrder, Code code) {
    Map<Claim<?>, Object> states = new IdentityHashMap<>();
    Object state = null;
    if (code.crosses()) {
      // Onto a module jar's new code: every state is saved and checked before anything is unloaded,
      // so a state the new code cannot read changes nothing.
      for (Claim<?> dependent : setAside) {
        if (!dependent.entry.isHostPart()) {
          states.put(dependent, Callbacks.saveSetAside(dependent));
        }
      }
      try {
        state = code.carry(root, Callbacks.save(root));
        for (Map.Entry<Claim<?>, Object> saved : states.entrySet()) {
          saved.setValue(code.carry(saved.getKey(), saved.getValue()));
        }
      } catch (ModuleException refused) {
        closure.releaseAll();
        throw refused;
      }
      for (Claim<?> dependent : setAside) {
        Callbacks.unload(dependent);
      }
    } else {
      for (Claim<?> dependent : setAside) {
        if (!dependent.entry.isHostPart()) {
          states.put(dependent, Callbacks.saveSetAside(dependent));
        }
        Callbacks.unload(dependent);
      }
      try {
        state = Callbacks.save(root);
      } catch (ModuleException aborted) {
        // The old instance stays, with its host parts; the dependents come back with their state.
        ModuleException notBack = bringBack(bringUpOrder, states, code);
        for (Claim<?> hostPart : hostParts) {
          release(hostPart);
        }
        release(root);
        if (notBack != null) {
          aborted.addSuppressed(notBack);
        }
        throw aborted;
      }
    }
    for (Claim<?> hostPart : hostParts) {
      Callbacks.unload(hostPart);
    }
    Callbacks.unload(root);
    ModuleException rolledBack = null;
    try {
      code.create(root);
    } catch (RuntimeException | Error failure) {
      rolledBack = code.crosses() ? code.rollBack(root, failure) : null;
      if (rolledBack == null) {
        lose(root, closure, failure);
        throw failure;
      }
    }
    Callbacks.restore(root, state);
    ModuleException refused = null;
    for (Claim<?> hostPart : hostParts) {
      refused = collect(refused, attachAgain(hostPart));
    }
    ModuleException notBack = bringBack(bringUpOrder, states, code);
    // Last: an operation on it waits until what depends on it is back.
    settle(root, Event.MODULE_RELOADED);
    ModuleException failed = collect(rolledBack, collect(refused, notBack));
    if (failed != null) {
      // The new instance is loaded; this reports the host parts and dependents that did not come back.
      throw failed;
    }
  }

  /** Attaches a host part to the new instance; on refusal it goes, and its failure is returned. */
  private <M> ModuleException attachAgain(Claim<M> hostPart) {
    ModuleEntry<M> entry = hostPart.entry;
    try {
      Callbacks.addHost(hostPart, entry.global().part().module());
    } catch (ModuleException failure) {
      entry.host.failed(entry.binding, failure);
      gone(hostPart);
      return failure;
    }
    settle(hostPart, Event.MODULE_RELOADED);
    return null;
  }

  /**
   * Brings set-aside dependents back in the order given (each after what it depends on), each as
   * a new instance (a host part: attached again) with its state, under its claim; one whose
   * dependency did not come back goes with it.
   *
   * @return the failures of those that did not come back, or {@code null}
   */
  private ModuleException bringBack(List<Claim<?>> bringUpOrder, Map<Claim<?>, Object> states, Code code) {
    ModuleException notBack = null;
    for (Claim<?> dependent : bringUpOrder) {
      if (dependent.entry.lostDependency() != null) {
        gone(dependent);
      } else if (dependent.entry.isHostPart()) {
        notBack = collect(notBack, attachAgain(dependent));
      } else {
        notBack = collect(notBack, createAgain(dependent, states.get(dependent), code));
      }
    }
    return notBack;
  }

  private <M> ModuleException createAgain(Claim<M> dependent, Object state, Code code) {
    ModuleEntry<M> entry = dependent.entry;
    try {
      code.create(dependent);
    } catch (ModuleException failure) {
      entry.host.failed(entry.binding, failure);
      gone(dependent);
      return failure;
    }
    if (state != null) {
      Callbacks.restore(dependent, state);
    }
    settle(dependent, Event.MODULE_RELOADED);
    return null;
  }

  /**
   * The new instance failed: the module is no longer loaded, nor anything of its closure (all
   * unloaded already), each gone in teardown order; a shared module leaves every host at once.
   */
  private <M> void lose(Claim<M> root, Closure closure, Throwable failure) {
    if (root.entry.isSharedGlobal()) {
      root.entry.drop(root);
    }
    for (Claim<?> claim : withoutRoot(closure)) {
      gone(claim);
    }
    root.entry.host.failed(root.entry.binding, failure);
    gone(root);
  }

  private static List<Claim<?>> withoutRoot(Closure closure) {
    List<Claim<?>> all = closure.teardownOrder();
    return new ArrayList<>(all.subList(0, all.size() - 1));
  }

  private static <M> void release(Claim<M> claim) {
    claim.entry.release(claim);
  }

  /**
   * The code each entry a reload re-creates runs. Without a module directory: the binding it has.
   * With one: for a module jar's module, the jar's current version, linked to the versions its
   * dependencies will run (those of the closure: their new ones), decided and held (with the old
   * versions, for a roll-back) before any module code runs, and released when the reload is over.
   */
  static final class Code {

    private static final Code SAME = new Code(null);

    private final ModuleJars jars;
    private final Map<ModuleEntry<?>, ModuleBinding<?>> next = new IdentityHashMap<>();
    private final Map<ModuleEntry<?>, ModuleBinding<?>> before = new IdentityHashMap<>();
    private final List<ModuleBinding<?>> held = new ArrayList<>();
    private boolean crosses;

    private Code(ModuleJars jars) {
      this.jars = jars;
    }

    /**
     * Plans the root, then the dependents in bring-up order (a host part runs its global entry's).
     *
     * @throws ModuleException {@code module-not-found} (a jar taken out of the directory), {@code
     *     bad-module-jar} (a new version changed the kind or dependencies): every claim released
     */
    static Code plan(ModuleJars jars, Claim<?> root, List<Claim<?>> bringUpOrder, Closure closure) {
      if (jars == null) {
        return SAME;
      }
      Code code = new Code(jars);
      try {
        code.add(root);
        for (Claim<?> dependent : bringUpOrder) {
          if (!dependent.entry.isHostPart()) {
            code.add(dependent);
          }
        }
      } catch (RuntimeException | Error refused) {
        code.release();
        closure.releaseAll();
        throw refused;
      }
      return code;
    }

    private <M> void add(Claim<M> claim) {
      ModuleEntry<M> entry = claim.entry;
      List<ModuleBinding<?>> dependencies = new ArrayList<>();
      for (ModuleEntry<?> dependency : entry.dependencies(claim)) {
        ModuleBinding<?> planned = next.get(dependency);
        if (planned == null && dependency.global() != null) {
          planned = next.get(dependency.global());
        }
        dependencies.add(planned != null ? planned : dependency.binding);
      }
      ModuleBinding<M> old = entry.binding;
      ModuleBinding<?> chosen = jars.resolve(entry.name, old, dependencies);
      before.put(entry, old);
      if (chosen == null) {
        next.put(entry, old);
        return;
      }
      held.add(chosen);
      jars.retain(old);
      held.add(old);
      next.put(entry, chosen);
      if (chosen != old) {
        String jar = ModuleJars.versionOf(chosen);
        if (chosen.kind() != old.kind()) {
          throw ModuleException.versionChanged(entry.name, entry.host.name, jar, "kind");
        }
        if (!chosen.dependencies().equals(old.dependencies())) {
          throw ModuleException.versionChanged(entry.name, entry.host.name, jar, "dependencies");
        }
        crosses = true;
      }
    }

    /** Whether an entry moves to other code (a module jar's new version, or one linked anew). */
    boolean crosses() {
      return crosses;
    }

    /**
     * The state to give the entry's new code: as it is if the new code sees each of its classes as
     * the same class (JDK and class-path types), else converted through the neutral form by the
     * codecs the processor wrote for both versions' records.
     *
     * @throws ModuleException {@code state-incompatible} if the new code cannot read it
     */
    Object carry(Claim<?> claim, Object state) {
      ModuleBinding<?> to = next.get(claim.entry);
      ModuleBinding<?> from = before.get(claim.entry);
      if (to == null || to == from || state == null) {
        return state;
      }
      String type = ModuleJars.cannotCross(state, to);
      if (type == null) {
        return state;
      }
      if (from.convertsState() && to.convertsState()) {
        try {
          Object neutral = from.stateToNeutral(state);
          if (ModuleJars.cannotCross(neutral, to) == null) {
            return to.stateFromNeutral(neutral);
          }
        } catch (RuntimeException unreadable) {
          // as any state the new code cannot read, below
        }
      }
      throw ModuleException.stateIncompatible(claim.entry.host.name, claim.entry.name, type,
          String.valueOf(ModuleJars.versionOf(from)), ModuleJars.versionOf(to));
    }

    /** Makes the claimed entry's new instance from its planned code. */
    <M> void create(Claim<M> claim) {
      if (jars == null) {
        Callbacks.create(claim);
        return;
      }
      ModuleBinding<?> to = next.get(claim.entry);
      if (to != null && to != claim.entry.binding) {
        claim.entry.useBinding(claim, to);
      }
      Callbacks.instantiate(claim);
    }

    /**
     * The root's new code failed to load: makes it again from its old code (its state is restored
     * by the caller), and plans the old code for the dependents too.
     *
     * @return the failure to report once the reload is over, or {@code null} if the root's code
     *     did not change or its old code failed too (then the module is lost, as any failed reload)
     */
    <M> ModuleException rollBack(Claim<M> root, Throwable failure) {
      ModuleBinding<?> from = before.get(root.entry);
      ModuleBinding<?> to = next.get(root.entry);
      if (from == null || from == to) {
        return null;
      }
      next.putAll(before);
      root.entry.useBinding(root, from);
      try {
        Callbacks.instantiate(root);
      } catch (RuntimeException | Error again) {
        failure.addSuppressed(again);
        return null;
      }
      return ModuleException.newVersionFailed(root.entry.host.name, root.entry.name,
          ModuleJars.versionOf(to), ModuleJars.versionOf(from), failure);
    }

    /** Ends the holds of the plan: a version no instance runs any more is closed. */
    void release() {
      if (jars != null) {
        held.forEach(jars::release);
        held.clear();
      }
    }
  }
}
