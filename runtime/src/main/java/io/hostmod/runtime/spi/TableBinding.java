package io.hostmod.runtime.spi;

import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleKind;
import java.util.List;

/**
 * A module of a generated {@link ModuleTable}, as the runtime sees every module: each call goes to
 * the table with the module's index. What never changes (hooks, timers, options, whether it reconfigures, proxy type) is asked of
 * the table once, in {@link #of}.
 */
record TableBinding(
    ModuleTable table,
    int index,
    String name,
    Class<Object> moduleType,
    ModuleKind kind,
    List<String> dependencies,
    List<ModuleHook<Object>> hooks,
    List<ModuleTimer<Object>> timers,
    List<ModuleOption> options,
    boolean reconfigurable,
    Class<? extends HostProxy<Object>> hostProxyType)
    implements ModuleBinding<Object> {

  // A table's types are per module; the runtime handles every instance as an Object.
  @SuppressWarnings({"unchecked", "rawtypes"})
  static TableBinding of(
      ModuleTable table, int index, String name, Class<?> type, ModuleKind kind, List<String> dependencies) {
    return new TableBinding(
        table,
        index,
        name,
        (Class<Object>) type,
        kind,
        List.copyOf(dependencies),
        (List) List.copyOf(table.hooks(index)),
        (List) List.copyOf(table.timers(index)),
        List.copyOf(table.options(index)),
        table.reconfigurable(index),
        (Class) table.hostProxyType(index));
  }

  @Override
  public Object create(ModuleContext context) throws Exception {
    return table.create(index, context);
  }

  @Override
  public void load(Object module, ModuleContext context) throws Exception {
    table.load(index, module, context);
  }

  @Override
  public void addHost(Object module, HostContext host) throws Exception {
    table.addHost(index, module, host);
  }

  @Override
  public void unload(Object module) throws Exception {
    table.unload(index, module);
  }

  @Override
  public void unloadHost(Object module, HostContext host) throws Exception {
    table.unloadHost(index, module, host);
  }

  @Override
  public void reconfigure(Object module, ModuleContext context) throws Exception {
    table.reconfigure(index, module, context);
  }

  @Override
  public Object save(Object module) throws Exception {
    return table.save(index, module);
  }

  @Override
  public void restore(Object module, Object state) throws Exception {
    table.restore(index, module, state);
  }

  @Override
  public boolean convertsState() {
    return table.convertsState(index);
  }

  @Override
  public Object stateToNeutral(Object state) {
    return table.stateToNeutral(index, state);
  }

  @Override
  public Object stateFromNeutral(Object neutral) {
    return table.stateFromNeutral(index, neutral);
  }

  @Override
  @SuppressWarnings("unchecked")
  public HostProxy<Object> newHostProxy(ProxyTarget<Object> target) {
    return (HostProxy<Object>) table.newHostProxy(index, target);
  }

  @Override
  public String toString() {
    return "module " + name + " (" + moduleType.getName() + ")";
  }
}
