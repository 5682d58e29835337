package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A shared module: one global instance, a room list per host. */
@Module(global = true)
public class ChatModule {
  final Map<String, List<String>> rooms = new ConcurrentHashMap<>();

  @Load
  void load(ModuleContext context) {
    Journal.record("chat.load " + context.host());
  }

  @AddHost
  void addHost(HostContext host) {
    rooms.putIfAbsent(host.host(), new ArrayList<>());
    Journal.record("chat.addHost " + host.host());
  }

  @Unload
  void unloadHost(HostContext host) {
    Journal.record("chat.unloadHost " + host.host());
  }

  @Unload
  void unload() {
    Journal.record("chat.unload");
  }

  @Save
  Map<String, List<String>> save() {
    return rooms;
  }

  @Restore
  void restore(Map<String, List<String>> saved) {
    rooms.putAll(saved);
  }

  public void post(HostContext host, String message) {
    rooms.get(host.host()).add(message);
  }

  public List<String> messages(HostContext host) {
    return List.copyOf(rooms.get(host.host()));
  }
}
