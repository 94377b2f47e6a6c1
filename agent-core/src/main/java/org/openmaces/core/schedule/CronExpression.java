package org.openmaces.core.schedule;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code <Schedule>} {@code When} value (config spec §4.4): five fields, minute hour day-of-month
 * month weekday, each {@code *}, a number, a range {@code a-b}, a comma list, with {@code /step} on
 * {@code *} or a range; weekday 0–7 with 0 and 7 both Sunday; the {@code @hourly}-style macros. A time
 * matches when all five fields match (day of month AND weekday, unlike cron's OR). Month and weekday
 * names are not supported, as in NXLog.
 */
public final class CronExpression {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    /** Search horizon for the next match: covers leap days falling on a given weekday (28-year cycle). */
    private static final int HORIZON_YEARS = 29;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet weekdays;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
                           BitSet weekdays) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.weekdays = weekdays;
    }

    /**
     * Parses a When value.
     *
     * @throws IllegalArgumentException naming the field and the problem, or when no date ever matches
     */
    public static CronExpression parse(String value) {
        String text = value.trim();
        if (text.startsWith("@")) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("@reboot")) {
                throw new IllegalArgumentException("@reboot not supported");
            }
            String expansion = MACROS.get(lower);
            if (expansion == null) {
                throw new IllegalArgumentException("unknown macro '" + text
                        + "'; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly");
            }
            text = expansion;
        }
        String[] fields = text.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month weekday), found "
                    + fields.length + " in '" + value + "'");
        }
        BitSet weekdays = parseField(fields[4], "weekday", 0, 7);
        if (weekdays.get(7)) {
            weekdays.set(0);
            weekdays.clear(7);
        }
        CronExpression expression = new CronExpression(value.trim(),
                parseField(fields[0], "minute", 0, 59),
                parseField(fields[1], "hour", 0, 23),
                parseField(fields[2], "day of month", 1, 31),
                parseField(fields[3], "month", 1, 12),
                weekdays);
        if (expression.nextAfter(ZonedDateTime.parse("2000-01-01T00:00:00Z")) == null) {
            throw new IllegalArgumentException("'" + value + "' matches no date (all five fields must match)");
        }
        return expression;
    }

    private static BitSet parseField(String field, String name, int minimum, int maximum) {
        BitSet values = new BitSet(maximum + 1);
        for (String part : field.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty item in the " + name + " field '" + field + "'");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), name, 1, maximum);
                range = part.substring(0, slash);
                if (!range.equals("*") && range.indexOf('-') < 0) {
                    throw new IllegalArgumentException("a /step needs * or a range in the " + name + " field: '"
                            + part + "'");
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = minimum;
                to = maximum;
            } else if (range.indexOf('-') > 0) {
                from = number(range.substring(0, range.indexOf('-')), name, minimum, maximum);
                to = number(range.substring(range.indexOf('-') + 1), name, minimum, maximum);
                if (from > to) {
                    throw new IllegalArgumentException("the range " + range + " in the " + name + " field runs backwards");
                }
            } else {
                from = number(range, name, minimum, maximum);
                to = from;
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int number(String text, String name, int minimum, int maximum) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' is not a number in the " + name
                    + " field (names of months and weekdays are not supported)");
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            value = Integer.MAX_VALUE;
        }
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(text + " is outside " + minimum + "-" + maximum + " in the " + name + " field");
        }
        return value;
    }

    /**
     * The first matching minute strictly after {@code after}'s minute (the current minute is never
     * chosen), in {@code after}'s zone; null when none within the search horizon.
     */
    public ZonedDateTime nextAfter(ZonedDateTime after) {
        ZonedDateTime time = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusYears(HORIZON_YEARS);
        while (time.isBefore(limit)) {
            if (!months.get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
                continue;
            }
            if (!daysOfMonth.get(time.getDayOfMonth()) || !weekdays.get(time.getDayOfWeek().getValue() % 7)) {
                time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                continue;
            }
            if (!hours.get(time.getHour())) {
                time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (!minutes.get(time.getMinute())) {
                time = time.plusMinutes(1);
                continue;
            }
            return time;
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
