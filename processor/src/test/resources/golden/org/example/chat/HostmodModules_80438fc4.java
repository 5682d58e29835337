package org.example.chat;

import io.hostmod.runtime.HostContext;
import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.ModuleContext;
import io.hostmod.runtime.ModuleKind;
import io.hostmod.runtime.spi.ModuleHook;
import io.hostmod.runtime.spi.ModuleOption;
import io.hostmod.runtime.spi.ModuleTable;
import io.hostmod.runtime.spi.ModuleTimer;
import io.hostmod.runtime.spi.ProxyTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The hostmod modules of package {@code org.example.chat} in one compilation: direct calls of their constructors and lifecycle methods, by the module's index.
 */
@Generated("io.hostmod.processor.HostmodProcessor")
public final class HostmodModules_80438fc4 extends ModuleTable {
    public HostmodModules_80438fc4() {
        module(0, "chat", ChatModule.class, ModuleKind.SHARED);
        module(1, "muc", MucModule.class, ModuleKind.PER_HOST, "server_contact_info");
        module(2, "server_contact_info", ServerContactInfo.class, ModuleKind.GLOBAL);
    }

    @Override
    protected Object create(int module, ModuleContext context) throws Exception {
        return switch (module) {
            case 0 -> new ChatModule();
            case 1 -> {
                MucModule instance = new MucModule(context.module(ServerContactInfo.class));
                instance.historyLimit = context.option("history_limit", Integer.class, instance.historyLimit);
                yield instance;
            }
            case 2 -> new ServerContactInfo(context);
            default -> throw noSuchModule(module);
        };
    }

    @Override
    protected void load(int module, Object instance, ModuleContext context) throws Exception {
        switch (module) {
            case 0 -> ((ChatModule) instance).load(context);
            case 1 -> ((MucModule) instance).load(context);
            case 2 -> ((ServerContactInfo) instance).load();
        }
    }

    @Override
    protected void addHost(int module, Object instance, HostContext host) throws Exception {
        switch (module) {
            case 0 -> ((ChatModule) instance).addHost(host);
        }
    }

    @Override
    protected void unload(int module, Object instance) throws Exception {
        switch (module) {
            case 0 -> ((ChatModule) instance).unload();
            case 1 -> ((MucModule) instance).unload();
            case 2 -> ((ServerContactInfo) instance).unload();
        }
    }

    @Override
    protected void unloadHost(int module, Object instance, HostContext host) throws Exception {
        switch (module) {
            case 0 -> ((ChatModule) instance).removeHost(host);
        }
    }

    @Override
    protected Object save(int module, Object instance) throws Exception {
        return switch (module) {
            case 1 -> ((MucModule) instance).save();
            case 2 -> ((ServerContactInfo) instance).save();
            default -> null;
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void restore(int module, Object instance, Object state) throws Exception {
        switch (module) {
            case 1 -> ((MucModule) instance).restore((Map<String, ? extends List<String>>) state);
            case 2 -> ((ServerContactInfo) instance).restore((Long) state);
        }
    }

    @Override
    protected List<ModuleHook<?>> hooks(int module) {
        return switch (module) {
            case 1 -> List.of(
                new ModuleHook<MucModule>("message", 10, (instance, context, event) -> instance.onMessage(context, event)));
            default -> List.of();
        };
    }

    @Override
    protected List<ModuleTimer<?>> timers(int module) {
        return switch (module) {
            case 0 -> List.of(
                new ModuleTimer<ChatModule>(Duration.parse("PT1M"), true, (instance, context) -> instance.expireTyping(context)),
                new ModuleTimer<ChatModule>(Duration.parse("PT24H"), false, (instance, context) -> instance.rotateLogs()));
            default -> List.of();
        };
    }

    @Override
    protected void reconfigure(int module, Object instance, ModuleContext context) throws
            Exception {
        switch (module) {
            case 1 -> {
                MucModule reconfigured = (MucModule) instance;
                reconfigured.historyLimit = context.option("history_limit", Integer.class, reconfigured.historyLimit);
                reconfigured.reconfigure(context);
            }
        }
    }

    @Override
    protected boolean reconfigurable(int module) {
        return switch (module) {
            case 1 -> true;
            default -> false;
        };
    }

    @Override
    protected List<ModuleOption> options(int module) {
        return switch (module) {
            case 1 -> List.of(
                new ModuleOption("history_limit", Integer.class, false, false));
            default -> List.of();
        };
    }

    @Override
    protected Class<? extends HostProxy<?>> hostProxyType(int module) {
        return switch (module) {
            case 0 -> ChatModule_HostProxy.class;
            default -> null;
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    protected HostProxy<?> newHostProxy(int module, ProxyTarget<?> target) {
        return switch (module) {
            case 0 -> new ChatModule_HostProxy((ProxyTarget<ChatModule>) target);
            default -> throw noSuchModule(module);
        };
    }
}
