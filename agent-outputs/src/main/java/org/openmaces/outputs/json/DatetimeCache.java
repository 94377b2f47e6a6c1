package org.openmaces.outputs.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.openmaces.core.language.runtime.DateFormatter;
import org.openmaces.core.record.Datetime;

/**
 * Speeds up a DateFormat with microseconds ({@code .s}) for datetimes that share a second, as consecutive
 * events do: the text of one second is made once by the language's formatter, with a marker fraction, and
 * reused with each datetime's own six digits. Offsets change only on whole seconds, so the rest of the text
 * is the same within a second. Formats without a recognisable fraction go to the formatter every time.
 * {@link #write} hands the generator the cached characters themselves, so a datetime written as JSON costs
 * no String. One per thread.
 */
final class DatetimeCache {
    private static final long MARKER = 987_654;
    private static final String MARKER_TEXT = ".987654";
    private final DateFormatter formatter;
    private final boolean usable;
    /** Two seconds are kept: a record often carries two times (EventTime, EventReceivedTime) seconds apart. */
    private final long[] seconds = {Long.MIN_VALUE, Long.MIN_VALUE};
    /**
     * The text of each kept second, with the six fraction digits at {@code fractionAt[slot]}; those digits
     * are overwritten by every lookup, so the array holds the last datetime looked up in that second.
     */
    private final char[][] texts = new char[2][];
    private final int[] fractionAt = new int[2];
    private int older;

    DatetimeCache(DateFormatter formatter) {
        this.formatter = formatter;
        this.usable = !formatter.format().contains("%") && formatter.format().contains(".s");
    }

    /** Writes the datetime's text as a JSON string, as {@code generator.writeString(formatter.format(datetime))} would. */
    void write(Datetime datetime, JsonGenerator generator) throws IOException {
        char[] text = cachedText(datetime);
        if (text != null) {
            generator.writeString(text, 0, text.length);
        } else {
            generator.writeString(formatter.format(datetime));
        }
    }

    /** The datetime's text in a kept second's array (valid until the next lookup), or null for the formatter. */
    private char[] cachedText(Datetime datetime) {
        if (!usable) {
            return null;
        }
        long micros = datetime.microseconds();
        long second = Math.floorDiv(micros, 1_000_000L);
        int slot = second == seconds[0] ? 0 : second == seconds[1] ? 1 : load(second);
        if (slot < 0) {
            return null;
        }
        char[] text = texts[slot];
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        for (int i = fractionAt[slot] + 5; i >= fractionAt[slot]; i--) {
            text[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return text;
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
        texts[slot] = text.toCharArray();
        fractionAt[slot] = at + 1;
        seconds[slot] = second;
        return slot;
    }
}
