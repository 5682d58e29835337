package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Option;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A per-host module with an option and no {@code @Reconfigure}: a change of its option reloads it,
 * carrying its messages across by {@code @Save}/{@code @Restore}.
 */
@Module(name = "plain_tuned")
public class PlainTunedModule {

  @Option("plain_limit")
  long limit = 5;

  final ModuleContext context;
  final List<String> messages = new CopyOnWriteArrayList<>();

  public PlainTunedModule(ModuleContext context) {
    this.context = context;
    Journal.record(context, "new");
  }

  @Load
  void load() {
    Journal.record(context, "load " + limit);
  }

  @Unload
  void unload() {
    Journal.record(context, "unload");
  }

  @Save
  List<String> save() {
    Journal.record(context, "save");
    return List.copyOf(messages);
  }

  @Restore
  void restore(List<String> saved) {
    Journal.record(context, "restore " + limit);
    messages.addAll(saved);
  }
}
