/**
 * The hostmod runtime as user code sees it: loading, unloading and reloading the {@code @Module}
 * classes of a multi-host server.
 *
 * <ul>
 *   <li>{@link ModuleManager}, built from the generated catalogs with {@link
 *       ModuleManager#builder()} and a {@link ServerConfig}: activates hosts, loads, unloads and
 *       reloads modules, fires events, and reports {@link HostStatus} and {@link ModuleStatus}
 *       (with {@link ModuleState} and {@link ModuleKind}) for an admin view.
 *   <li>{@link ModuleContext} and, for a shared module on one host, {@link HostContext}: what a
 *       module instance sees of where it runs: options, events ({@link Event}, {@link
 *       EventHandler}), items, other modules and shared stores; a hook or item added by hand
 *       gives a {@link Registration} that removes it.
 *   <li>{@link ModuleException}: why an operation failed, with a stable {@link
 *       ModuleException#code() code}.
 *   <li>{@link HostProxy}: the base class of the generated {@code <Module>_HostProxy} of a shared
 *       module, which {@link ModuleManager#hostProxy(String, Class)} returns.
 * </ul>
 *
 * <p>The rest of this package is the runtime's machinery and not public. The contract with the
 * code the processor generates is {@link io.hostmod.runtime.spi}, which user code does not use.
 */
package io.hostmod.runtime;
