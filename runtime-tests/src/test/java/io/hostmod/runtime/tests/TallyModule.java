package io.hostmod.runtime.tests;

import io.hostmod.AddHost;
import io.hostmod.Module;
import io.hostmod.Unload;
import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.ModuleContext;

/**
 * A shared module that reports its own lifecycle as events of the manager that runs it rather than
 * in the static {@link Journal}, so that many managers can run it at once: {@value #EVENT} with
 * {@value #CREATED} or {@value #UNLOADED} on {@code "*"} for its global instances, with {@value
 * #ADDED} or {@value #REMOVED} on each host for its {@code @AddHost} and {@code
 * @Unload(HostContext)} calls. {@link LincheckTest} counts them.
 */
@Module(global = true)
public class TallyModule {

  static final String EVENT = "tally";
  static final String CREATED = "created";
  static final String UNLOADED = "unloaded";
  static final String ADDED = "added";
  static final String REMOVED = "removed";

  private final ModuleContext context;

  public TallyModule(ModuleContext context) {
    this.context = context;
    context.fire(EVENT, CREATED);
  }

  @AddHost
  void addHost(HostContext host) {
    host.fire(EVENT, ADDED);
  }

  @Unload
  void removeHost(HostContext host) {
    host.fire(EVENT, REMOVED);
  }

  @Unload
  void unload() {
    context.fire(EVENT, UNLOADED);
  }
}
