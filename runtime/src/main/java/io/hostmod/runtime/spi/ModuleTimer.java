package io.hostmod.runtime.spi;

import io.hostmod.runtime.HostContext;
import java.time.Duration;

/**
 * An {@code @Every} method of a module, as its generated binding lists it: the period the
 * processor checked, whether it belongs to a shared module's host parts, and a direct call.
 *
 * @param period how often it runs, positive
 * @param perHost whether it takes a {@code HostContext}: then each host part of a shared module
 *     runs it for its host; otherwise the instance runs it once per period
 * @param task calls the module's method
 * @param <M> the module class
 */
public record ModuleTimer<M>(Duration period, boolean perHost, Task<M> task) {

  /** The direct call into the module, with the context of its instance or host part. */
  @FunctionalInterface
  public interface Task<M> {
    void run(M module, HostContext context) throws Exception;
  }
}
