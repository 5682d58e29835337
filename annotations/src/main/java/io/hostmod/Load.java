package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once when an instance of the module is created: for a global or shared module once for
 * the whole server, for a per-host module once on every host it is loaded on.
 *
 * <p>The method takes no parameter, or one {@code io.hostmod.runtime.ModuleContext}. It returns
 * {@code void} and may throw any {@link Exception}: the load then fails with {@code load-failed}
 * and nothing of the module stays loaded.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Load {}
