package io.hostmod.runtime.spi;

import io.hostmod.runtime.ModuleManager;
import java.util.List;

/**
 * The registration table the hostmod processor generates for one compilation: every module
 * binding of that compilation, in a fixed order. It is registered in {@code
 * META-INF/services/io.hostmod.runtime.spi.ModuleCatalog}, so {@link
 * ModuleManager.Builder#discoverCatalogs()} finds the catalogs of every jar on the class path.
 */
public interface ModuleCatalog {

  /** The bindings of this catalog, sorted by module name. */
  List<ModuleBinding<?>> bindings();
}
