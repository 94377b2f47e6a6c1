package org.openmaces.core.config;

import org.openmaces.core.module.DirectiveSpec;

/** Checks that a directive's raw text has the form its spec's type demands. */
final class DirectiveValues {
    private DirectiveValues() {
    }

    /**
     * Parses {@code raw} as the spec's type and discards the result.
     *
     * @throws IllegalArgumentException saying what form was expected
     */
    static void check(DirectiveSpec spec, String raw) {
        if (raw.isEmpty() && spec.type() != org.openmaces.core.module.DirectiveType.STRING) {
            throw new IllegalArgumentException("the directive has no value");
        }
        String value = ValueConversion.stripInlineComment(raw);
        if (spec.type() != org.openmaces.core.module.DirectiveType.EXPRESSION) {
            checkQuotes(value);
        }
        switch (spec.type()) {
            case INTEGER -> ValueConversion.parseInteger(value);
            case BOOLEAN -> ValueConversion.parseBoolean(value);
            case SECONDS -> ValueConversion.parseSecondsAsNanos(value);
            case OCTAL -> ValueConversion.parseOctal(value);
            case LIST -> ValueConversion.parseList(value);
            case ENUMERATION -> ValueConversion.parseEnumeration(value, spec.allowedValues());
            case STRING, PATH -> {
                if (spec.type() == org.openmaces.core.module.DirectiveType.PATH) {
                    checkPath(ValueConversion.unquote(value));
                }
            }
            case EXPRESSION -> {
                // Compiled by the language, which reports its own errors with line and column.
            }
            default -> throw new IllegalStateException("unhandled directive type " + spec.type());
        }
    }

    /** A path must be non-empty and acceptable to the file system (no NUL character). */
    static void checkPath(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        try {
            java.nio.file.Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + path.replace('\0', '?') + "' is not a valid path: " + e.getReason());
        }
    }

    /** A value that opens a quote must close it with the same character. */
    private static void checkQuotes(String value) {
        if (value.isEmpty()) {
            return;
        }
        char first = value.charAt(0);
        if ((first == '"' || first == '\'') && (value.length() == 1 || value.charAt(value.length() - 1) != first)) {
            throw new IllegalArgumentException("unterminated quote: add the closing " + first);
        }
    }
}
