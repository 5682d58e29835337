package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the server's configuration changed the values of the module's {@link Option}s on
 * its host ({@code ModuleManager.reconfigure}): the {@code @Option} fields hold the new values
 * already, and the module applies them in place, keeping its state. Without such a method, the
 * module is reloaded on that host with its {@link Save} state instead. A module whose option values
 * did not change is not called.
 *
 * <p>The method takes no parameter, or one {@code io.hostmod.runtime.ModuleContext}, and returns
 * {@code void}. It may throw any {@link Exception}: the module is then reloaded on that host with
 * its {@code @Save} state, so a new instance runs with the new values, and the exception is
 * reported. A module has at most one {@code @Reconfigure} method. For a shared module it is called
 * on the global instance, whose fields take the global section's values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Reconfigure {}
