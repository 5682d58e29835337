package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;

/** A shared module whose lifecycle steps run what a test set with {@link Callbacks}. */
@Module(global = true)
public class CallbackSharedModule {

  final ModuleContext context;

  public CallbackSharedModule(ModuleContext context) {
    this.context = context;
    Callbacks.run(context, "new");
  }

  @Load
  void load(ModuleContext context) {
    Callbacks.run(context, "load");
  }

  @AddHost
  void addHost(HostContext host) {
    Callbacks.run(host, "addHost");
  }

  @Unload
  void removeHost(HostContext host) {
    Callbacks.run(host, "unloadHost");
  }

  @Unload
  void unload() {
    Callbacks.run(context, "unload");
  }
}
