package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A traced module ({@link Traced}): per-host, depending on the shared {@link
 * TracedSharedModule}: on a real host, its host part there.
 */
@Module(dependsOn = TracedSharedModule.class)
public final class TracedSharedUserModule extends Traced {

  public TracedSharedUserModule(ModuleContext context) {
    super(context);
  }
}
