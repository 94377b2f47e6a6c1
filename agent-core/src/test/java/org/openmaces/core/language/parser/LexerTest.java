package org.openmaces.core.language.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.record.Datetime;

class LexerTest {

    private static List<Token> tokens(String text, Diagnostics diagnostics) {
        return new Lexer(SourceText.ofLine(Path.of("t.conf"), 1, 1, text), ZoneOffset.UTC, diagnostics).tokens();
    }

    private static List<TokenKind> kinds(String text) {
        Diagnostics diagnostics = new Diagnostics();
        List<TokenKind> kinds = tokens(text, diagnostics).stream().map(Token::kind).toList();
        assertTrue(!diagnostics.hasErrors(), () -> diagnostics.all().toString());
        return kinds;
    }

    private static String firstError(String text) {
        Diagnostics diagnostics = new Diagnostics();
        tokens(text, diagnostics);
        return diagnostics.errors().get(0).message();
    }

    @Test
    void shouldLexMinusAsPartOfAnIntegerOnlyBeforeADigit() {
        assertEquals(List.of(TokenKind.FIELD, TokenKind.INTEGER, TokenKind.END), kinds("$x-1"));
        assertEquals(List.of(TokenKind.FIELD, TokenKind.MINUS, TokenKind.INTEGER, TokenKind.END), kinds("$x - 1"));
        assertEquals(List.of(TokenKind.MINUS, TokenKind.FIELD, TokenKind.END), kinds("-$x"));
    }

    @Test
    void shouldLexRegexpsOnlyAfterMatchOperators() {
        assertEquals(List.of(TokenKind.FIELD, TokenKind.MATCH, TokenKind.REGEXP, TokenKind.END), kinds("$a =~ /x/i"));
        assertEquals(List.of(TokenKind.FIELD, TokenKind.NOT_MATCH, TokenKind.SUBSTITUTION, TokenKind.END),
                kinds("$a !~ s/x/y/g"));
        assertEquals(List.of(TokenKind.FIELD, TokenKind.SLASH, TokenKind.FIELD, TokenKind.END), kinds("$a / $b"));
    }

    @Test
    void shouldReadKeywordsInAnyCaseExceptBeforeAnArrow() {
        assertEquals(List.of(TokenKind.IF, TokenKind.NOT, TokenKind.DEFINED, TokenKind.AND, TokenKind.OR,
                TokenKind.ELSE, TokenKind.TRUE, TokenKind.UNDEF, TokenKind.END), kinds("IF Not DEFINED And oR eLsE true Undef"));
        assertEquals(List.of(TokenKind.IDENTIFIER, TokenKind.ARROW, TokenKind.IDENTIFIER, TokenKind.LEFT_PAREN,
                TokenKind.RIGHT_PAREN, TokenKind.END), kinds("in->subscribe_all()"));
    }

    @Test
    void shouldReadDatetimesInTheGivenZone() {
        Diagnostics diagnostics = new Diagnostics();
        Token token = new Lexer(SourceText.ofLine(Path.of("t.conf"), 1, 1, "2024-07-01 12:00:00"),
                ZoneId.of("Europe/Paris"), diagnostics).tokens().get(0);
        assertEquals(Datetime.ofInstant(java.time.Instant.parse("2024-07-01T10:00:00Z")), token.value());
    }

    @Test
    void shouldReportBadLiterals() {
        assertTrue(firstError("2024-13-01 00:00:00").startsWith("invalid datetime literal"));
        assertTrue(firstError("0999-01-01 00:00:00").contains("year must be 1000-9999"));
        assertTrue(firstError("1.2.3.256").startsWith("invalid IPv4 address literal"));
        assertTrue(firstError("1::2::3").startsWith("invalid IPv6 address literal"));
        assertTrue(firstError("12abc").startsWith("invalid integer literal"));
        assertTrue(firstError("99999999999999999999").contains("does not fit in 64 bits"));
        assertTrue(firstError("\"open").startsWith("unterminated string"));
        assertTrue(firstError("$a =~ /open").startsWith("unterminated regular expression"));
        assertTrue(firstError("${open").startsWith("unterminated field name"));
        assertTrue(firstError("$100").contains("captures are $0 to $99"));
        assertTrue(firstError("$a ! $b").contains("'not'"));
    }

    @Test
    void shouldKeepUnknownEscapesVerbatim() {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals("\\d\\x4", tokens("\"\\d\\x4\"", diagnostics).get(0).value());
    }

    @Test
    void shouldReadTheSmallestInteger() {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(Long.MIN_VALUE, tokens("-9223372036854775808", diagnostics).get(0).value());
    }
}
