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
  /** Its last load failed; it is not loaded, and can be loaded again once the cause is fixed. */
  FAILED
}
