package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/** A per-host dependent of {@link LcSharedModule}, for {@link LincheckTest}. */
@Module(name = "lc_user", dependsOn = LcSharedModule.class)
public final class LcUserModule extends LcCounted {

  public LcUserModule(ModuleContext context) {
    super(context);
  }
}
