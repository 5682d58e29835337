/**
 * The hostmod runtime: {@link io.hostmod.runtime} is the API user code calls, {@link
 * io.hostmod.runtime.spi} the contract with the code the processor generates. It depends on
 * nothing but the JDK ({@code java.base}, and {@code jdk.jfr} for its Flight Recorder events; it
 * logs through {@link System.Logger}), and finds the generated catalogs of other modules through
 * {@link java.util.ServiceLoader}: a module of {@code @Module} classes says {@code provides
 * io.hostmod.runtime.spi.ModuleCatalog with ...}.
 */
module io.hostmod.runtime {
  requires jdk.jfr;

  exports io.hostmod.runtime;
  exports io.hostmod.runtime.spi;

  uses io.hostmod.runtime.spi.ModuleCatalog;
}
