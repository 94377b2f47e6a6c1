package org.openmaces.maces.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of {@code $raw_event}: the event's fields as {@code Name=value} pairs, in the order the
 * fields were set, separated by one space. A value is written bare when it is not empty and has
 * no space, control character, {@code "}, {@code =} or {@code \}; otherwise it is quoted, with
 * {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \\u00XX} (other control
 * characters) escapes. Integers are decimal, booleans {@code TRUE}/{@code FALSE}, datetimes
 * RFC 3339 in UTC with microseconds ({@code 2025-08-07T15:13:09.811587Z}). {@link #parse} reads
 * it back.
 */
public final class RawEventFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RawEventFormat() {
    }

    /** Appends {@code value} bare or quoted. Hot path: whole runs are appended, never char by char. */
    public static void appendValue(StringBuilder text, String value) {
        int length = value.length();
        boolean quote = length == 0;
        boolean escape = false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
                quote = true;
                if (c != ' ' && c != '=') {
                    escape = true;
                    break;
                }
            }
        }
        if (!quote) {
            text.append(value);
            return;
        }
        text.append('"');
        if (!escape) {
            text.append(value).append('"');
            return;
        }
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String replacement;
            switch (c) {
                case '"': replacement = "\\\""; break;
                case '\\': replacement = "\\\\"; break;
                case '\n': replacement = "\\n"; break;
                case '\r': replacement = "\\r"; break;
                case '\t': replacement = "\\t"; break;
                default:
                    replacement = c < 0x20 || c == 0x7f ? "\\u00" + HEX[c >> 4] + HEX[c & 0xf] : null;
            }
            if (replacement != null) {
                text.append(value, run, i).append(replacement);
                run = i + 1;
            }
        }
        text.append(value, run, length).append('"');
    }

    /**
     * Reads a {@code $raw_event} back into names and values (as text).
     *
     * @throws IllegalArgumentException naming the offset where the text breaks the format
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        int length = text.length();
        while (at < length) {
            int equals = text.indexOf('=', at);
            if (equals <= at) {
                throw new IllegalArgumentException("no name=value at offset " + at);
            }
            String name = text.substring(at, equals);
            at = equals + 1;
            StringBuilder value = new StringBuilder();
            if (at < length && text.charAt(at) == '"') {
                at++;
                while (true) {
                    if (at >= length) {
                        throw new IllegalArgumentException("unterminated quoted value of " + name);
                    }
                    char c = text.charAt(at++);
                    if (c == '"') {
                        break;
                    }
                    if (c != '\\') {
                        value.append(c);
                        continue;
                    }
                    char escape = text.charAt(at++);
                    switch (escape) {
                        case 'n': value.append('\n'); break;
                        case 'r': value.append('\r'); break;
                        case 't': value.append('\t'); break;
                        case 'u':
                            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                            break;
                        default: value.append(escape);
                    }
                }
            } else {
                int end = text.indexOf(' ', at);
                end = end < 0 ? length : end;
                value.append(text, at, end);
                at = end;
            }
            fields.put(name, value.toString());
            if (at < length) {
                if (text.charAt(at) != ' ') {
                    throw new IllegalArgumentException("expected a space at offset " + at);
                }
                at++;
            }
        }
        return fields;
    }
}
