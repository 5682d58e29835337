package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * An {@code @Option} field, as the generated {@code create} sets it.
 *
 * @param field the field's name
 * @param key the option key
 * @param required whether loading fails when no section sets it
 * @param type the type the option is read as ({@code Integer} for an {@code int} field); for a
 *     list, the element type
 * @param list whether the field is a {@code List}
 */
public record OptionField(String field, String key, boolean required, ClassName type, boolean list) {}
