package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Returns the state to carry across a reload. Takes no parameter and returns the state (not {@code
 * void}); the module must also have a {@link Restore} method taking that type.
 *
 * <p>If it throws, the reload is aborted with {@code save-state-failed} and the old instance keeps
 * serving.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Save {}
