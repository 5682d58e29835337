package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Option;
import io.hostmod.Reconfigure;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A per-host module that takes new option values in place: its {@code @Reconfigure} records the
 * values its fields hold when it is called, and can be made to fail through the {@link Journal}.
 * Its messages are carried across a reload.
 */
@Module
public class TunedModule {

  @Option("tuned_limit")
  int limit = 10;

  @Option("tuned_greeting")
  String greeting = "hi";

  final ModuleContext context;
  final List<String> messages = new CopyOnWriteArrayList<>();
  volatile boolean unloaded;

  public TunedModule(ModuleContext context) {
    this.context = context;
    Journal.record(context, "new");
  }

  @Load
  void load() {
    Journal.record(context, "load " + limit + " " + greeting);
  }

  @Reconfigure
  void reconfigure(ModuleContext context) {
    if (unloaded) {
      throw new AssertionError("@Reconfigure after @Unload on " + context);
    }
    Journal.record(context, "reconfigure " + limit + " " + greeting);
  }

  @Unload
  void unload() {
    unloaded = true;
    Journal.record(context, "unload");
  }

  @Save
  List<String> save() {
    Journal.record(context, "save");
    return List.copyOf(messages);
  }

  @Restore
  void restore(List<String> saved) {
    Journal.record(context, "restore " + limit + " " + greeting);
    messages.addAll(saved);
  }
}
