package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A shared module: one global chat service, with a message history for every host it is loaded
 * on, carried across a reload of {@code "*"} by {@code @Save}/{@code @Restore}. Every lifecycle
 * step goes through the {@link Journal}, which can make it fail.
 */
@Module(global = true)
public class ChatModule {

  final ModuleContext createdWith;
  ModuleContext loadedWith;
  final Map<String, List<String>> history = new ConcurrentHashMap<>();

  public ChatModule(ModuleContext context) {
    Journal.record(context, "new");
    createdWith = context;
  }

  @Load
  void load(ModuleContext context) {
    Journal.record(context, "load");
    loadedWith = context;
  }

  @AddHost
  void addHost(HostContext host) {
    Journal.record(host, "addHost");
    history.putIfAbsent(host.host(), new CopyOnWriteArrayList<>());
  }

  @Unload
  void unloadHost(HostContext host) {
    Journal.record(host, "unloadHost");
  }

  @Unload
  void unload() {
    Journal.record(createdWith, "unload");
  }

  @Save
  Map<String, List<String>> save() {
    Journal.record(createdWith, "save");
    Map<String, List<String>> saved = new ConcurrentHashMap<>();
    history.forEach((host, messages) -> saved.put(host, List.copyOf(messages)));
    return saved;
  }

  @Restore
  void restore(Map<String, List<String>> saved) {
    Journal.record(createdWith, "restore");
    saved.forEach((host, messages) -> history.put(host, new CopyOnWriteArrayList<>(messages)));
  }

  public void post(HostContext host, String message) {
    history.get(host.host()).add(message);
  }

  public List<String> messages(HostContext host) {
    return List.copyOf(history.get(host.host()));
  }

  /** A room's address on the host, built from the host context: {@code room@chat.<host>}. */
  public String roomAddress(HostContext host, String room) {
    return room + "@" + host.name() + "." + host.host();
  }
}
