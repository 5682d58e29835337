package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.Restore;
import io.hostmod.Save;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shared probe for fault injection: as {@link ProbeLocalModule} for its global instance on
 * {@code "*"}, and for each host part {@code @AddHost} registers a hook and an item on the host
 * first and opens a resource last, which {@code @Unload(HostContext)} closes. It keeps each host's
 * context while attached, as a module keeps per-host state.
 */
@Module(global = true)
public final class ProbeSharedModule {

  final int id = Resources.created(this);
  final ModuleContext context;
  final Map<String, HostContext> hosts = new ConcurrentHashMap<>();
  volatile int state;

  public ProbeSharedModule(ModuleContext context) {
    this.context = context;
    Journal.record(context, "new");
  }

  @Load
  void load(ModuleContext context) {
    context.hook(Resources.EVENT, 0, event -> heard(context));
    context.addItem(Resources.ITEM, context.name());
    Journal.record(context, "load");
    Resources.open(context, id);
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

  @Unload
  void unload() {
    Resources.close(context, id);
    Journal.record(context, "unload");
  }

  @Save
  Integer save() {
    Journal.record(context, "save");
    return state;
  }

  @Restore
  void restore(Integer saved) {
    Journal.record(context, "restore");
    state = saved;
  }

  /** The probe hook: the module's own method, as a real handler is, so it keeps the instance. */
  void heard(ModuleContext where) {
    Journal.record(where, "hook");
  }
}
