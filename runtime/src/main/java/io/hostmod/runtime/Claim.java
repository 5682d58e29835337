package io.hostmod.runtime;

/**
 * One thread's hold on one {@link ModuleEntry} for one operation. Only the holder of an entry's
 * current claim calls module code for it ({@link Callbacks} takes a claim), sets its instance,
 * links it, settles it or releases it: each of those methods of {@link ModuleEntry} takes the
 * claim and checks that it is the entry's current one and that the calling thread holds it.
 *
 * <p>A claim is made in two ways only: with a new entry ({@link ModuleEntry#create}, for a load),
 * or by taking a settled, loaded entry ({@link ModuleEntry#claim}, for an unload or reload). It
 * ends with one of {@link ModuleEntry#settleLoaded}, {@link ModuleEntry#settleGone} or {@link
 * ModuleEntry#release}; other threads that need the entry wait until then.
 */
final class Claim<M> {

  /** What the holder is doing with the entry, for {@link ModuleManager#status()}. */
  enum Purpose {
    LOAD,
    UNLOAD,
    RELOAD,
    RECONFIGURE
  }

  final ModuleEntry<M> entry;
  final Purpose purpose;
  final Thread owner = Thread.currentThread();

  Claim(ModuleEntry<M> entry, Purpose purpose) {
    this.entry = entry;
    this.purpose = purpose;
  }

  boolean isHeldByCurrentThread() {
    return owner == Thread.currentThread();
  }

  @Override
  public String toString() {
    return purpose + " " + entry.name + "@" + entry.host.name + " by " + owner.getName();
  }
}
