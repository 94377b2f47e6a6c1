package org.openmaces.core.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place where directive text becomes typed values (config spec §1.2): integers with K/M/G
 * suffixes, NXLog booleans, seconds, octal permissions, comma lists, quotes and inline comments. Every
 * parse failure throws {@link IllegalArgumentException} with a message that says what form was expected;
 * callers add the directive name and location.
 */
public final class ValueConversion {
    private ValueConversion() {
    }

    /** Removes one matching pair of surrounding {@code "} or {@code '}; other text is returned as is. */
    public static String unquote(String text) {
        if (text.length() >= 2) {
            char first = text.charAt(0);
            char last = text.charAt(text.length() - 1);
            if ((first == '"' || first == '\'') && first == last) {
                return text.substring(1, text.length() - 1);
            }
        }
        return text;
    }

    /**
     * Removes an inline comment: a {@code #} preceded by whitespace and outside quotes starts one (the
     * newer agent's rule). {@code #} inside a word ({@code a#b}) or inside quotes is kept.
     */
    public static String stripInlineComment(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                return text.substring(0, i).trim();
            }
        }
        return text;
    }

    /** {@code -?[0-9]+} or {@code -?0x[0-9a-f]+}, with an optional K, M or G suffix (×1024, ×1024², ×1024³). */
    public static long parseInteger(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("expected an integer, found nothing");
        }
        long multiplier = 1;
        char suffix = Character.toUpperCase(value.charAt(value.length() - 1));
        boolean hex = value.startsWith("0x") || value.startsWith("0X") || value.startsWith("-0x") || value.startsWith("-0X");
        if (suffix == 'K' || suffix == 'M' || suffix == 'G') {
            multiplier = suffix == 'K' ? 1024L : suffix == 'M' ? 1024L * 1024 : 1024L * 1024 * 1024;
            value = value.substring(0, value.length() - 1);
        }
        try {
            boolean negative = value.startsWith("-");
            String digits = negative ? value.substring(1) : value;
            long number;
            if (hex) {
                number = Long.parseUnsignedLong(digits.substring(2), 16);
            } else {
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                    throw new NumberFormatException();
                }
                number = Long.parseLong(digits);
            }
            return Math.multiplyExact(negative ? -number : number, multiplier);
        } catch (NumberFormatException | ArithmeticException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("expected an integer such as 100, 0x1F or 64K, found '" + text + "'");
        }
    }

    /** TRUE/YES/1 or FALSE/NO/0, any case. */
    public static boolean parseBoolean(String text) {
        switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "TRUE", "YES", "1":
                return true;
            case "FALSE", "NO", "0":
                return false;
            default:
                throw new IllegalArgumentException("Invalid boolean value '" + text
                        + "': use TRUE or FALSE (YES/NO and 1/0 also work)");
        }
    }

    /** Non-negative seconds, possibly fractional ({@code 0.5}), as nanoseconds. */
    public static long parseSecondsAsNanos(String text) {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            if (seconds.signum() < 0) {
                throw new NumberFormatException();
            }
            return seconds.movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("expected a number of seconds such as 1 or 0.5, found '" + text + "'");
        }
    }

    /** Octal permissions such as {@code 0640} or {@code 640}. */
    public static int parseOctal(String text) {
        String value = text.trim();
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '7')) {
            throw new IllegalArgumentException("expected octal permissions such as 0640, found '" + text + "'");
        }
        return Integer.parseInt(value, 8);
    }

    /** Comma-separated items, each trimmed and unquoted; blank items are an error. */
    public static List<String> parseList(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String trimmed = unquote(item.trim());
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty item in the list '" + text
                        + "': separate items with single commas");
            }
            items.add(trimmed);
        }
        return items;
    }

    /** The allowed value {@code text} names, case-insensitively, in its canonical spelling. */
    public static String parseEnumeration(String text, List<String> allowed) {
        String value = unquote(text.trim());
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", allowed));
    }
}
