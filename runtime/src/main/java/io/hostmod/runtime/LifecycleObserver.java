package io.hostmod.runtime;

/**
 * Hears of every load, unload, reload and host activation a {@link ModuleManager} finished, with
 * how long it took and how it ended: the hook a metrics binding (such as {@code hostmod-micrometer})
 * uses, added with {@link ModuleManager#observe}. Called on the thread that ran the operation,
 * once it holds no claim; it must be quick and must not throw (what it throws is logged).
 */
@FunctionalInterface
public interface LifecycleObserver {
  void observed(LifecycleObservation observation);
}
