package org.openmaces.outputs.json;

import org.openmaces.core.language.runtime.DateFormatter;
import org.openmaces.core.record.Datetime;

/**
 * Speeds up a DateFormat with microseconds ({@code .s}) for datetimes that share a second, as consecutive
 * events do: the text of one second is made once by the language's formatter, with a marker fraction, and
 * reused with each datetime's own six digits. Offsets change only on whole seconds, so the rest of the text
 * is the same within a second. Formats without a recognisable fraction go to the formatter every time.
 * One per thread.
 */
final class DatetimeCache {
    private static final long MARKER = 987_654;
    private static final String MARKER_TEXT = ".987654";
    private final DateFormatter formatter;
    private final boolean usable;
    /** Two seconds are kept: a record often carries two times (EventTime, EventReceivedTime) seconds apart. */
    private final long[] seconds = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final String[] befores = new String[2];
    private final String[] afters = new String[2];
    private int older;
    private final char[] digits = new char[6];

    DatetimeCache(DateFormatter formatter) {
        this.formatter = formatter;
        this.usable = !formatter.format().contains("%") && formatter.format().contains(".s");
    }

    String format(Datetime datetime) {
        if (!usable) {
            return formatter.format(datetime);
        }
        long micros = datetime.microseconds();
        long second = Math.floorDiv(micros, 1_000_000L);
        int slot = second == seconds[0] ? 0 : second == seconds[1] ? 1 : load(second);
        if (slot < 0) {
            return formatter.format(datetime);
        }
        String before = befores[slot];
        String after = afters[slot];
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        for (int i = 5; i >= 0; i--) {
            digits[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return new StringBuilder(before.length() + 6 + after.length())
                .append(before).append(digits).append(after).toString();
    }

    /** Fills the older slot with {@code second}; its index, or -1 when the text has no single marker. */
    private int load(long second) {
        String text = formatter.format(Datetime.ofMicroseconds(second * 1_000_000L + MARKER));
        int at = text.indexOf(MARKER_TEXT);
        if (at < 0 || text.indexOf(MARKER_TEXT, at + 1) >= 0) {
            return -1;
        }
        int slot = older;
        older = 1 - older;
        befores[slot] = text.substring(0, at + 1);
        afters[slot] = text.substring(at + MARKER_TEXT.length());
        seconds[slot] = second;
        return slot;
    }
}
