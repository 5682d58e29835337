package io.hostmod.processor.model;

/**
 * An {@code @Every} method, as the generated binding lists it.
 *
 * @param period the ISO-8601 period as written, checked to parse and be positive
 * @param method the method's name
 * @param takesContext whether it takes its context (a {@code ModuleContext} or {@code HostContext})
 * @param perHost whether it takes a {@code HostContext}: a shared module's host parts run it
 */
public record TimerCall(String period, String method, boolean takesContext, boolean perHost) {}
