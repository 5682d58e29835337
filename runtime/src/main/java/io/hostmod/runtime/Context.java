package io.hostmod.runtime;

/** The runtime's context for one module on one host: a {@link ModuleContext}, or a {@link HostContext} for a shared module's host part. */
final class Context implements HostContext {

  private final String name;
  private final String host;

  Context(String name, String host) {
    this.name = name;
    this.host = host;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public System.Logger logger() {
    // Looked up on use rather than held: a context exists per (host, module) pair and must stay small.
    return System.getLogger("hostmod." + name);
  }

  @Override
  public String toString() {
    return name + "@" + host;
  }
}
