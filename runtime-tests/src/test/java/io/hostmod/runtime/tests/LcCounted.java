package io.hostmod.runtime.tests;

import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/**
 * What the {@code lc_} dependents of {@link LcSharedModule} do: count their instances, unloads,
 * saves and restores in {@link LincheckCounts}. The modules inherit these methods; each is its own
 * {@code @Module} class because each kind needs one.
 */
abstract class LcCounted {

  final ModuleContext context;

  LcCounted(ModuleContext context) {
    this.context = context;
    LincheckCounts.count(context, LincheckCounts.CREATED);
  }

  @Unload
  void unload() {
    LincheckCounts.count(context, LincheckCounts.UNLOADED);
  }

  @Save
  String save() {
    LincheckCounts.count(context, LincheckCounts.SAVED);
    return context.name();
  }

  @Restore
  void restore(String saved) {
    if (!saved.equals(context.name())) {
      throw new IllegalStateException(context + " restored with the state of " + saved);
    }
    LincheckCounts.count(context, LincheckCounts.RESTORED);
  }
}
