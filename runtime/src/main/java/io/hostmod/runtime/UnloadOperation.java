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

  /** @throws ModuleException {@code module-not-loaded}, {@code module-busy} */
  void run(Host host, String name) {
    if (server.observers.isIdle(LifecycleObservation.Step.UNLOAD)) {
      unload(host, name); // directly, as a load is (see LoadOperation#run)
      return;
    }
    server.observers.measure(LifecycleObservation.Step.UNLOAD, host.name, name, () -> {
      unload(host, name);
      return null;
    });
  }

  private void unload(Host host, String name) {
    try {
      while (true) {
        Claim<?> root = claimLoaded(host, name, Claim.Purpose.UNLOAD);
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
   * @return the claim, or {@code null} if the entry went away meanwhile: look again
   * @throws ModuleException {@code module-not-loaded} (saying why, if its last load there failed)
   */
  static Claim<?> claimLoaded(Host host, String name, Claim.Purpose purpose) {
    ModuleEntry<?> entry = host.entry(name);
    if (entry == null) {
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
