package org.example.chat;

import io.hostmod.runtime.ModuleBinding;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleKind;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The binding of {@link ServerContactInfo}, module {@code server_contact_info}: direct calls of its constructor and lifecycle methods.
 */
@Generated("io.hostmod.processor.HostmodProcessor")
public final class ServerContactInfo_Binding implements ModuleBinding<ServerContactInfo> {
    @Override
    public String name() {
        return "server_contact_info";
    }

    @Override
    public Class<ServerContactInfo> moduleType() {
        return ServerContactInfo.class;
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.GLOBAL;
    }

    @Override
    public List<String> dependencies() {
        return List.of();
    }

    @Override
    public ServerContactInfo create(ModuleContext context) {
        return new ServerContactInfo(context);
    }

    @Override
    public void load(ServerContactInfo module, ModuleContext context) {
        module.load();
    }

    @Override
    public void unload(ServerContactInfo module) {
        module.unload();
    }

    @Override
    public Object save(ServerContactInfo module) {
        return module.save();
    }

    @Override
    public void restore(ServerContactInfo module, Object state) {
        module.restore((Long) state);
    }
}
