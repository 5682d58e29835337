package io.hostmod.runtime;

/** Where one module on one host is in its lifecycle. */
public enum ModuleState {
  /** Its constructor, {@code @Load} or {@code @AddHost} is running. */
  LOADING,
  LOADED,
  /** Its {@code @Unload} is running. */
  UNLOADING,
  /** It is being saved, replaced and restored. */
  RELOADING,
  /** Its {@code @Reconfigure} method is running, with new option values. */
  RECONFIGURING,
  /** Its last load failed; it is not loaded, and can be loaded again once the cause is fixed. */
  FAILED
}
