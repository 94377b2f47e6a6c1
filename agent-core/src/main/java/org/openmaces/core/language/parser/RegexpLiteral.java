package org.openmaces.core.language.parser;

/**
 * A {@code /pattern/flags} literal as written: {@code \/} already turned into {@code /}, every other
 * backslash sequence kept for the regular-expression engine.
 *
 * @param pattern the pattern text
 * @param flags   the flag letters in the order written ({@code i}, {@code m}, {@code s})
 */
public record RegexpLiteral(String pattern, String flags) {
}
