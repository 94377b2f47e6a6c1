package org.openmaces.core.language.parser;

/**
 * One token: its kind, the text it was read from, the value of a literal, and where it starts and ends
 * in its source.
 *
 * @param kind   what it is
 * @param text   the characters it was read from
 * @param value  for literals the language value ({@code Long}, {@code String}, {@code Datetime},
 *               {@code IpAddress}, {@link RegexpLiteral}, {@link SubstitutionLiteral}); for fields and
 *               names the name; for captures the group number ({@code Integer}); else null
 * @param offset start offset in the source text
 * @param end    offset after the last character
 */
public record Token(TokenKind kind, String text, Object value, int offset, int end) {

    /** How error messages show the token: {@code 'foo'}, or {@code end of input}. */
    public String describe() {
        return kind == TokenKind.END ? kind.description() : "'" + text + "'";
    }
}
