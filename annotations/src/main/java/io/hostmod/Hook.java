package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles an event on the module's host while the module is loaded there: a per-host module's
 * own host, a global module's server events (host {@code "*"}), and for a shared module every host
 * it is attached to, each with that host's events. The handler is registered when the module loads
 * on the host and removed when it unloads; the generated binding calls it directly.
 *
 * <p>The method takes an {@code io.hostmod.runtime.Event}, optionally preceded by the {@code
 * HostContext} of the host the event fired on, and returns {@code void}. Handlers run by priority,
 * highest first; a handler may call {@code event.stop()} to end the dispatch. An exception is
 * logged and the next handler runs.
 *
 * <pre>{@code
 * @Hook(value = "message", priority = 10)
 * void onMessage(HostContext host, Event event) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Hook {

  /** The event name, such as {@code "message"} or {@code "module-loaded"}. */
  String value();

  /** Handlers of higher priority run first; equal priorities run in the order registered. */
  int priority() default 0;
}
