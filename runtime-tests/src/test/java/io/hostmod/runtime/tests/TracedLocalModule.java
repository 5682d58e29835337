package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A traced module ({@link Traced}): per-host, no dependencies.
 */
@Module
public final class TracedLocalModule extends Traced {

  public TracedLocalModule(ModuleContext context) {
    super(context);
  }
}
