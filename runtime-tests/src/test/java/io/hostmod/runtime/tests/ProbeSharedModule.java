package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shared probe for fault injection: as {@link Probe} for its global instance on {@code "*"}, and
 * for each host part {@code @AddHost} registers a hook and an item on the host first and opens a
 * resource last, which {@code @Unload(HostContext)} closes. It keeps each host's context while
 * attached, as a module keeps per-host state.
 */
@Module(global = true)
public final class ProbeSharedModule extends Probe {

  final Map<String, HostContext> hosts = new ConcurrentHashMap<>();

  public ProbeSharedModule(ModuleContext context) {
    super(context);
  }

  @AddHost
  void addHost(HostContext host) {
    host.hook(Resources.EVENT, 0, event -> heard(host));
    host.addItem(Resources.ITEM, host.name());
    Journal.record(host, "addHost");
    hosts.put(host.host(), host);
    Resources.open(host, id);
  }

  @Unload
  void removeHost(HostContext host) {
    Resources.close(host, id);
    hosts.remove(host.host());
    Journal.record(host, "unloadHost");
  }
}
