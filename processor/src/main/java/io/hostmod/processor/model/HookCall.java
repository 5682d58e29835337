package io.hostmod.processor.model;

/**
 * A {@code @Hook} method, as the generated binding lists it.
 *
 * @param event the event name
 * @param priority higher runs first
 * @param method the method's name
 * @param takesContext whether it takes the {@code HostContext} before the {@code Event}
 */
public record HookCall(String event, int priority, String method, boolean takesContext) {}
