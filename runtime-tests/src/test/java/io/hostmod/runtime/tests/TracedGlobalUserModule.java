package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A traced module ({@link Traced}): plain global, depending on the shared {@link
 * TracedSharedModule}: on {@code "*"}, its global instance only.
 */
@Module(global = true, dependsOn = TracedSharedModule.class)
public final class TracedGlobalUserModule extends Traced {

  public TracedGlobalUserModule(ModuleContext context) {
    super(context);
  }
}
