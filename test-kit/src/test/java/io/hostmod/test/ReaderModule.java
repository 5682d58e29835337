package io.hostmod.test;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;

/**
 * A per-host module that reaches its dependency each way a module can: the instance as a
 * constructor parameter, through {@code ModuleContext.module}, and through the host proxy.
 */
@Module(dependsOn = StoreModule.class)
public class ReaderModule {

  private final StoreModule constructed;
  private StoreModule looked;
  private StoreModule_HostProxy proxy;

  public ReaderModule(StoreModule store) {
    this.constructed = store;
  }

  @Load
  void load(ModuleContext context) {
    looked = context.module(StoreModule.class);
    proxy = context.hostProxy(StoreModule_HostProxy.class);
  }

  public String read(String key) {
    return proxy.get(key);
  }

  public StoreModule constructed() {
    return constructed;
  }

  public StoreModule looked() {
    return looked;
  }
}
