/**
 * Reads a server configuration from a TOML file into the runtime's {@link
 * io.hostmod.runtime.ServerConfig}, which its API returns: a module that requires this one reads
 * the runtime too.
 */
@SuppressWarnings("requires-automatic") // tomlj 2.2.0 is an automatic module (org.tomlj)
module io.hostmod.config {
  requires transitive io.hostmod.runtime;
  requires org.tomlj;

  exports io.hostmod.config;
}
