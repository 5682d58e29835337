package io.hostmod.runtime.spi;

import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleException;

/**
 * One module on one host as the runtime tracks it: what a generated {@link HostProxy} is bound
 * to. Implemented by the runtime only.
 *
 * @param <M> the module class
 */
public interface ProxyTarget<M> {

  /** The host this target belongs to. */
  String host();

  /**
   * The module as loaded on the host now.
   *
   * @throws ModuleException with code {@code module-not-loaded} when it is not loaded there
   */
  HostPart<M> part();
}
