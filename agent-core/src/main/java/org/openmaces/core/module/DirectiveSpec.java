package org.openmaces.core.module;

import java.util.List;
import java.util.Objects;

/**
 * One directive a module accepts: its name (matched case-insensitively), how its value is read, whether
 * it must appear, whether it may repeat, its default, and for enumerations the allowed values.
 * The config loader checks every block against its module's specs before the module sees it, so a module
 * never reads an unknown directive, a missing required one, or a value of the wrong form.
 *
 * @param name          canonical spelling, e.g. {@code MutedPathPrefix}
 * @param type          how the value is parsed
 * @param required      true when the block must contain it
 * @param repeatable    true when it may appear several times; each occurrence adds a value in file order
 * @param defaultValue  raw text used when the directive is absent (parsed like a written value), or null
 * @param allowedValues for {@link DirectiveType#ENUMERATION}: the accepted values, else empty
 * @param description   one line for {@code -h}-style listings and "did you mean" hints
 */
public record DirectiveSpec(String name, DirectiveType type, boolean required, boolean repeatable,
                            String defaultValue, List<String> allowedValues, String description) {

    public DirectiveSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowedValues = List.copyOf(allowedValues);
        description = description == null ? "" : description;
        if (type == DirectiveType.ENUMERATION && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("enumeration directive " + name + " needs allowed values");
        }
    }

    public static DirectiveSpec optional(String name, DirectiveType type, String defaultValue, String description) {
        return new DirectiveSpec(name, type, false, false, defaultValue, List.of(), description);
    }

    public static DirectiveSpec required(String name, DirectiveType type, String description) {
        return new DirectiveSpec(name, type, true, false, null, List.of(), description);
    }

    public static DirectiveSpec repeatable(String name, DirectiveType type, String description) {
        return new DirectiveSpec(name, type, false, true, null, List.of(), description);
    }

    public static DirectiveSpec enumeration(String name, String defaultValue, List<String> allowedValues,
                                            String description) {
        return new DirectiveSpec(name, DirectiveType.ENUMERATION, false, false, defaultValue, allowedValues,
                description);
    }

    /** The same spec, but it must appear. */
    public DirectiveSpec asRequired() {
        return new DirectiveSpec(name, type, true, repeatable, defaultValue, allowedValues, description);
    }

    /** The same spec, but it may repeat. */
    public DirectiveSpec asRepeatable() {
        return new DirectiveSpec(name, type, required, true, defaultValue, allowedValues, description);
    }
}
