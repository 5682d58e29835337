package io.hostmod.runtime.spi;

import io.hostmod.runtime.HostContext;

/**
 * A module instance as loaded on one host, with the context it runs with there. For a shared
 * module the instance is the global one and the context is that host's {@link HostContext}.
 *
 * @param module the module instance
 * @param context its context on that host
 */
public record HostPart<M>(M module, HostContext context) {}
