package io.hostmod.runtime.spi;

/**
 * One {@code @Option} field of a module, as the generated table lists it: what the runtime needs
 * to check a configuration before it applies it ({@code ModuleManager.reconfigure}).
 *
 * @param key the option key
 * @param type the type a value is read as (boxed), or a list's element type
 * @param list whether the field is a {@code List} of {@code type}
 * @param required whether a missing value fails the load ({@code @Option(required = true)})
 */
public record ModuleOption(String key, Class<?> type, boolean list, boolean required) {}
