package org.openmaces.core.language;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.openmaces.core.language.runtime.DateFormatter;
import org.openmaces.core.language.runtime.DateParser;
import org.openmaces.core.language.runtime.Strftime;
import org.openmaces.core.language.runtime.Strptime;
import org.openmaces.core.record.Binary;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.IpAddress;

/**
 * The language's conversions between values and text (language spec §4, config spec §3 DateFormat,
 * GenerateDateInUTC, ParseDateInUTC), for the language itself and for modules that must render values
 * exactly as {@code string()} does (xm_json, xm_syslog, om_file, ...).
 *
 * <pre>{@code
 * Conversions conversions = Conversions.of(context.languageSettings());  // once, at instance creation
 * String text = conversions.string(record.get(CoreFields.EVENT_TIME));   // "2024-01-02 03:04:05"
 * String iso = conversions.formatDatetime(time, "YYYY-MM-DDThh:mm:ss.sTZ"); // xm_json's own DateFormat
 * }</pre>
 *
 * Immutable and thread-safe; create one per settings and keep it.
 */
public final class Conversions {
    private final LanguageSettings settings;
    private final ZoneId outputZone;
    private final ZoneId parseZone;
    private final DateFormatter formatter;

    private Conversions(LanguageSettings settings) {
        this.settings = settings;
        this.outputZone = settings.generateDateInUtc() ? ZoneOffset.UTC : settings.localZone();
        this.parseZone = settings.parseDateInUtc() ? ZoneOffset.UTC : settings.localZone();
        this.formatter = DateFormatter.of(settings.dateFormat(), outputZone);
    }

    public static Conversions of(LanguageSettings settings) {
        return new Conversions(settings);
    }

    public LanguageSettings settings() {
        return settings;
    }

    /** The zone datetimes are rendered and broken down in: UTC with GenerateDateInUTC, else local. */
    public ZoneId outputZone() {
        return outputZone;
    }

    /** The zone of parsed timestamps that carry none: UTC with ParseDateInUTC, else local. */
    public ZoneId parseZone() {
        return parseZone;
    }

    /**
     * {@code string(value)}: integers in decimal, booleans {@code TRUE}/{@code FALSE}, datetimes per
     * DateFormat, addresses in their standard text, binary in lower-case hex, a regexp as its pattern;
     * null (undef) stays null.
     */
    public String string(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Long number) {
            return number.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "TRUE" : "FALSE";
        }
        if (value instanceof Datetime datetime) {
            return formatter.format(datetime);
        }
        if (value instanceof IpAddress || value instanceof Binary) {
            return value.toString();
        }
        if (value instanceof Pattern pattern) {
            return pattern.pattern();
        }
        throw new IllegalArgumentException("not a language value: " + value.getClass().getName());
    }

    /** As {@link #string} but undef gives the empty string: how {@code +} and {@code log_info()} convert. */
    public String text(Object value) {
        return value == null ? "" : string(value);
    }

    /** A datetime per the global DateFormat (default {@code YYYY-MM-DD hh:mm:ss}) in {@link #outputZone}. */
    public String formatDatetime(Datetime datetime) {
        return formatter.format(datetime);
    }

    /**
     * A datetime per another DateFormat value (a module's own {@code DateFormat} directive): the keyword
     * forms ({@code YYYY-MM-DDThh:mm:ss.sTZ}, {@code ...UTC}) or a strftime format. For repeated use,
     * prefer {@link #formatter(String)}.
     */
    public String formatDatetime(Datetime datetime, String dateFormat) {
        return formatter(dateFormat).format(datetime);
    }

    /** A reusable formatter for a DateFormat value, in {@link #outputZone}. */
    public DateFormatter formatter(String dateFormat) {
        return DateFormatter.of(dateFormat, outputZone);
    }

    /** C strftime of {@code datetime} in {@link #outputZone} (or UTC when {@code utc}). */
    public String strftime(Datetime datetime, String format, boolean utc) {
        return Strftime.format(datetime, format, utc ? ZoneOffset.UTC : outputZone);
    }

    /** C strptime in {@link #parseZone}; null when the text does not match. */
    public Datetime strptime(String text, String format) {
        return Strptime.parse(text, format, parseZone);
    }

    /**
     * {@code parsedate(text)}: the first of the spec's timestamp formats that matches the start of the
     * text (BSD syslog, RFC 1123/850, asctime, RFC 3339, Apache, Cisco, WMI); null when none does.
     *
     * @param utc   parse zone-less timestamps as UTC (else {@link #parseZone})
     * @param clock gives the current year for BSD timestamps, which have none
     */
    public Datetime parseDate(String text, boolean utc, Clock clock) {
        ZoneId zone = utc ? ZoneOffset.UTC : parseZone;
        return DateParser.parse(text, zone, clock.instant().atZone(zone).getYear());
    }

    /**
     * {@code integer(text)}: a whole integer literal (decimal or {@code 0x} hex, optional leading
     * {@code -}, optional K/M/G suffix, surrounding blanks allowed); null for anything else.
     */
    public static Long parseInteger(String text) {
        String trimmed = text.strip();
        int index = 0;
        boolean negative = false;
        if (trimmed.startsWith("-")) {
            negative = true;
            index = 1;
        } else if (trimmed.startsWith("+")) {
            index = 1;
        }
        int radix = 10;
        if (trimmed.regionMatches(true, index, "0x", 0, 2) && trimmed.length() > index + 2) {
            radix = 16;
            index += 2;
        }
        long multiplier = 1;
        int end = trimmed.length();
        if (end > index) {
            // K, M and G are not hex digits, so the suffix is never ambiguous.
            char suffix = Character.toUpperCase(trimmed.charAt(end - 1));
            if (suffix == 'K') {
                multiplier = 1024L;
            } else if (suffix == 'M') {
                multiplier = 1024L * 1024;
            } else if (suffix == 'G') {
                multiplier = 1024L * 1024 * 1024;
            }
            if (multiplier != 1) {
                end--;
            }
        }
        if (end <= index) {
            return null;
        }
        try {
            String digits = trimmed.substring(index, end);
            if (digits.startsWith("-") || digits.startsWith("+")) {
                return null;
            }
            long value = Long.parseLong(digits, radix);
            return negative ? -value * multiplier : value * multiplier;
        } catch (NumberFormatException invalid) {
            return null;
        }
    }

    /** The language type name of a value ({@code integer}, {@code string}, ...); null for undef. */
    public static String typeName(Object value) {
        return value == null ? null : org.openmaces.core.record.ValueType.of(value).languageName();
    }
}
