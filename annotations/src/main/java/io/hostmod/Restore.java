package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives, on the new instance after a reload, the state that {@link Save} returned from the old
 * instance. Takes one parameter of a type that the {@code @Save} method's return type is
 * assignable to, and returns {@code void}. An exception thrown here is logged; the module stays
 * loaded.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Restore {}
