package org.example.chat;

import io.hostmod.runtime.ModuleBinding;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleHook;
import io.hostmod.runtime.ModuleKind;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The binding of {@link MucModule}, module {@code muc}: direct calls of its constructor and lifecycle methods.
 */
@Generated("io.hostmod.processor.HostmodProcessor")
public final class MucModule_Binding implements ModuleBinding<MucModule> {
    private static final List<ModuleHook<MucModule>> HOOKS = List.of(
        new ModuleHook<>("message", 10, (module, context, event) -> module.onMessage(context, event)));

    @Override
    public String name() {
        return "muc";
    }

    @Override
    public Class<MucModule> moduleType() {
        return MucModule.class;
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.PER_HOST;
    }

    @Override
    public List<String> dependencies() {
        return List.of("server_contact_info");
    }

    @Override
    public MucModule create(ModuleContext context) {
        MucModule module = new MucModule(context.module(ServerContactInfo.class));
        module.historyLimit = context.option("history_limit", Integer.class, module.historyLimit);
        return module;
    }

    @Override
    public void load(MucModule module, ModuleContext context) throws Exception {
        module.load(context);
    }

    @Override
    public void unload(MucModule module) {
        module.unload();
    }

    @Override
    public Object save(MucModule module) {
        return module.save();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(MucModule module, Object state) {
        module.restore((Map<String, ? extends List<String>>) state);
    }

    @Override
    public List<ModuleHook<MucModule>> hooks() {
        return HOOKS;
    }

    @Override
    public List<String> options() {
        return List.of("history_limit");
    }
}
