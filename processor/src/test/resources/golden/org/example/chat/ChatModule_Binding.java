package org.example.chat;

import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleBinding;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleKind;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The binding of {@link ChatModule}, module {@code chat}: direct calls of its constructor and lifecycle methods.
 */
@Generated("io.hostmod.processor.HostmodProcessor")
public final class ChatModule_Binding implements ModuleBinding<ChatModule> {
    @Override
    public String name() {
        return "chat";
    }

    @Override
    public Class<ChatModule> moduleType() {
        return ChatModule.class;
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.SHARED;
    }

    @Override
    public List<String> dependencies() {
        return List.of();
    }

    @Override
    public ChatModule create(ModuleContext context) {
        return new ChatModule();
    }

    @Override
    public void load(ChatModule module, ModuleContext context) {
        module.load(context);
    }

    @Override
    public void addHost(ChatModule module, HostContext host) {
        module.addHost(host);
    }

    @Override
    public void unload(ChatModule module) {
        module.unload();
    }

    @Override
    public void unloadHost(ChatModule module, HostContext host) {
        module.removeHost(host);
    }

    @Override
    public Class<ChatModule_HostProxy> hostProxyType() {
        return ChatModule_HostProxy.class;
    }

    @Override
    public ChatModule_HostProxy newHostProxy(HostProxy.Target<ChatModule> target) {
        return new ChatModule_HostProxy(target);
    }
}
