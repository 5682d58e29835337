package org.example.chat;

import io.hostmod.runtime.spi.ModuleBinding;
import io.hostmod.runtime.spi.ModuleCatalog;
import io.hostmod.runtime.spi.ModuleTable;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The hostmod modules of one compilation, found by {@code ModuleManager.builder().discoverCatalogs()} through {@code META-INF/services/io.hostmod.runtime.spi.ModuleCatalog}.
 */
@Generated("io.hostmod.processor.HostmodProcessor")
public final class HostmodCatalog_c6ea3d3a implements ModuleCatalog {
    private static final List<ModuleBinding<?>> BINDINGS = ModuleTable.sortedBindings(
        new HostmodModules_c6ea3d3a());

    @Override
    public List<ModuleBinding<?>> bindings() {
        return BINDINGS;
    }
}
