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
 * A per-host module that welcomes new users, depending on one module of each kind: the host's own
 * roster (per-host), the chat service (shared, reached through its host proxy) and the server-wide
 * stats (global). It takes them in its constructor, typed. The users it greeted are carried across
 * a reload by {@code @Save}/{@code @Restore}, also when a module it depends on is reloaded.
 */
@Module(dependsOn = {RosterModule.class, ChatModule.class, StatsModule.class})
public class WelcomeModule {

  final ModuleContext context;
  final RosterModule roster;
  final ChatModule_HostProxy chat;
  final StatsModule stats;
  final List<String> greeted = new CopyOnWriteArrayList<>();

  public WelcomeModule(ModuleContext context) {
    Journal.record(context, "new");
    this.context = context;
    roster = context.module(RosterModule.class);
    chat = context.hostProxy(ChatModule_HostProxy.class);
    stats = context.module(StatsModule.class);
  }

  @Load
  void load(ModuleContext context) {
    Journal.record(context, "load");
  }

  @Unload
  void unload() {
    Journal.record(context, "unload");
  }

  @Save
  List<String> save() {
    Journal.record(context, "save");
    return List.copyOf(greeted);
  }

  @Restore
  void restore(List<String> saved) {
    Journal.record(context, "restore");
    greeted.addAll(saved);
  }

  /** Adds the user to this host's roster, says welcome in this host's chat, and counts it. */
  void greet(String user) {
    roster.contacts.add(user);
    chat.post("welcome, " + user);
    stats.served.incrementAndGet();
    greeted.add(user);
  }
}
