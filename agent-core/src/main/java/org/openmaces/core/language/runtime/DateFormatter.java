package org.openmaces.core.language.runtime;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.record.Datetime;

/**
 * Formats datetimes as a DateFormat value says (config spec §3): the keyword forms built from
 * {@code YYYY MM DD hh mm ss}, {@code .s} (microseconds), {@code TZ} ({@code +01:00}) and {@code UTC}
 * (render in UTC with {@code Z}), e.g. {@code YYYY-MM-DD hh:mm:ss} or {@code YYYY-MM-DDThh:mm:ss.sTZ}; any
 * format containing {@code %} is a C strftime format. Immutable and thread-safe.
 */
public final class DateFormatter {
    /** NXLog's default: {@code YYYY-MM-DD hh:mm:ss} in local time. */
    public static final String DEFAULT_FORMAT = "YYYY-MM-DD hh:mm:ss";

    private enum Part { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MICROSECONDS, OFFSET, LITERAL }

    private final String format;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean strftime;
    private final Part[] parts;
    private final String[] literals;

    private DateFormatter(String format, ZoneId zone) {
        this.format = format;
        this.strftime = format.indexOf('%') >= 0;
        List<Part> partList = new ArrayList<>();
        List<String> literalList = new ArrayList<>();
        boolean utc = false;
        for (int i = 0; i < format.length() && !strftime; ) {
            if (format.startsWith("YYYY", i)) {
                add(partList, literalList, Part.YEAR, null);
                i += 4;
            } else if (format.startsWith("MM", i)) {
                add(partList, literalList, Part.MONTH, null);
                i += 2;
            } else if (format.startsWith("DD", i)) {
                add(partList, literalList, Part.DAY, null);
                i += 2;
            } else if (format.startsWith("hh", i)) {
                add(partList, literalList, Part.HOUR, null);
                i += 2;
            } else if (format.startsWith("mm", i)) {
                add(partList, literalList, Part.MINUTE, null);
                i += 2;
            } else if (format.startsWith("ss", i)) {
                add(partList, literalList, Part.SECOND, null);
                i += 2;
            } else if (format.startsWith(".s", i)) {
                add(partList, literalList, Part.MICROSECONDS, null);
                i += 2;
            } else if (format.startsWith("TZ", i)) {
                add(partList, literalList, Part.OFFSET, null);
                i += 2;
            } else if (format.startsWith("UTC", i)) {
                utc = true;
                add(partList, literalList, Part.LITERAL, "Z");
                i += 3;
            } else {
                add(partList, literalList, Part.LITERAL, String.valueOf(format.charAt(i)));
                i++;
            }
        }
        this.zone = utc ? ZoneOffset.UTC : zone;
        this.rules = this.zone.getRules();
        this.parts = partList.toArray(new Part[0]);
        this.literals = literalList.toArray(new String[0]);
    }

    private static void add(List<Part> parts, List<String> literals, Part part, String literal) {
        parts.add(part);
        literals.add(literal);
    }

    /** @param format a DateFormat value, or null for {@link #DEFAULT_FORMAT} */
    public static DateFormatter of(String format, ZoneId zone) {
        return new DateFormatter(format == null || format.isBlank() ? DEFAULT_FORMAT : format.trim(), zone);
    }

    public String format() {
        return format;
    }

    public ZoneId zone() {
        return zone;
    }

    public String format(Datetime datetime) {
        if (strftime) {
            return Strftime.format(datetime, format, zone);
        }
        long micros = datetime.microseconds();
        long epochSecond = Math.floorDiv(micros, 1_000_000L);
        int offsetSeconds = rules.getOffset(java.time.Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        long localSecond = epochSecond + offsetSeconds;
        long days = Math.floorDiv(localSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(localSecond, 86_400L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < parts.length; i++) {
            switch (parts[i]) {
                case YEAR -> Strftime.pad(out, date.getYear(), 4, '0');
                case MONTH -> Strftime.pad(out, date.getMonthValue(), 2, '0');
                case DAY -> Strftime.pad(out, date.getDayOfMonth(), 2, '0');
                case HOUR -> Strftime.pad(out, secondOfDay / 3600, 2, '0');
                case MINUTE -> Strftime.pad(out, secondOfDay / 60 % 60, 2, '0');
                case SECOND -> Strftime.pad(out, secondOfDay % 60, 2, '0');
                case MICROSECONDS -> {
                    out.append('.');
                    Strftime.pad(out, Math.floorMod(micros, 1_000_000L), 6, '0');
                }
                case OFFSET -> {
                    int absolute = Math.abs(offsetSeconds);
                    out.append(offsetSeconds < 0 ? '-' : '+');
                    Strftime.pad(out, absolute / 3600, 2, '0');
                    out.append(':');
                    Strftime.pad(out, absolute / 60 % 60, 2, '0');
                }
                case LITERAL -> out.append(literals[i]);
            }
        }
        return out.toString();
    }
}
