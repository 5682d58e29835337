package io.hostmod.examples;

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

/**
 * A shared module: loaded once for the server, with a message log per host. Server code talks to
 * it through the generated {@code ChatModule_HostProxy}, bound to one host.
 */
@Module(global = true)
public class ChatModule {

  private final Map<String, List<String>> logs = new ConcurrentHashMap<>();

  @Load
  void load(ModuleContext context) {
    System.out.println("chat: global instance loaded on " + context.host());
  }

  @AddHost
  void addHost(HostContext host) {
    logs.putIfAbsent(host.host(), new ArrayList<>());
    System.out.println("chat: now serving " + host.host());
  }

  @Unload
  void removeHost(HostContext host) {
    System.out.println("chat: no longer serving " + host.host());
  }

  @Save
  Map<String, List<String>> save() {
    return logs;
  }

  @Restore
  void restore(Map<String, List<String>> saved) {
    logs.putAll(saved);
  }

  public void post(HostContext host, String message) {
    List<String> log = logs.get(host.host());
    synchronized (log) {
      log.add(message);
    }
  }

  public List<String> messages(HostContext host) {
    List<String> log = logs.get(host.host());
    synchronized (log) {
      return List.copyOf(log);
    }
  }
}
