package org.openmaces.core.language.runtime;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.openmaces.core.record.Datetime;

/** C {@code strftime} in the C locale, for {@code strftime()} and strftime-style DateFormat values. */
public final class Strftime {
    private Strftime() {
    }

    public static String format(Datetime datetime, String format, ZoneId zone) {
        ZonedDateTime time = datetime.toInstant().atZone(zone);
        StringBuilder out = new StringBuilder(format.length() + 16);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char specifier = format.charAt(++i);
            if ((specifier == 'E' || specifier == 'O') && i + 1 < format.length()) {
                specifier = format.charAt(++i);
            }
            appendField(time, specifier, out);
        }
        return out.toString();
    }

    private static void appendField(ZonedDateTime time, char specifier, StringBuilder out) {
        switch (specifier) {
            case 'a' -> out.append(time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT));
            case 'A' -> out.append(time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT));
            case 'b', 'h' -> out.append(time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT));
            case 'B' -> out.append(time.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT));
            case 'c' -> {
                appendField(time, 'a', out);
                out.append(' ');
                appendField(time, 'b', out);
                out.append(' ');
                appendField(time, 'e', out);
                out.append(' ');
                appendField(time, 'T', out);
                out.append(' ');
                appendField(time, 'Y', out);
            }
            case 'C' -> pad(out, time.getYear() / 100, 2, '0');
            case 'd' -> pad(out, time.getDayOfMonth(), 2, '0');
            case 'D' -> {
                appendField(time, 'm', out);
                out.append('/');
                appendField(time, 'd', out);
                out.append('/');
                appendField(time, 'y', out);
            }
            case 'e' -> pad(out, time.getDayOfMonth(), 2, ' ');
            case 'F' -> {
                appendField(time, 'Y', out);
                out.append('-');
                appendField(time, 'm', out);
                out.append('-');
                appendField(time, 'd', out);
            }
            case 'G' -> out.append(time.get(IsoFields.WEEK_BASED_YEAR));
            case 'g' -> pad(out, time.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, '0');
            case 'H' -> pad(out, time.getHour(), 2, '0');
            case 'I' -> pad(out, twelveHour(time), 2, '0');
            case 'j' -> pad(out, time.getDayOfYear(), 3, '0');
            case 'k' -> pad(out, time.getHour(), 2, ' ');
            case 'l' -> pad(out, twelveHour(time), 2, ' ');
            case 'm' -> pad(out, time.getMonthValue(), 2, '0');
            case 'M' -> pad(out, time.getMinute(), 2, '0');
            case 'n' -> out.append('\n');
            case 'p' -> out.append(time.getHour() < 12 ? "AM" : "PM");
            case 'P' -> out.append(time.getHour() < 12 ? "am" : "pm");
            case 'r' -> {
                appendField(time, 'I', out);
                out.append(':');
                appendField(time, 'M', out);
                out.append(':');
                appendField(time, 'S', out);
                out.append(' ');
                appendField(time, 'p', out);
            }
            case 'R' -> {
                appendField(time, 'H', out);
                out.append(':');
                appendField(time, 'M', out);
            }
            case 's' -> out.append(time.toEpochSecond());
            case 'S' -> pad(out, time.getSecond(), 2, '0');
            case 't' -> out.append('\t');
            case 'T', 'X' -> {
                appendField(time, 'H', out);
                out.append(':');
                appendField(time, 'M', out);
                out.append(':');
                appendField(time, 'S', out);
            }
            case 'u' -> out.append(time.getDayOfWeek().getValue());
            case 'U' -> pad(out, (time.getDayOfYear() + 6 - time.getDayOfWeek().getValue() % 7) / 7, 2, '0');
            case 'V' -> pad(out, time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0');
            case 'w' -> out.append(time.getDayOfWeek().getValue() % 7);
            case 'W' -> pad(out, (time.getDayOfYear() + 6 - (time.getDayOfWeek().getValue() + 6) % 7) / 7, 2, '0');
            case 'x' -> appendField(time, 'D', out);
            case 'y' -> pad(out, Math.floorMod(time.getYear(), 100), 2, '0');
            case 'Y' -> out.append(time.getYear());
            case 'z' -> {
                int seconds = time.getOffset().getTotalSeconds();
                out.append(seconds < 0 ? '-' : '+');
                seconds = Math.abs(seconds);
                pad(out, seconds / 3600, 2, '0');
                pad(out, seconds / 60 % 60, 2, '0');
            }
            case 'Z' -> out.append(time.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT)
                    .replace("Coordinated Universal Time", "UTC"));
            case 'f' -> pad(out, time.get(ChronoField.MICRO_OF_SECOND), 6, '0');
            case '%' -> out.append('%');
            default -> out.append('%').append(specifier);
        }
    }

    private static int twelveHour(ZonedDateTime time) {
        int hour = time.getHour() % 12;
        return hour == 0 ? 12 : hour;
    }

    static void pad(StringBuilder out, long value, int width, char padding) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append(padding);
        }
        out.append(digits);
    }
}
