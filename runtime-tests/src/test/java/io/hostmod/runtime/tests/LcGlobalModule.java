package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A global dependent of {@link LcSharedModule}, for {@link LincheckTest}: it loads on {@code "*"},
 * with the shared module's global instance only.
 */
@Module(name = "lc_global", global = true, dependsOn = LcSharedModule.class)
public final class LcGlobalModule extends LcCounted {

  public LcGlobalModule(ModuleContext context) {
    super(context);
  }
}
