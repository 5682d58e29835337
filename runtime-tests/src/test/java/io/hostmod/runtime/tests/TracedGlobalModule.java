package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A traced module ({@link Traced}): plain global (no {@code @AddHost}), no dependencies.
 */
@Module(global = true)
public final class TracedGlobalModule extends Traced {

  public TracedGlobalModule(ModuleContext context) {
    super(context);
  }
}
