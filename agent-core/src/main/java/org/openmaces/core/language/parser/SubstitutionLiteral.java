package org.openmaces.core.language.parser;

/**
 * An {@code s/pattern/replacement/flags} literal.
 *
 * @param pattern     the pattern, {@code \/} turned into {@code /}
 * @param replacement the literal replacement text, {@code \/} turned into {@code /}
 * @param flags       flag letters ({@code i m s g})
 */
public record SubstitutionLiteral(String pattern, String replacement, String flags) {
}
