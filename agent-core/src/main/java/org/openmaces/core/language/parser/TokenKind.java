package org.openmaces.core.language.parser;

/** The kinds of token of the NXLog language (language spec §1). */
public enum TokenKind {
    INTEGER("integer"),
    STRING("string"),
    DATETIME("datetime"),
    IP4ADDR("ip4addr"),
    IP6ADDR("ip6addr"),
    REGEXP("regular expression"),
    SUBSTITUTION("substitution"),
    FIELD("field"),
    CAPTURE("capture"),
    IDENTIFIER("name"),
    TRUE("TRUE"),
    FALSE("FALSE"),
    UNDEF("undef"),
    IF("if"),
    ELSE("else"),
    AND("and"),
    OR("or"),
    NOT("not"),
    DEFINED("defined"),
    IN("IN"),
    XOR("xor"),
    ARROW("->"),
    ASSIGN("="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_EQUAL("<="),
    GREATER(">"),
    GREATER_EQUAL(">="),
    MATCH("=~"),
    NOT_MATCH("!~"),
    PLUS("+"),
    MINUS("-"),
    STAR("*"),
    SLASH("/"),
    PERCENT("%"),
    LEFT_PAREN("("),
    RIGHT_PAREN(")"),
    LEFT_BRACE("{"),
    RIGHT_BRACE("}"),
    SEMICOLON(";"),
    COMMA(","),
    END("end of input");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** How an error message names this kind: {@code ';'}, {@code integer}. */
    public String description() {
        return description;
    }
}
