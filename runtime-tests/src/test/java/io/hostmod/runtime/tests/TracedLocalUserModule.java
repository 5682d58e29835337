package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A traced module ({@link Traced}): per-host, depending on the per-host {@link TracedLocalModule}.
 */
@Module(dependsOn = TracedLocalModule.class)
public final class TracedLocalUserModule extends Traced {

  public TracedLocalUserModule(ModuleContext context) {
    super(context);
  }
}
