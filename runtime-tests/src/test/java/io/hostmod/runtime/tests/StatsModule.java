package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain global module (no {@code @AddHost}): one server-wide request counter, carried across a
 * reload by {@code @Save}/{@code @Restore}. Its constructor takes no context, so its first step
 * reads {@code "stats.new"}.
 */
@Module(global = true)
public class StatsModule {

  ModuleContext loadedWith;
  final AtomicInteger served = new AtomicInteger();

  public StatsModule() {
    Journal.record("stats.new");
  }

  @Load
  void load(ModuleContext context) {
    Journal.record(context, "load");
    loadedWith = context;
  }

  @Unload
  void unload() {
    Journal.record(loadedWith, "unload");
  }

  @Save
  Integer save() {
    Journal.record(loadedWith, "save");
    return served.get();
  }

  @Restore
  void restore(Integer saved) {
    Journal.record(loadedWith, "restore");
    served.set(saved);
  }
}
