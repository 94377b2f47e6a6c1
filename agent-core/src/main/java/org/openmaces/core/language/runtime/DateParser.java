package org.openmaces.core.language.runtime;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmaces.core.record.Datetime;

/**
 * {@code parsedate()}: recognises the timestamp formats of language spec §8, tried in the spec's order,
 * at the start of the text (text after the timestamp is ignored). Returns null when none matches.
 */
public final class DateParser {
    private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    /** BSD syslog {@code Mmm dd hh:mm:ss} and the Cisco forms with a year or a fraction. */
    private static final Pattern BSD = Pattern.compile(
            MONTH + " {1,2}(\\d{1,2})(?: (\\d{4}))? (\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?",
            Pattern.CASE_INSENSITIVE);
    /** RFC 1123 {@code Sun, 06 Nov 1994 08:49:37 GMT} and RFC 850 {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
    private static final Pattern RFC_1123 = Pattern.compile(
            "[A-Za-z]{3,9}, (\\d{1,2})[ -]" + MONTH + "[ -](\\d{4}|\\d{2}) (\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "(?: ?([A-Za-z]{1,5}|[+-]\\d{4}))?", Pattern.CASE_INSENSITIVE);
    /** asctime {@code Sun Nov  6 08:49:37 1994}. */
    private static final Pattern ASCTIME = Pattern.compile(
            "[A-Za-z]{3} " + MONTH + " {1,2}(\\d{1,2}) (\\d{1,2}):(\\d{2})(?::(\\d{2}))? (\\d{4}|\\d{2})",
            Pattern.CASE_INSENSITIVE);
    /** ISO 8601 / RFC 3339, unpadded parts allowed. */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,6})\\d*)?"
                    + "(Z|[+-]\\d{2}:?\\d{2})?", Pattern.CASE_INSENSITIVE);
    /** Apache {@code 24/Aug/2009:16:08:57 +0200}. */
    private static final Pattern APACHE = Pattern.compile(
            "(\\d{1,2})/" + MONTH + "/(\\d{4}):(\\d{2}):(\\d{2}):(\\d{2})(?: ([+-]\\d{4}))?",
            Pattern.CASE_INSENSITIVE);
    /** Windows WMI {@code 20100426151354.537875-000} (offset in minutes). */
    private static final Pattern WMI = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})\\.(\\d{6})([+-]\\d{3})");

    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(Map.entry("GMT", 0), Map.entry("UTC", 0),
            Map.entry("UT", 0), Map.entry("Z", 0), Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6),
            Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8),
            Map.entry("PDT", -7));

    private DateParser() {
    }

    /**
     * @param text        the text to parse
     * @param zone        the zone of timestamps without one
     * @param currentYear the year given to BSD timestamps, which have none
     */
    public static Datetime parse(String text, ZoneId zone, int currentYear) {
        String trimmed = text.stripLeading();
        Matcher matcher = BSD.matcher(trimmed);
        if (matcher.lookingAt()) {
            int year = matcher.group(3) != null ? Integer.parseInt(matcher.group(3)) : currentYear;
            return build(year, month(matcher.group(1)), integer(matcher, 2), integer(matcher, 4), integer(matcher, 5),
                    integer(matcher, 6), micros(matcher.group(7)), null, zone);
        }
        matcher = RFC_1123.matcher(trimmed);
        if (matcher.lookingAt()) {
            return build(fullYear(matcher.group(3)), month(matcher.group(2)), integer(matcher, 1), integer(matcher, 4),
                    integer(matcher, 5), matcher.group(6) == null ? 0 : integer(matcher, 6), 0,
                    zoneOffset(matcher.group(7)), zone);
        }
        matcher = ASCTIME.matcher(trimmed);
        if (matcher.lookingAt()) {
            return build(fullYear(matcher.group(6)), month(matcher.group(1)), integer(matcher, 2), integer(matcher, 3),
                    integer(matcher, 4), matcher.group(5) == null ? 0 : integer(matcher, 5), 0, null, zone);
        }
        matcher = ISO.matcher(trimmed);
        if (matcher.lookingAt()) {
            return build(integer(matcher, 1), integer(matcher, 2), integer(matcher, 3), integer(matcher, 4),
                    integer(matcher, 5), integer(matcher, 6), micros(matcher.group(7)), zoneOffset(matcher.group(8)),
                    zone);
        }
        matcher = APACHE.matcher(trimmed);
        if (matcher.lookingAt()) {
            return build(integer(matcher, 3), month(matcher.group(2)), integer(matcher, 1), integer(matcher, 4),
                    integer(matcher, 5), integer(matcher, 6), 0, zoneOffset(matcher.group(7)), zone);
        }
        matcher = WMI.matcher(trimmed);
        if (matcher.lookingAt()) {
            int minutes = Integer.parseInt(matcher.group(8).substring(1));
            int sign = matcher.group(8).charAt(0) == '-' ? -1 : 1;
            return build(integer(matcher, 1), integer(matcher, 2), integer(matcher, 3), integer(matcher, 4),
                    integer(matcher, 5), integer(matcher, 6), micros(matcher.group(7)),
                    ZoneOffset.ofTotalSeconds(sign * minutes * 60), zone);
        }
        return null;
    }

    private static Datetime build(int year, int month, int day, int hour, int minute, int second, int micros,
                                  ZoneOffset offset, ZoneId zone) {
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59),
                    micros * 1000);
            return Datetime.ofInstant(offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant());
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static int integer(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    private static int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(lower) / 3 + 1;
    }

    private static int fullYear(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() == 2) {
            year += year < 70 ? 2000 : 1900;
        }
        return year;
    }

    private static int micros(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000").substring(0, 6));
    }

    private static ZoneOffset zoneOffset(String zone) {
        if (zone == null || zone.isEmpty()) {
            return null;
        }
        char first = zone.charAt(0);
        if (first == '+' || first == '-') {
            String digits = zone.substring(1).replace(":", "");
            int sign = first == '-' ? -1 : 1;
            try {
                return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(digits.substring(0, 2)),
                        sign * Integer.parseInt(digits.substring(2, 4)));
            } catch (DateTimeException | StringIndexOutOfBoundsException invalid) {
                return null;
            }
        }
        Integer hours = ZONE_HOURS.get(zone.toUpperCase(Locale.ROOT));
        return hours == null ? null : ZoneOffset.ofHours(hours);
    }
}
