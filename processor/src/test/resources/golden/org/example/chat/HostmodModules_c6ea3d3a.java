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
import io.hostmod.runtime.spi.StateCodecs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The hostmod modules of package {@code org.example.chat} in one compilation: direct calls of their constructors and lifecycle methods, by the module's index.
 */
@Generated("io.hostmod.processor.HostmodProcessor")
public final class HostmodModules_c6ea3d3a extends ModuleTable {
    public HostmodModules_c6ea3d3a() {
        module(0, "chat", ChatModule.class, ModuleKind.SHARED);
        module(1, "muc", MucModule.class, ModuleKind.PER_HOST, "server_contact_info");
        module(2, "roster", RosterModule.class, ModuleKind.PER_HOST);
        module(3, "server_contact_info", ServerContactInfo.class, ModuleKind.GLOBAL);
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
            case 2 -> new RosterModule();
            case 3 -> new ServerContactInfo(context);
            default -> throw noSuchModule(module);
        };
    }

    @Override
    protected void load(int module, Object instance, ModuleContext context) throws Exception {
        switch (module) {
            case 0 -> ((ChatModule) instance).load(context);
            case 1 -> ((MucModule) instance).load(context);
            case 3 -> ((ServerContactInfo) instance).load();
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
            case 3 -> ((ServerContactInfo) instance).unload();
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
            case 2 -> ((RosterModule) instance).save();
            case 3 -> ((ServerContactInfo) instance).save();
            default -> null;
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void restore(int module, Object instance, Object state) throws Exception {
        switch (module) {
            case 1 -> ((MucModule) instance).restore((Map<String, ? extends List<String>>) state);
            case 2 -> ((RosterModule) instance).restore((RosterModule.Roster) state);
            case 3 -> ((ServerContactInfo) instance).restore((Long) state);
        }
    }

    @Override
    protected boolean convertsState(int module) {
        return switch (module) {
            case 2 -> true;
            default -> false;
        };
    }

    @Override
    protected Object stateToNeutral(int module, Object state) {
        return switch (module) {
            case 2 -> neutral(((RosterModule.Roster) state));
            default -> state;
        };
    }

    @Override
    protected Object stateFromNeutral(int module, Object neutral) {
        return switch (module) {
            case 2 -> readRosterModule_Roster(neutral);
            default -> neutral;
        };
    }

    /**
     * {@code RosterModule.Roster} in neutral form: its components by name.
     */
    private static Object neutral(RosterModule.Roster value) {
        return value == null ? null : StateCodecs.fields(
                        "members", StateCodecs.toList(value.members(), (RosterModule.Member v0) -> neutral(v0)),
                        "topics", StateCodecs.toMap(value.topics(), (String k0) -> k0, (String v0) -> v0),
                        "version", value.version());
    }

    /**
     * {@code RosterModule.Member} in neutral form: its components by name.
     */
    private static Object neutral(RosterModule.Member value) {
        return value == null ? null : StateCodecs.fields(
                        "name", value.name(),
                        "joined", value.joined(),
                        "groups", StateCodecs.toList(value.groups(), (String v0) -> v0));
    }

    /**
     * {@code RosterModule.Roster} from its neutral form: components by name, a missing one empty.
     */
    private static RosterModule.Roster readRosterModule_Roster(Object neutral) {
        return StateCodecs.read(neutral, fields -> new RosterModule.Roster(
                        StateCodecs.list(fields.get("members"), v0 -> readRosterModule_Member(v0)),
                        StateCodecs.map(fields.get("topics"), k0 -> StateCodecs.value(k0, String.class, ""), v0 -> StateCodecs.value(v0, String.class, "")),
                        StateCodecs.value(fields.get("version"), Integer.class, 0)));
    }

    /**
     * {@code RosterModule.Member} from its neutral form: components by name, a missing one empty.
     */
    private static RosterModule.Member readRosterModule_Member(Object neutral) {
        return StateCodecs.read(neutral, fields -> new RosterModule.Member(
                        StateCodecs.value(fields.get("name"), String.class, ""),
                        StateCodecs.value(fields.get("joined"), Long.class, 0L),
                        StateCodecs.list(fields.get("groups"), v0 -> StateCodecs.value(v0, String.class, ""))));
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
