package io.hostmod.examples;

import io.hostmod.AddHost;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@Module(global = true)                      // one instance for the server: module "greeter"
public class GreeterModule {
  private final Map<String, Integer> visits = new ConcurrentHashMap<>();

  @AddHost void addHost(HostContext host) { visits.put(host.host(), 0); }   // each host it is loaded on
  @Unload void removeHost(HostContext host) { visits.remove(host.host()); } // unloaded from that host

  public String greet(HostContext host, String who) {  // on GreeterModule_HostProxy as greet(who)
    return "Hello " + who + " from " + host.host() + ", visit " + visits.merge(host.host(), 1, Integer::sum);
  }
}
