package org.openmaces.core.module;

/**
 * How a directive's raw text is read. Every value goes through one conversion layer
 * ({@code org.openmaces.core.config.ValueConversion}), so each type is parsed the same way in every module.
 */
public enum DirectiveType {
    /** Raw text; one matching pair of surrounding {@code "} or {@code '} is removed. */
    STRING,
    /** Like STRING; documented as a file system path. */
    PATH,
    /** 64-bit integer, decimal or {@code 0x} hex, optional {@code K}/{@code M}/{@code G} suffix (×1024, ×1024², ×1024³). */
    INTEGER,
    /** {@code TRUE}/{@code YES}/{@code 1} or {@code FALSE}/{@code NO}/{@code 0}, any case. */
    BOOLEAN,
    /** One of the directive's allowed values, matched case-insensitively; read back in the allowed spelling. */
    ENUMERATION,
    /** Comma-separated list of STRING items (blank items are an error). */
    LIST,
    /** Seconds, possibly fractional ({@code 0.5}). */
    SECONDS,
    /** Octal permissions such as {@code 0640}. */
    OCTAL,
    /** NXLog-language expression (e.g. om_file {@code File}); kept as source and compiled by the language. */
    EXPRESSION
}
