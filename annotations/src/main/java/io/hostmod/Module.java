package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a hostmod module. The hostmod processor validates the class at compile time and
 * generates its binding, so the runtime can create it and call its lifecycle methods directly.
 *
 * <p>A module is one of three kinds:
 *
 * <ul>
 *   <li><b>per-host</b> ({@code global = false}, the default): one instance for every host the
 *       module is loaded on;
 *   <li><b>global</b> ({@code global = true}): one instance for the whole server, living on the
 *       global host {@code "*"}; loading it a second time fails;
 *   <li><b>shared</b> ({@code global = true} and an {@link AddHost} method): one global instance,
 *       plus a host part for every host it is loaded on. Loading it on a host calls {@code @AddHost}
 *       for that host; unloading it from a host calls that host's {@code @Unload(HostContext)}.
 * </ul>
 *
 * <p>Under {@code import io.hostmod.*;} the simple name {@code Module} is ambiguous with {@link
 * java.lang.Module}; import this type by its single name: {@code import io.hostmod.Module;}.
 *
 * <pre>{@code
 * @Module(global = true)
 * public class ChatModule {
 *   @AddHost
 *   void addHost(HostContext host) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Module {

  /**
   * The module's name, unique in the server, in lower_snake_case. Empty (the default): derived
   * from the class name without a trailing {@code Module}: {@code MucModule} is {@code muc},
   * {@code ServerContactInfo} is {@code server_contact_info}.
   */
  String name() default "";

  /** Whether the module exists once for the whole server rather than once per host. */
  boolean global() default false;

  /**
   * Modules that must be loaded on the same host before this one. Each must be a {@code @Module}
   * class.
   */
  Class<?>[] dependsOn() default {};
}
