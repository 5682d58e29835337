package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called on a shared module for every host it is loaded on. Only allowed in a module with {@code
 * @Module(global = true)}; having it is what makes a global module <em>shared</em>.
 *
 * <p>The method takes one {@code io.hostmod.runtime.HostContext}, the host-specific view of the
 * module on that host, and returns {@code void}. Throwing refuses the host: the load on that host
 * fails with {@code load-failed}, and if that host was the first, the global instance is unloaded
 * again.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AddHost {}
