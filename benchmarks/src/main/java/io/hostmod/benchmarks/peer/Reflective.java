package io.hostmod.benchmarks.peer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotations of the reflective peer. They mirror hostmod's, with the one difference a
 * framework that reads annotations at run time needs: {@code RUNTIME} retention (hostmod's are
 * {@code CLASS}: only the processor reads them). The benchmark modules carry both sets, so all
 * implementations run the very same classes.
 */
public final class Reflective {

  private Reflective() {}

  /** A module: its name, and whether it exists once for the server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface Module {
    String name();

    boolean global() default false;
  }

  /** Called after the constructor, with the module's context. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Load {}

  /** Called for every host a shared module is loaded on, with that host's context. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface AddHost {}

  /** Called on unload: without parameter for the instance, with a host context for a host part. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Unload {}

  /** An event handler method, taking the event (Guava's {@code @Subscribe}, Spring's {@code @EventListener}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Hook {
    String value();
  }
}
