package org.openmaces.outputs.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.language.runtime.DateFormatter;
import org.openmaces.core.record.Datetime;

/**
 * Speeds up a DateFormat with microseconds ({@code .s}) for datetimes that share a second, as consecutive
 * events do: the text of one second is made once by the language's formatter, with a marker fraction, and
 * escaped once by Jackson; it is reused with each datetime's own six digits. Offsets change only on whole
 * seconds, so the rest of the text is the same within a second. Formats without a recognisable fraction,
 * and texts with surrogates (which the generator escapes and Jackson's string encoder does not), go to the
 * formatter and the generator every time. A cached datetime costs neither a String nor an escaping. One per
 * thread.
 */
final class DatetimeCache {
    private static final long MARKER = 987_654;
    private static final byte[] MARKER_BYTES = {'.', '9', '8', '7', '6', '5', '4'};
    private final DateFormatter formatter;
    private final boolean usable;
    /** Two seconds are kept: a record often carries two times (EventTime, EventReceivedTime) seconds apart. */
    private final long[] seconds = {Long.MIN_VALUE, Long.MIN_VALUE};
    /**
     * The escaped UTF-8 text of each kept second (without quotes), with the six fraction digits at
     * {@code fractionAt[slot]}; those digits are overwritten by every lookup, so the array holds the last
     * datetime looked up in that second.
     */
    private final byte[][] texts = new byte[2][];
    private final int[] fractionAt = new int[2];
    private int older;

    DatetimeCache(DateFormatter formatter) {
        this.formatter = formatter;
        this.usable = !formatter.format().contains("%") && formatter.format().contains(".s");
    }

    /** Writes the datetime's text as a JSON string, as {@code generator.writeString(formatter.format(datetime))} would. */
    void write(Datetime datetime, JsonGenerator generator) throws IOException {
        byte[] text = cachedText(datetime);
        if (text != null) {
            generator.writeRawUTF8String(text, 0, text.length);
        } else {
            generator.writeString(formatter.format(datetime));
        }
    }

    /**
     * Appends the datetime's text as a JSON string to {@code out}, as {@link #write(Datetime, JsonGenerator)}
     * would; {@code values} writes the texts that are not cached and must write into {@code out}.
     */
    void write(Datetime datetime, ByteSink out, JsonValueWriter values) throws IOException {
        byte[] text = cachedText(datetime);
        if (text != null) {
            out.ensure(text.length + 2);
            out.write('"').write(text).write('"');
        } else {
            values.writeString(formatter.format(datetime));
        }
    }

    /** The datetime's escaped text in a kept second's array (valid until the next lookup), or null for the formatter. */
    private byte[] cachedText(Datetime datetime) {
        if (!usable) {
            return null;
        }
        long micros = datetime.microseconds();
        long second = Math.floorDiv(micros, 1_000_000L);
        int slot = second == seconds[0] ? 0 : second == seconds[1] ? 1 : load(second);
        if (slot < 0) {
            return null;
        }
        byte[] text = texts[slot];
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        for (int i = fractionAt[slot] + 5; i >= fractionAt[slot]; i--) {
            text[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        return text;
    }

    /** Fills the older slot with {@code second}; its index, or -1 when the text cannot be cached. */
    private int load(long second) {
        String formatted = formatter.format(Datetime.ofMicroseconds(second * 1_000_000L + MARKER));
        if (EscapedStringCache.hasSurrogate(formatted)) {
            return -1;
        }
        // Digits and '.' are never escaped, so the marker is found in the escaped text as it was formatted.
        byte[] text = JsonStringEncoder.getInstance().quoteAsUTF8(formatted);
        int at = indexOf(text, 0);
        if (at < 0 || indexOf(text, at + 1) >= 0) {
            return -1;
        }
        int slot = older;
        older = 1 - older;
        texts[slot] = text;
        fractionAt[slot] = at + 1;
        seconds[slot] = second;
        return slot;
    }

    private static int indexOf(byte[] text, int from) {
        outer:
        for (int i = from; i <= text.length - MARKER_BYTES.length; i++) {
            for (int j = 0; j < MARKER_BYTES.length; j++) {
                if (text[i + j] != MARKER_BYTES[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
