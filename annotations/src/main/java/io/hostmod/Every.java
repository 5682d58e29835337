package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method every period while the module is loaded, as Prosody's {@code module:add_timer}:
 * the timer starts when the instance has loaded (after {@code @Load}) and ends before its {@code
 * @Unload}; a reload starts the new instance's. The period is an ISO-8601 duration, such as {@code
 * "PT5M"} (five minutes) or {@code "PT30S"}, checked at compile time: it must parse and be positive.
 * The first run is one period after the load.
 *
 * <p>The method takes no parameter, or the instance's {@code io.hostmod.runtime.ModuleContext};
 * in a shared module it may take a {@code HostContext} instead, and then runs on every host the
 * module is loaded on, for that host, from its {@code @AddHost} to its {@code @Unload(HostContext)}.
 * It returns {@code void} and may throw any {@link Exception}: the failure is logged and shown in
 * the module's status, and the timer goes on. The tasks of one instance run one at a time on the
 * server's timer threads, never beside its {@code @Unload}.
 *
 * <pre>{@code
 * @Every("PT5M")
 * void purgeIdleRooms(ModuleContext context) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Every {

  /** The period, an ISO-8601 duration such as {@code "PT5M"}; positive. */
  String value();
}
