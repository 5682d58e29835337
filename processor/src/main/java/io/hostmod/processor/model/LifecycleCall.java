package io.hostmod.processor.model;

/**
 * How the generated binding calls one lifecycle method or constructor.
 *
 * @param method the method's name (for a constructor, the class's simple name)
 * @param takesContext whether it takes the context argument
 * @param throwsChecked whether it declares checked exceptions, so the call site must allow them
 */
public record LifecycleCall(String method, boolean takesContext, boolean throwsChecked) {}
