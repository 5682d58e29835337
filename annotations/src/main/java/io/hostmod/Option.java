package io.hostmod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A configuration option the module reads, injected into this field after the constructor and
 * before {@code @Load}: the host's value, else the global section's, else the field's initial
 * value. A global or shared module's instance reads the global section.
 *
 * <p>The field is not private, static or final, and is a {@code String}, {@code boolean}, {@code
 * int}, {@code long}, {@code double} (or their boxes), or a {@code List} of these. The processor
 * checks the key and type at compile time; the runtime reports a missing required option or a
 * badly typed value at load time, naming the host and key.
 *
 * <pre>{@code
 * @Option("history_limit") int historyLimit = 50;
 * @Option(value = "welcome_text", required = true) String welcomeText;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Option {

  /** The option key, in lower_snake_case. */
  String value();

  /** Whether loading fails ({@code missing-option}) when neither the host nor the global section sets it. */
  boolean required() default false;
}
