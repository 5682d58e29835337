package io.hostmod.runtime.spi;

import io.hostmod.runtime.Event;
import io.hostmod.runtime.HostContext;

/**
 * A {@code @Hook} method of a module, as its generated binding lists it: the event, the priority
 * and a direct call of the method.
 *
 * @param event the event name
 * @param priority higher runs first
 * @param handler calls the module's method
 * @param <M> the module class
 */
public record ModuleHook<M>(String event, int priority, Handler<M> handler) {

  /** The direct call into the module, with the context of the host the event fired on. */
  @FunctionalInterface
  public interface Handler<M> {
    void handle(M module, HostContext context, Event event) throws Exception;
  }
}
