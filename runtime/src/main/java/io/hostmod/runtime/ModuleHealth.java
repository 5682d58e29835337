package io.hostmod.runtime;

import java.time.Instant;

/**
 * What a module instance last reported of its health ({@link ModuleContext#status}), or what the
 * runtime reported for it (a timer task that threw). The data of a {@code module-status} event.
 *
 * @param health ok, warn or error
 * @param message what the module said, for an operator
 * @param since when it was reported, by the manager's {@link TimeSource}
 */
public record ModuleHealth(Health health, String message, Instant since) {}
