package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the module is unloaded.
 *
 * <ul>
 *   <li>With no parameter: when the instance goes away: a per-host module when unloaded from its
 *       host, a global or shared module when unloaded from the global host {@code "*"}.
 *   <li>With one {@code io.hostmod.runtime.HostContext}, in a shared module only: when the module
 *       is unloaded from that host. A shared module may have both forms.
 * </ul>
 *
 * <p>An exception thrown here is logged; the unload completes anyway.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Unload {}
