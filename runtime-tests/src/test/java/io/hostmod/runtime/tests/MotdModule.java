package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host message of the day, shown after the welcome: it depends on {@link WelcomeModule}, so
 * loading it loads a chain of dependencies, two deep.
 */
@Module(dependsOn = WelcomeModule.class)
public class MotdModule {

  final ModuleContext context;
  final WelcomeModule welcome;

  public MotdModule(ModuleContext context) {
    Journal.record(context, "new");
    this.context = context;
    welcome = context.module(WelcomeModule.class);
  }

  @Load
  void load(ModuleContext context) {
    Journal.record(context, "load");
  }

  @Unload
  void unload() {
    Journal.record(context, "unload");
  }
}
