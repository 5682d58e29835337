package io.hostmod.test;

import io.hostmod.AddHost;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A shared module: a key-value store per host, which {@link ReaderModule} depends on. */
@Module(global = true)
public class StoreModule {

  private final Map<String, Map<String, String>> stores = new ConcurrentHashMap<>();

  @AddHost
  void addHost(HostContext host) {
    stores.put(host.host(), new ConcurrentHashMap<>());
  }

  @Unload
  void removeHost(HostContext host) {
    stores.remove(host.host());
  }

  public String get(HostContext host, String key) {
    return stores.get(host.host()).getOrDefault(key, "");
  }

  public void put(HostContext host, String key, String value) {
    stores.get(host.host()).put(key, value);
  }
}
