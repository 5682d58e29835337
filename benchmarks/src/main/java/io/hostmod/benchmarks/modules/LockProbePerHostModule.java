package io.hostmod.benchmarks.modules;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;

/** The per-host counterpart of {@link LockProbeModule}. */
@Module(name = "lock_probe_host")
public class LockProbePerHostModule {

  @Load
  void load(ModuleContext context) {
    LockProbe.check("@Load (per-host)");
  }

  @Save
  String save() {
    LockProbe.check("@Save (per-host)");
    return "state";
  }

  @Restore
  void restore(String state) {
    LockProbe.check("@Restore (per-host)");
  }

  @Unload
  void unload() {
    LockProbe.check("@Unload (per-host)");
  }
}
