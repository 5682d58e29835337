package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared module of {@link LincheckTest}'s wider scenarios: counts its global instances and its
 * {@code @AddHost} / {@code @Unload(HostContext)} calls in {@link LincheckCounts}, and each
 * instance keeps the hosts attached to it, so that a check can tell that every host part is
 * attached to the live instance (after a reload of {@code "*"} too).
 */
@Module(name = "lc_shared", global = true)
public class LcSharedModule {

  private final ModuleContext context;
  /** The hosts whose {@code @AddHost} this instance ran, without those it unloaded since. */
  final Set<String> hosts = ConcurrentHashMap.newKeySet();

  public LcSharedModule(ModuleContext context) {
    this.context = context;
    LincheckCounts.count(context, LincheckCounts.CREATED);
  }

  @AddHost
  void addHost(HostContext host) {
    hosts.add(host.host());
    LincheckCounts.count(host, LincheckCounts.ADDED);
  }

  @Unload
  void removeHost(HostContext host) {
    hosts.remove(host.host());
    LincheckCounts.count(host, LincheckCounts.REMOVED);
  }

  @Unload
  void unload() {
    LincheckCounts.count(context, LincheckCounts.UNLOADED);
  }
}
