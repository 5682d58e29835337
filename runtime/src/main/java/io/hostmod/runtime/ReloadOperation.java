package io.hostmod.runtime;

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
final class ReloadOperation extends Operation {

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
      Claim<?> root = UnloadOperation.claimLoaded(host, name, Claim.Purpose.RELOAD);
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
    dependents.forEach(ReloadOperation::release);
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
    Map<Claim<?>, Object> states = new IdentityHashMap<>();
    for (Claim<?> dependent : setAside) {
      if (!dependent.entry.isHostPart()) {
        states.put(dependent, Callbacks.saveSetAside(dependent));
      }
      Callbacks.unload(dependent);
    }
    Object state;
    try {
      state = Callbacks.save(root);
    } catch (ModuleException aborted) {
      // The old instance stays, with its host parts; the dependents come back with their state.
      ModuleException notBack = bringBack(bringUpOrder, states);
      hostParts.forEach(ReloadOperation::release);
      release(root);
      if (notBack != null) {
        aborted.addSuppressed(notBack);
      }
      throw aborted;
    }
    hostParts.forEach(Callbacks::unload);
    Callbacks.unload(root);
    try {
      Callbacks.create(root);
    } catch (RuntimeException | Error failure) {
      lose(root, closure, failure);
      throw failure;
    }
    Callbacks.restore(root, state);
    ModuleException refused = null;
    for (Claim<?> hostPart : hostParts) {
      refused = collect(refused, attachAgain(hostPart));
    }
    ModuleException notBack = bringBack(bringUpOrder, states);
    // Last: an operation on it waits until what depends on it is back.
    settle(root, Event.MODULE_RELOADED);
    ModuleException failed = collect(refused, notBack);
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
  private ModuleException bringBack(List<Claim<?>> bringUpOrder, Map<Claim<?>, Object> states) {
    ModuleException notBack = null;
    for (Claim<?> dependent : bringUpOrder) {
      if (dependent.entry.lostDependency() != null) {
        gone(dependent);
      } else if (dependent.entry.isHostPart()) {
        notBack = collect(notBack, attachAgain(dependent));
      } else {
        notBack = collect(notBack, createAgain(dependent, states.get(dependent)));
      }
    }
    return notBack;
  }

  private <M> ModuleException createAgain(Claim<M> dependent, Object state) {
    ModuleEntry<M> entry = dependent.entry;
    try {
      Callbacks.create(dependent);
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
}
