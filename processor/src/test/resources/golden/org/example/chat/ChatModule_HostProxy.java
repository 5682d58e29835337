package org.example.chat;

import io.hostmod.runtime.HostProxy;
import io.hostmod.runtime.spi.HostPart;
import io.hostmod.runtime.spi.ProxyTarget;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Module {@code chat} on one host: the {@code HostContext} methods of {@link ChatModule}, bound to that host.
 * Get one from {@code ModuleManager.hostProxy(host, ChatModule_HostProxy.class)}.
 */
@Generated("io.hostmod.processor.HostmodProcessor")
public final class ChatModule_HostProxy extends HostProxy<ChatModule> {
    ChatModule_HostProxy(ProxyTarget<ChatModule> target) {
        super(target);
    }

    /**
     * Calls {@link ChatModule#greet} with this proxy's host.
     */
    public String greet(String who) {
        HostPart<ChatModule> part = part();
        return part.module().greet(part.context(), who);
    }

    /**
     * Calls {@link ChatModule#max} with this proxy's host.
     */
    public <T extends Comparable<? super T>> T max(List<T> values) {
        HostPart<ChatModule> part = part();
        return part.module().max(part.context(), values);
    }

    /**
     * Calls {@link ChatModule#join} with this proxy's host.
     */
    public String join(String... parts) {
        HostPart<ChatModule> part = part();
        return part.module().join(part.context(), parts);
    }

    /**
     * Calls {@link ChatModule#port} with this proxy's host.
     */
    public int port(String text) throws IOException {
        HostPart<ChatModule> part = part();
        return part.module().port(part.context(), text);
    }

    /**
     * Calls {@link ChatModule#tag} with this proxy's host.
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final <T> List<T> tag(T... items) throws IOException {
        HostPart<ChatModule> part = part();
        return part.module().tag(part.context(), items);
    }

    /**
     * Calls {@link ChatModule#post} with this proxy's host.
     */
    public void post(String part) {
        HostPart<ChatModule> part_ = part();
        part_.module().post(part_.context(), part);
    }
}
