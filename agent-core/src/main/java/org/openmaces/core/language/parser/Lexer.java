package org.openmaces.core.language.parser;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.IpAddress;

/**
 * Turns NXLog-language source into tokens (language spec §1). Errors go to the diagnostics with their
 * position and the lexer carries on, so one pass reports every bad character.
 *
 * <p>Context sensitivity, as in NXLog: a {@code /} starts a regular expression, and {@code s/} a
 * substitution, only directly after {@code =~} or {@code !~}; a {@code -} belongs to an integer literal
 * when a digit follows it immediately (so {@code $x-1} is {@code $x} followed by {@code -1}).
 */
public final class Lexer {
    static final long MAX_STRING_LENGTH = 1 << 20;

    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("if", TokenKind.IF), Map.entry("else", TokenKind.ELSE), Map.entry("and", TokenKind.AND),
            Map.entry("or", TokenKind.OR), Map.entry("not", TokenKind.NOT), Map.entry("defined", TokenKind.DEFINED),
            Map.entry("xor", TokenKind.XOR), Map.entry("true", TokenKind.TRUE), Map.entry("false", TokenKind.FALSE),
            Map.entry("undef", TokenKind.UNDEF), Map.entry("in", TokenKind.IN));

    private final SourceText source;
    private final String text;
    private final ZoneId localZone;
    private final Diagnostics diagnostics;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int current;

    public Lexer(SourceText source, ZoneId localZone, Diagnostics diagnostics) {
        this.source = source;
        this.text = source.text();
        this.localZone = localZone;
        this.diagnostics = diagnostics;
    }

    /** All tokens, ending with one {@link TokenKind#END}. */
    public List<Token> tokens() {
        while (true) {
            skipBlanksAndComments();
            start = current;
            if (current >= text.length()) {
                tokens.add(new Token(TokenKind.END, "", null, current, current));
                return tokens;
            }
            scanToken();
        }
    }

    private void skipBlanksAndComments() {
        while (current < text.length()) {
            char c = text.charAt(current);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                current++;
            } else if (c == '#') {
                while (current < text.length() && text.charAt(current) != '\n') {
                    current++;
                }
            } else {
                return;
            }
        }
    }

    private void scanToken() {
        char c = text.charAt(current);
        boolean afterMatch = !tokens.isEmpty() && (last() == TokenKind.MATCH || last() == TokenKind.NOT_MATCH);
        if (afterMatch && c == '/') {
            regexp();
            return;
        }
        if (afterMatch && c == 's' && peek(1) == '/') {
            substitution();
            return;
        }
        if (isDigit(c) || (c == '-' && isDigit(peek(1)))) {
            numberLike();
            return;
        }
        if (c == ':' && peek(1) == ':') {
            ip6Address();
            return;
        }
        if (isNameStart(c)) {
            word();
            return;
        }
        current++;
        switch (c) {
            case '$' -> field();
            case '"' -> doubleQuoted();
            case '\'' -> singleQuoted();
            case '(' -> add(TokenKind.LEFT_PAREN);
            case ')' -> add(TokenKind.RIGHT_PAREN);
            case '{' -> add(TokenKind.LEFT_BRACE);
            case '}' -> add(TokenKind.RIGHT_BRACE);
            case ';' -> add(TokenKind.SEMICOLON);
            case ',' -> add(TokenKind.COMMA);
            case '+' -> add(TokenKind.PLUS);
            case '*' -> add(TokenKind.STAR);
            case '/' -> add(TokenKind.SLASH);
            case '%' -> add(TokenKind.PERCENT);
            case '-' -> add(match('>') ? TokenKind.ARROW : TokenKind.MINUS);
            case '=' -> add(match('=') ? TokenKind.EQUAL : match('~') ? TokenKind.MATCH : TokenKind.ASSIGN);
            case '!' -> {
                if (match('=')) {
                    add(TokenKind.NOT_EQUAL);
                } else if (match('~')) {
                    add(TokenKind.NOT_MATCH);
                } else {
                    error(start, "unexpected character '!': write 'not' for negation, '!=' or '!~'");
                }
            }
            case '<' -> add(match('=') ? TokenKind.LESS_EQUAL : TokenKind.LESS);
            case '>' -> add(match('=') ? TokenKind.GREATER_EQUAL : TokenKind.GREATER);
            case '&', '|', '^' -> error(start, "operator '" + c + "' is reserved and not implemented");
            default -> error(start, "unexpected character '" + printable(c) + "'");
        }
    }

    // ---- literals made of digits: integer, datetime, IPv4, IPv6 ----

    private void numberLike() {
        if (text.charAt(current) != '-') {
            if (tryDatetime() || tryIp6() || tryIp4()) {
                return;
            }
        }
        integer();
    }

    private void integer() {
        boolean negative = text.charAt(current) == '-';
        if (negative) {
            current++;
        }
        int digitsStart = current;
        int radix = 10;
        if (peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X') && isHexDigit(peek(2))) {
            radix = 16;
            current += 2;
            digitsStart = current;
            while (isHexDigit(peek(0))) {
                current++;
            }
        } else {
            while (isDigit(peek(0))) {
                current++;
            }
        }
        String digits = text.substring(digitsStart, current);
        long multiplier = 1;
        char suffix = peek(0);
        if (suffix == 'K' || suffix == 'k') {
            multiplier = 1024L;
            current++;
        } else if (suffix == 'M' || suffix == 'm') {
            multiplier = 1024L * 1024;
            current++;
        } else if (suffix == 'G' || suffix == 'g') {
            multiplier = 1024L * 1024 * 1024;
            current++;
        }
        if (isNamePart(peek(0))) {
            while (isNamePart(peek(0))) {
                current++;
            }
            error(start, "invalid integer literal '" + text.substring(start, current) + "'");
            return;
        }
        long value;
        try {
            value = Long.parseUnsignedLong(digits, radix);
            if (radix == 10 && value < 0 && !(negative && digits.equals("9223372036854775808"))) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException tooLarge) {
            error(start, "integer literal '" + text.substring(start, current) + "' does not fit in 64 bits");
            return;
        }
        value = negative ? -value * multiplier : value * multiplier;
        add(TokenKind.INTEGER, Long.valueOf(value));
    }

    /** {@code YYYY-MM-DD hh:mm:ss}, or the RFC 3339 form {@code YYYY-MM-DDThh:mm:ss[.f][Z|±hh:mm]}. */
    private boolean tryDatetime() {
        int p = current;
        if (!digitsAt(p, 4) || charAt(p + 4) != '-' || !digitsAt(p + 5, 2) || charAt(p + 7) != '-'
                || !digitsAt(p + 8, 2) || (charAt(p + 10) != ' ' && charAt(p + 10) != 'T')
                || !digitsAt(p + 11, 2) || charAt(p + 13) != ':' || !digitsAt(p + 14, 2) || charAt(p + 16) != ':'
                || !digitsAt(p + 17, 2)) {
            return false;
        }
        boolean rfc3339 = charAt(p + 10) == 'T';
        int end = p + 19;
        int nanos = 0;
        ZoneOffset offset = null;
        if (rfc3339) {
            if (charAt(end) == '.' && isDigit(charAt(end + 1))) {
                int fractionStart = ++end;
                while (isDigit(charAt(end)) && end - fractionStart < 6) {
                    end++;
                }
                String fraction = (text.substring(fractionStart, end) + "000000").substring(0, 6);
                nanos = Integer.parseInt(fraction) * 1000;
            }
            if (charAt(end) == 'Z' || charAt(end) == 'z') {
                offset = ZoneOffset.UTC;
                end++;
            } else if ((charAt(end) == '+' || charAt(end) == '-') && digitsAt(end + 1, 2) && charAt(end + 3) == ':'
                    && digitsAt(end + 4, 2)) {
                int sign = charAt(end) == '-' ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(text.substring(end + 1, end + 3)),
                        sign * Integer.parseInt(text.substring(end + 4, end + 6)));
                end += 6;
            }
        }
        if (isNamePart(charAt(end))) {
            return false;
        }
        current = end;
        int year = Integer.parseInt(text.substring(p, p + 4));
        if (year < 1000) {
            error(start, "invalid datetime literal '" + text.substring(start, current) + "': year must be 1000-9999");
            return true;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, Integer.parseInt(text.substring(p + 5, p + 7)),
                    Integer.parseInt(text.substring(p + 8, p + 10)), Integer.parseInt(text.substring(p + 11, p + 13)),
                    Integer.parseInt(text.substring(p + 14, p + 16)), Integer.parseInt(text.substring(p + 17, p + 19)),
                    nanos);
            java.time.Instant instant = offset != null ? OffsetDateTime.of(local, offset).toInstant()
                    : local.atZone(localZone).toInstant();
            add(TokenKind.DATETIME, Datetime.ofInstant(instant));
        } catch (DateTimeException invalid) {
            error(start, "invalid datetime literal '" + text.substring(start, current) + "': " + invalid.getMessage());
        }
        return true;
    }

    private boolean tryIp4() {
        int end = current;
        while (isDigit(charAt(end)) || charAt(end) == '.') {
            end++;
        }
        String candidate = text.substring(current, end);
        if (isNamePart(charAt(end)) || candidate.indexOf('.') < 0) {
            return false;
        }
        byte[] bytes = IpText.parseIp4(candidate);
        if (bytes == null) {
            current = end;
            error(start, "invalid IPv4 address literal '" + candidate + "'");
            return true;
        }
        current = end;
        add(TokenKind.IP4ADDR, IpAddress.ofBytes(bytes));
        return true;
    }

    /** An IPv6 literal: hex groups with at least two colons, possibly a trailing dotted quad. */
    private boolean tryIp6() {
        int end = current;
        int colons = 0;
        while (isHexDigit(charAt(end)) || charAt(end) == ':' || charAt(end) == '.') {
            if (charAt(end) == ':') {
                colons++;
            }
            end++;
        }
        if (colons < 2 || isNamePart(charAt(end))) {
            return false;
        }
        String candidate = text.substring(current, end);
        current = end;
        byte[] bytes = IpText.parseIp6(candidate);
        if (bytes == null) {
            error(start, "invalid IPv6 address literal '" + candidate + "'");
        } else {
            add(TokenKind.IP6ADDR, IpAddress.ofBytes(bytes));
        }
        return true;
    }

    private void ip6Address() {
        if (!tryIp6()) {
            current += 2;
            error(start, "unexpected '::'");
        }
    }

    // ---- words: keywords, names, and IPv6 literals that begin with a letter ----

    private void word() {
        if (isHexDigit(text.charAt(current)) && tryIp6()) {
            return;
        }
        while (isNamePart(peek(0))) {
            current++;
        }
        String word = text.substring(start, current);
        // A word before '->' is an instance name even when it spells a keyword: '<Input in>' is common.
        TokenKind keyword = peek(0) == '-' && peek(1) == '>' ? null : KEYWORDS.get(word.toLowerCase(Locale.ROOT));
        if (keyword == TokenKind.TRUE) {
            add(keyword, Boolean.TRUE);
        } else if (keyword == TokenKind.FALSE) {
            add(keyword, Boolean.FALSE);
        } else if (keyword != null) {
            add(keyword);
        } else {
            add(TokenKind.IDENTIFIER, word);
        }
    }

    // ---- fields and captures ----

    private void field() {
        if (peek(0) == '{') {
            int nameStart = ++current;
            while (current < text.length() && text.charAt(current) != '}' && text.charAt(current) != '\n') {
                current++;
            }
            if (peek(0) != '}') {
                error(start, "unterminated field name: '${' needs a closing '}'");
                return;
            }
            String name = text.substring(nameStart, current);
            current++;
            if (name.isEmpty()) {
                error(start, "empty field name '${}'");
                return;
            }
            add(TokenKind.FIELD, name);
            return;
        }
        if (isDigit(peek(0))) {
            while (isDigit(peek(0))) {
                current++;
            }
            int group = Integer.parseInt(text.substring(start + 1, Math.min(current, start + 10)));
            if (current - start > 3 || group > 99) {
                error(start, "capture '" + text.substring(start, current) + "' out of range: captures are $0 to $99");
                return;
            }
            add(TokenKind.CAPTURE, Integer.valueOf(group));
            return;
        }
        if (!isNameStart(peek(0))) {
            error(start, "'$' must be followed by a field name, a capture number or '{name}'");
            return;
        }
        while (isNamePart(peek(0))) {
            current++;
        }
        add(TokenKind.FIELD, text.substring(start + 1, current));
    }

    // ---- strings ----

    private void doubleQuoted() {
        StringBuilder value = new StringBuilder();
        while (current < text.length() && text.charAt(current) != '"') {
            char c = text.charAt(current++);
            if (c != '\\' || current >= text.length()) {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(current);
            switch (escaped) {
                case '\\' -> value.append('\\');
                case '"' -> value.append('"');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'x' -> {
                    if (isHexDigit(peek(1)) && isHexDigit(peek(2))) {
                        value.append((char) Integer.parseInt(text.substring(current + 1, current + 3), 16));
                        current += 2;
                    } else {
                        value.append("\\x");
                    }
                }
                default -> value.append('\\').append(escaped);
            }
            current++;
        }
        if (current >= text.length()) {
            error(start, "unterminated string: missing closing '\"'");
            return;
        }
        current++;
        addString(value.toString());
    }

    private void singleQuoted() {
        int end = text.indexOf('\'', current);
        if (end < 0) {
            current = text.length();
            error(start, "unterminated string: missing closing \"'\"");
            return;
        }
        String value = text.substring(current, end);
        current = end + 1;
        addString(value);
    }

    private void addString(String value) {
        if (value.length() > MAX_STRING_LENGTH) {
            error(start, "string literal longer than 1 MiB");
            return;
        }
        add(TokenKind.STRING, value);
    }

    // ---- regular expressions ----

    private void regexp() {
        current++;
        String pattern = regexpPart("regular expression");
        if (pattern == null) {
            return;
        }
        String flags = flags("ims");
        if (flags != null) {
            add(TokenKind.REGEXP, new RegexpLiteral(pattern, flags));
        }
    }

    private void substitution() {
        current += 2;
        String pattern = regexpPart("substitution");
        if (pattern == null) {
            return;
        }
        String replacement = regexpPart("substitution");
        if (replacement == null) {
            return;
        }
        String flags = flags("imsg");
        if (flags != null) {
            add(TokenKind.SUBSTITUTION, new SubstitutionLiteral(pattern, replacement, flags));
        }
    }

    /** Reads up to the next unescaped {@code /} and consumes it; {@code \/} becomes {@code /}. */
    private String regexpPart(String what) {
        StringBuilder part = new StringBuilder();
        while (current < text.length()) {
            char c = text.charAt(current);
            if (c == '/') {
                current++;
                return part.toString();
            }
            if (c == '\\' && peek(1) == '/') {
                part.append('/');
                current += 2;
                continue;
            }
            if (c == '\\' && current + 1 < text.length()) {
                part.append(c).append(text.charAt(current + 1));
                current += 2;
                continue;
            }
            part.append(c);
            current++;
        }
        error(start, "unterminated " + what + ": missing closing '/'");
        return null;
    }

    private String flags(String allowed) {
        int flagsStart = current;
        while (isNamePart(peek(0))) {
            char flag = text.charAt(current);
            if (allowed.indexOf(flag) < 0) {
                error(current, "invalid regular expression flag '" + flag + "' (allowed: "
                        + String.join(", ", allowed.split("")) + ")");
                while (isNamePart(peek(0))) {
                    current++;
                }
                return null;
            }
            current++;
        }
        return text.substring(flagsStart, current);
    }

    // ---- helpers ----

    private TokenKind last() {
        return tokens.get(tokens.size() - 1).kind();
    }

    private boolean match(char expected) {
        if (current < text.length() && text.charAt(current) == expected) {
            current++;
            return true;
        }
        return false;
    }

    private char peek(int ahead) {
        return charAt(current + ahead);
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private boolean digitsAt(int index, int count) {
        for (int i = 0; i < count; i++) {
            if (!isDigit(charAt(index + i))) {
                return false;
            }
        }
        return true;
    }

    private void add(TokenKind kind) {
        add(kind, null);
    }

    private void add(TokenKind kind, Object value) {
        tokens.add(new Token(kind, text.substring(start, current), value, start, current));
    }

    private void error(int offset, String message) {
        diagnostics.error(source, offset, message);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c) || c == '.';
    }

    private static String printable(char c) {
        return c < ' ' ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
