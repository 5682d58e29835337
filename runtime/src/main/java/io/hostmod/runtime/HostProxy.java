package io.hostmod.runtime;

import io.hostmod.runtime.spi.HostPart;
import io.hostmod.runtime.spi.ProxyTarget;

/**
 * Base class of the generated host proxies ({@code <Module>_HostProxy}): a shared module seen as if
 * it were a module of its own on one host. Each proxy method calls the module's method of the same
 * name, passing this host's {@link HostContext} as its first argument.
 *
 * <p>A proxy stays bound to its host across reloads of the module; once the module is unloaded
 * from the host every call fails with {@code module-not-loaded}. Get proxies from {@link
 * ModuleManager#hostProxy(String, Class)}.
 *
 * @param <M> the module class
 */
public abstract class HostProxy<M> {

  private final ProxyTarget<M> target;

  /** Called by the generated subclass, with the target the runtime binds it to. */
  protected HostProxy(ProxyTarget<M> target) {
    this.target = target;
  }

  /** The host this proxy is bound to. */
  public final String host() {
    return target.host();
  }

  /**
   * The module as loaded on this host now, read once per call so that instance and context always
   * belong together, even while the module is reloaded.
   */
  protected final HostPart<M> part() {
    return target.part();
  }
}
