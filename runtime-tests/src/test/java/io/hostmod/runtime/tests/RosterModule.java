package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.ModuleContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A per-host module: each host's own contact roster, carried across a reload by
 * {@code @Save}/{@code @Restore}. Every lifecycle step goes through the {@link Journal}, which can
 * make it fail.
 */
@Module
public class RosterModule {

  final ModuleContext createdWith;
  ModuleContext loadedWith;
  final List<String> contacts = new CopyOnWriteArrayList<>();

  public RosterModule(ModuleContext context) {
    Journal.record(context, "new");
    createdWith = context;
  }

  @Load
  void load(ModuleContext context) {
    Journal.record(context, "load");
    loadedWith = context;
  }

  @Unload
  void unload() {
    Journal.record(createdWith, "unload");
  }

  @Save
  List<String> save() {
    Journal.record(createdWith, "save");
    return List.copyOf(contacts);
  }

  @Restore
  void restore(List<String> saved) {
    Journal.record(createdWith, "restore");
    contacts.addAll(saved);
  }
}
