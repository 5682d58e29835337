package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/** A per-host module whose lifecycle steps run what a test set with {@link Callbacks}. */
@Module
public class CallbackPeerModule {

  final ModuleContext context;

  public CallbackPeerModule(ModuleContext context) {
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
}
