/**
 * The contract between the hostmod processor's generated code and the runtime. For generated
 * code: user code never implements or calls these types, except passing a generated catalog to
 * {@link io.hostmod.runtime.ModuleManager.Builder#catalog} or {@link
 * io.hostmod.runtime.ModuleManager#install}.
 *
 * <p>For each compilation the processor generates one {@link ModuleTable} subclass per package of
 * {@code @Module} classes, which the runtime sees as one {@link ModuleBinding} per module, with
 * its {@code @Hook} methods as {@link ModuleHook}s; a {@link ModuleCatalog} that lists the tables,
 * registered in {@code META-INF/services/io.hostmod.runtime.spi.ModuleCatalog} (and, in a named
 * module, by {@code provides io.hostmod.runtime.spi.ModuleCatalog with ...}), which {@link
 * io.hostmod.runtime.ModuleManager.Builder#discoverCatalogs()} finds; and for each shared module a
 * {@link io.hostmod.runtime.HostProxy} subclass, bound by the runtime to a {@link ProxyTarget}
 * whose {@link HostPart} it reads on every call.
 *
 * <p>These types change together with the processor: generated code is only meant to run on the
 * runtime of the same hostmod version.
 */
package io.hostmod.runtime.spi;
