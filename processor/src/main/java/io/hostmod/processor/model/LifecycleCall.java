package io.hostmod.processor.model;

import java.util.List;

/**
 * How the generated module table calls one lifecycle method or constructor.
 *
 * @param method the method's name (for a constructor, the class's simple name)
 * @param arguments what it passes, in parameter order (empty for {@code @Restore}, whose state the
 *     writer passes itself)
 */
public record LifecycleCall(String method, List<Argument> arguments) {}
