package io.hostmod.runtime;

/**
 * The host-specific view of a shared module on one host: what {@code @AddHost} and
 * {@code @Unload(HostContext)} receive, and what every host proxy method passes as its first
 * argument. Its {@link #host()} is the real host, never {@code "*"}.
 *
 * <p>Like Prosody's host module, it lets a global module act on a host as if it were a module
 * loaded there. A context is valid while the module stays loaded on that host; after an unload or
 * a reload the module receives a new one.
 */
public interface HostContext extends ModuleContext {}
