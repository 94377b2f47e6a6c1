package org.openmaces.core.config;

import org.openmaces.core.language.SourceText;

/**
 * One directive line: {@code Name value}. The name is as written (matching is case-insensitive); the value
 * is the rest of the logical line, raw (quotes, comments and all), typed later by {@link ValueConversion}.
 */
final class ConfigDirective {
    private final String name;
    private final String value;
    private final LogicalLine line;
    private final int valueOffset;

    ConfigDirective(String name, String value, LogicalLine line, int valueOffset) {
        this.name = name;
        this.value = value;
        this.line = line;
        this.valueOffset = valueOffset;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }

    Location location() {
        return line.location();
    }

    /** The value as language source (for Exec and expression directives), with physical positions. */
    SourceText valueSource() {
        return line.sourceFrom(valueOffset);
    }

    boolean is(String directiveName) {
        return name.equalsIgnoreCase(directiveName);
    }

    @Override
    public String toString() {
        return location() + ": " + name + " " + value;
    }
}
