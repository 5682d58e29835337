package io.hostmod.runtime.tests;

import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host dependent of {@link LcSharedModule} that {@link LincheckTest} and {@link InstallTest}
 * install and uninstall in a catalog of its own, as a plugin jar.
 */
@Module(name = "lc_plugin", dependsOn = LcSharedModule.class)
public final class LcPluginModule extends LcCounted {

  public LcPluginModule(ModuleContext context) {
    super(context);
  }
}
