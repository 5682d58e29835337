package io.hostmod.benchmarks.modules;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Unload;
import io.hostmod.benchmarks.peer.Reflective;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;

/**
 * The lifecycle of the shared benchmark modules (global, with {@code @AddHost}): every method only
 * counts, as Prosody's trivial {@code module.add_host} in the Prosody benchmark does nothing.
 */
public abstract class SharedModuleBase {

  protected SharedModuleBase() {
    Calls.created++;
  }

  @Load
  @Reflective.Load
  public void load(ModuleContext context) {
    Calls.loads++;
  }

  @AddHost
  @Reflective.AddHost
  public void addHost(HostContext host) {
    Calls.addHosts++;
  }

  @Unload
  @Reflective.Unload
  public void unloadHost(HostContext host) {
    Calls.unloadHosts++;
  }

  @Unload
  @Reflective.Unload
  public void unload() {
    Calls.unloads++;
  }
}
