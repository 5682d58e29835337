package io.hostmod.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries an unload or reload changes, each claimed: the one asked for, the host parts of a
 * shared module's global entry, and everything that depends on them, in teardown order (what
 * depends on an entry before it, a global entry's host parts before it).
 *
 * <p>It is claimed whole before any module code runs, without waiting while holding a claim: if an
 * entry it needs is held by another thread, every claim taken is released, that thread is waited
 * for, and the caller starts again. So two operations never wait for each other's entries; only a
 * callback calling the manager for an entry its own operation holds gets {@code module-busy}.
 */
final class Closure {

  /**
   * Thrown when an entry an operation needs is held by another thread while the operation holds
   * claims that thread may need: release them, wait for it, then start again.
   */
  static final class Blocked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ModuleEntry<?> entry;

    Blocked(ModuleEntry<?> entry) {
      super(null, null, false, false);
      this.entry = entry;
    }
  }

  private final Claim.Purpose purpose;
  /** Every claim, in teardown order. */
  private final List<Claim<?>> claims;
  /**
   * Every claim but the root's, in the order to bring them back after a reload: each before what
   * depends on it (a global entry before its host parts), otherwise in the order they were found.
   */
  private final List<Claim<?>> bringUpOrder;

  private Closure(Claim.Purpose purpose) {
    this.purpose = purpose;
    // Sized for the usual few entries (a shared module with a host part or two); they grow. Only
    // a reload brings entries back (an unload of a shared module allocated twice what it did
    // before the redesign: docs/benchmarks.md).
    this.claims = new ArrayList<>(4);
    this.bringUpOrder = purpose == Claim.Purpose.RELOAD ? new ArrayList<>(4) : List.of();
  }

  /** The closure of an entry nothing depends on: itself. */
  private Closure(Claim<?> root) {
    this.purpose = root.purpose;
    this.claims = List.of(root);
    this.bringUpOrder = List.of();
  }

  /**
   * Claims the closure of a root entry that the caller has claimed: its dependents and, for a
   * shared global entry, its host parts with theirs. On {@code module-busy} every claim is
   * released, the root's too.
   *
   * @throws Blocked with every claim released, the root's too
   */
  static Closure of(Claim<?> root) {
    if (isLeaf(root)) {
      return new Closure(root);
    }
    Closure closure = new Closure(root.purpose);
    try {
      closure.addBelow(root.entry);
    } catch (RuntimeException | Error refused) {
      closure.releaseAll();
      release(root);
      throw refused;
    }
    closure.add(root);
    return closure;
  }

  /** Claims the dependents and host parts of an entry, dependents first. */
  private void addBelow(ModuleEntry<?> entry) {
    if (entry instanceof ModuleEntry.SharedGlobal<?> global) {
      for (ModuleEntry<?> part : global.attached()) {
        claimWithBelow(part);
      }
    }
    for (ModuleEntry<?> dependent : entry.dependents()) {
      claimWithBelow(dependent);
    }
  }

  private void claimWithBelow(ModuleEntry<?> entry) {
    if (entry.isClaimedByCurrentThread() && isClaimedHere(entry)) {
      return; // reached twice: it depends on two entries of the closure
    }
    Claim<?> claim = entry.tryClaim(purpose);
    if (claim == null) {
      if (entry.isGone()) {
        return; // unloaded meanwhile
      }
      throw new Blocked(entry);
    }
    int before = bringUpOrder.size();
    try {
      addBelow(entry);
    } finally {
      // Also on failure below, so that releasing every claim includes this one.
      if (purpose == Claim.Purpose.RELOAD) {
        bringUpOrder.add(before, claim);
      }
      claims.add(claim);
    }
  }

  /** Whether an entry the current thread holds is held by this closure (not by a caller's operation). */
  private boolean isClaimedHere(ModuleEntry<?> entry) {
    for (Claim<?> claim : claims) {
      if (claim.entry == entry) {
        return true;
      }
    }
    return false;
  }

  private void add(Claim<?> claim) {
    claims.add(claim);
  }

  /** Every claim but the root's, each before what depends on it. */
  List<Claim<?>> bringUpOrder() {
    return bringUpOrder;
  }

  /** Every claim, in teardown order: what depends on an entry before it. */
  List<Claim<?>> teardownOrder() {
    return claims;
  }

  /** The root's claim: the last. */
  Claim<?> root() {
    return claims.get(claims.size() - 1);
  }

  /** The claims of a global root's host parts, in attach order. */
  List<Claim<?>> hostPartsOfRoot() {
    ModuleEntry<?> root = root().entry;
    List<Claim<?>> parts = new ArrayList<>();
    for (Claim<?> claim : claims) {
      if (claim.entry.global() == root) {
        parts.add(claim);
      }
    }
    return parts;
  }

  /** Ends every claim unchanged, newest first. */
  void releaseAll() {
    for (int i = claims.size() - 1; i >= 0; i--) {
      release(claims.get(i));
    }
  }

  /**
   * Whether the claimed entry is its own closure: nothing depends on it and it has no host parts,
   * as most entries (a host's deactivation unloads them one after another), and a shared module's
   * global entry once its last host part is gone. Nothing can link to or attach to an entry while
   * it is claimed, so this stays true while the claim lasts.
   */
  static <M> boolean isLeaf(Claim<M> root) {
    return root.entry.hasNoLinks(root);
  }

  private static <M> void release(Claim<M> claim) {
    claim.entry.release(claim);
  }
}
