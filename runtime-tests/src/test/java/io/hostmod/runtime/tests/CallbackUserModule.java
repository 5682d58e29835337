package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host module that depends on {@link CallbackModule}, whose lifecycle steps run what a test
 * set with {@link Callbacks}.
 */
@Module(dependsOn = CallbackModule.class)
public class CallbackUserModule {

  final ModuleContext context;

  public CallbackUserModule(ModuleContext context) {
    this.context = context;
    Callbacks.run(context, "new");
  }

  @Load
  void load(ModuleContext context) {
    Callbacks.run(context, "load");
  }

  @Unload
  void unload() {
    Callbacks.run(context, "unload");
  }

  @Save
  String save() {
    Callbacks.run(context, "save");
    return "saved";
  }

  @Restore
  void restore(String saved) {
    Callbacks.run(context, "restore");
  }
}
