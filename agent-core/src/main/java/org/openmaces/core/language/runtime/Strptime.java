package org.openmaces.core.language.runtime;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.openmaces.core.record.Datetime;

/**
 * C {@code strptime} in the C locale for {@code strptime()}: the text must match the format from its
 * start (trailing text is ignored, as C does); fields the format lacks default to 1970-01-01 00:00:00.
 * Without {@code %z} or {@code %s} the time is in {@code zone}.
 */
public final class Strptime {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    private static final String[] DAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday"};

    private final String text;
    private int position;
    private int year = 1970;
    private int month = 1;
    private int day = 1;
    private int hour;
    private int minute;
    private int second;
    private boolean pm;
    private boolean twelveHour;
    private ZoneOffset offset;
    private Long epochSeconds;

    private Strptime(String text) {
        this.text = text;
    }

    /** The parsed time, or null when {@code text} does not match {@code format}. */
    public static Datetime parse(String text, String format, ZoneId zone) {
        Strptime parser = new Strptime(text);
        if (!parser.run(format)) {
            return null;
        }
        return parser.result(zone);
    }

    private boolean run(String format) {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (Character.isWhitespace(c)) {
                skipBlanks();
                continue;
            }
            if (c != '%' || i + 1 >= format.length()) {
                if (position >= text.length() || text.charAt(position) != c) {
                    return false;
                }
                position++;
                continue;
            }
            char specifier = format.charAt(++i);
            if ((specifier == 'E' || specifier == 'O') && i + 1 < format.length()) {
                specifier = format.charAt(++i);
            }
            if (!field(specifier)) {
                return false;
            }
        }
        return true;
    }

    private boolean field(char specifier) {
        switch (specifier) {
            case 'Y' -> {
                Integer value = number(4, true);
                if (value == null) {
                    return false;
                }
                year = value;
            }
            case 'y' -> {
                Integer value = number(2, false);
                if (value == null) {
                    return false;
                }
                year = value < 69 ? 2000 + value : 1900 + value;
            }
            case 'C' -> {
                Integer value = number(2, false);
                if (value == null) {
                    return false;
                }
                year = value * 100 + year % 100;
            }
            case 'm' -> {
                Integer value = number(2, false);
                if (value == null || value < 1 || value > 12) {
                    return false;
                }
                month = value;
            }
            case 'd', 'e' -> {
                skipBlanks();
                Integer value = number(2, false);
                if (value == null || value < 1 || value > 31) {
                    return false;
                }
                day = value;
            }
            case 'H', 'k' -> {
                skipBlanks();
                Integer value = number(2, false);
                if (value == null || value > 23) {
                    return false;
                }
                hour = value;
            }
            case 'I', 'l' -> {
                skipBlanks();
                Integer value = number(2, false);
                if (value == null || value < 1 || value > 12) {
                    return false;
                }
                hour = value;
                twelveHour = true;
            }
            case 'M' -> {
                Integer value = number(2, false);
                if (value == null || value > 59) {
                    return false;
                }
                minute = value;
            }
            case 'S' -> {
                Integer value = number(2, false);
                if (value == null || value > 61) {
                    return false;
                }
                second = Math.min(value, 59);
            }
            case 'j' -> {
                Integer value = number(3, false);
                if (value == null || value < 1 || value > 366) {
                    return false;
                }
                LocalDateTime date = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(value - 1);
                month = date.getMonthValue();
                day = date.getDayOfMonth();
            }
            case 'b', 'B', 'h' -> {
                int index = name(MONTHS);
                if (index < 0) {
                    return false;
                }
                month = index + 1;
            }
            case 'a', 'A' -> {
                if (name(DAYS) < 0) {
                    return false;
                }
            }
            case 'p', 'P' -> {
                String rest = text.substring(position).toLowerCase(Locale.ROOT);
                if (rest.startsWith("am")) {
                    pm = false;
                } else if (rest.startsWith("pm")) {
                    pm = true;
                } else {
                    return false;
                }
                position += 2;
            }
            case 'z' -> {
                return zone();
            }
            case 'Z' -> {
                while (position < text.length() && Character.isLetter(text.charAt(position))) {
                    position++;
                }
            }
            case 's' -> {
                int start = position;
                if (position < text.length() && text.charAt(position) == '-') {
                    position++;
                }
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
                if (position == start) {
                    return false;
                }
                epochSeconds = Long.parseLong(text.substring(start, position));
            }
            case 'T' -> {
                return run("%H:%M:%S");
            }
            case 'D' -> {
                return run("%m/%d/%y");
            }
            case 'F' -> {
                return run("%Y-%m-%d");
            }
            case 'R' -> {
                return run("%H:%M");
            }
            case 'n', 't' -> skipBlanks();
            case '%' -> {
                if (position >= text.length() || text.charAt(position) != '%') {
                    return false;
                }
                position++;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean zone() {
        if (position < text.length() && (text.charAt(position) == 'Z' || text.charAt(position) == 'z')) {
            position++;
            offset = ZoneOffset.UTC;
            return true;
        }
        if (position >= text.length() || (text.charAt(position) != '+' && text.charAt(position) != '-')) {
            return false;
        }
        int sign = text.charAt(position++) == '-' ? -1 : 1;
        Integer hours = number(2, false);
        if (hours == null) {
            return false;
        }
        if (position < text.length() && text.charAt(position) == ':') {
            position++;
        }
        Integer minutes = number(2, false);
        if (minutes == null) {
            return false;
        }
        try {
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException invalid) {
            return false;
        }
        return true;
    }

    private Datetime result(ZoneId zone) {
        if (epochSeconds != null) {
            return Datetime.ofMicroseconds(epochSeconds * 1_000_000L);
        }
        if (twelveHour) {
            hour = hour % 12 + (pm ? 12 : 0);
        } else if (pm && hour < 12) {
            hour += 12;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
            return Datetime.ofInstant(offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant());
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private int name(String[] names) {
        String rest = text.substring(position).toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (rest.startsWith(names[i])) {
                position += names[i].length();
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (rest.startsWith(names[i].substring(0, 3))) {
                position += 3;
                return i;
            }
        }
        return -1;
    }

    private Integer number(int maxDigits, boolean signed) {
        int start = position;
        if (signed && position < text.length() && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
            position++;
        }
        int digitsStart = position;
        while (position < text.length() && position - digitsStart < maxDigits
                && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position == digitsStart) {
            position = start;
            return null;
        }
        return Integer.parseInt(text.substring(start, position));
    }

    private void skipBlanks() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
