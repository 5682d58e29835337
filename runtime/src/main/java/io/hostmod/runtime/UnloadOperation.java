package io.hostmod.runtime;

/**
 * One unload: a module from a host, after everything that depends on it; from {@code "*"}, a
 * shared module first from every host it is loaded on. The whole {@link Closure} is claimed before
 * any module code runs, then torn down in order, so every {@code @Unload(HostContext)} has
 * returned before the global {@code @Unload()} starts.
 */
final class UnloadOperation extends Operation {

  UnloadOperation(Server server) {
    super(server);
  }

  /**
   * @param slot the module's slot ({@link Slots})
   * @throws ModuleException {@code module-not-loaded}, {@code module-not-found} (installed once,
   *     not now, and not loaded there), {@code module-busy}
   */
  void run(Host host, String name, int slot) {
    if (server.observers.isIdle(LifecycleObservation.Step.UNLOAD)) {
      unload(host, name, slot); // directly, as a load is (see LoadOperation#run)
      return;
    }
    server.observers.measure(LifecycleObservation.Step.UNLOAD, host.name, name, () -> {
      unload(host, name, slot);
      return null;
    });
  }

  private void unload(Host host, String name, int slot) {
    try {
      while (true) {
        Claim<?> root = claimLoaded(host, name, slot, Claim.Purpose.UNLOAD);
        if (root != null && unload(root)) {
          return;
        }
      }
    } finally {
      deliver();
    }
  }

  /**
   * Claims the module's loaded entry on the host, waiting for another thread working on it.
   *
   * @param slot the module's slot ({@link Slots})
   * @return the claim, or {@code null} if the entry went away meanwhile: look again
   * @throws ModuleException {@code module-not-loaded} (saying why, if its last load there failed);
   *     {@code module-not-found} if the module is not installed (any more) and not loaded there
   */
  static Claim<?> claimLoaded(Host host, String name, int slot, Claim.Purpose purpose) {
    ModuleEntry<?> entry = host.entry(slot);
    if (entry == null) {
      host.server.bindings().named(name); // module-not-found: installed once, not now
      Host.Failure failure = host.failure(name);
      throw failure == null
          ? ModuleException.notLoaded(host.name, name)
          : ModuleException.lastLoadFailed(host.name, name, failure.cause());
    }
    return entry.claim(purpose, host.server.waits);
  }

  /**
   * Unloads a claimed entry with its closure.
   *
   * @return {@code false} if another thread held part of the closure: every claim was released and
   *     that thread waited for; start again
   */
  boolean unload(Claim<?> root) {
    if (Closure.isLeaf(root)) {
      // Without a Closure: allocation is most of a host's deactivation (see Closure#isLeaf).
      if (root.entry.isSharedGlobal()) {
        drop(root);
      }
      Callbacks.unload(root);
      gone(root);
      return true;
    }
    Closure closure;
    try {
      closure = Closure.of(root);
    } catch (Closure.Blocked blocked) {
      blocked.entry.awaitSettled(server.waits);
      return false;
    }
    if (root.entry.isSharedGlobal()) {
      drop(root);
    }
    tearDown(closure.teardownOrder());
    return true;
  }

  private static <M> void drop(Claim<M> global) {
    // Off every host at once for whoever looks; then host part by host part.
    global.entry.drop(global);
  }
}
