package io.hostmod.benchmarks.modules;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;

/**
 * A shared module whose every method checks that the runtime holds no lock while it runs: the
 * lifecycle (constructor, load, add host, save, restore, unload of a host and of the instance),
 * a host method called through its proxy, and an event handler it hooks on each host.
 */
@Module(name = "lock_probe", global = true)
public class LockProbeModule {

  public static final String EVENT = "lock-probe";

  public LockProbeModule() {
    LockProbe.check("constructor");
  }

  @Load
  void load(ModuleContext context) {
    LockProbe.check("@Load");
  }

  @AddHost
  void addHost(HostContext host) {
    LockProbe.check("@AddHost");
    host.hook(EVENT, 0, event -> LockProbe.check("hook handler"));
  }

  @Unload
  void removeHost(HostContext host) {
    LockProbe.check("@Unload(HostContext)");
  }

  @Unload
  void unload() {
    LockProbe.check("@Unload");
  }

  @Save
  String save() {
    LockProbe.check("@Save");
    return "state";
  }

  @Restore
  void restore(String state) {
    LockProbe.check("@Restore");
  }

  /** A host method, called through {@code LockProbeModule_HostProxy.call()}. */
  public int call(HostContext host) {
    LockProbe.check("host proxy call");
    return 1;
  }
}
