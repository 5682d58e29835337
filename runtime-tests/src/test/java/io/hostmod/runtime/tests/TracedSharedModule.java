package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/** A traced shared module ({@link TracedSharedBase}). */
@Module(global = true)
public final class TracedSharedModule extends TracedSharedBase {

  public TracedSharedModule(ModuleContext context) {
    super(context);
  }
}
