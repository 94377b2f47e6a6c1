package org.openmaces.maces.mapping;

import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.DeferredString;

/**
 * An event's {@code $raw_event} ({@link RawEventFormat}), kept as the pieces it is made of until someone
 * reads it. A configuration that writes {@code to_json()} replaces {@code $raw_event} without reading it,
 * and then the text is never made; one that writes {@code $raw_event} makes it on the output's thread.
 *
 * <p>Piece {@code i} is {@code prefixes[i]} (" Name=", or null for a run of whole fields captured earlier)
 * followed by {@code pieces[i]}: written as it is when {@code verbatim[i]}, else a field value (String,
 * Long, Boolean or Datetime) written in the format. The values are the record's own, immutable, taken
 * when the field was set, so later changes to the record's fields do not change this text.
 *
 * <p>Immutable once made (the assembler hands its arrays over and never touches them again), and safe to
 * resolve from any thread: the only state used while writing is the calling thread's datetime text.
 */
final class RawEventText extends DeferredString {
    private static final ThreadLocal<DatetimeText> DATETIMES = ThreadLocal.withInitial(DatetimeText::new);
    private final String[] prefixes;
    private final Object[] pieces;
    private final boolean[] verbatim;
    private final int count;
    private final int expectedLength;

    RawEventText(String[] prefixes, Object[] pieces, boolean[] verbatim, int count, int expectedLength) {
        this.prefixes = prefixes;
        this.pieces = pieces;
        this.verbatim = verbatim;
        this.count = count;
        this.expectedLength = expectedLength;
    }

    @Override
    public String resolve() {
        StringBuilder text = new StringBuilder(expectedLength);
        append(text, prefixes, pieces, verbatim, 0, count, true);
        return text.toString();
    }

    /**
     * Appends pieces {@code from} (inclusive) to {@code to}; the first name's leading space is left out
     * when {@code atStart}, as the text's first field has none.
     */
    static void append(StringBuilder text, String[] prefixes, Object[] pieces, boolean[] verbatim, int from, int to,
                       boolean atStart) {
        DatetimeText datetimes = null;
        for (int i = from; i < to; i++) {
            String prefix = prefixes[i];
            if (prefix != null) {
                text.append(prefix, atStart && text.isEmpty() ? 1 : 0, prefix.length());
            }
            Object piece = pieces[i];
            if (verbatim[i]) {
                text.append((String) piece);
            } else if (piece instanceof String value) {
                RawEventFormat.appendValue(text, value);
            } else if (piece instanceof Long number) {
                text.append(number.longValue());
            } else if (piece instanceof Boolean flag) {
                text.append(flag ? "TRUE" : "FALSE");
            } else {
                if (datetimes == null) {
                    datetimes = DATETIMES.get();
                }
                datetimes.append(text, ((Datetime) piece).microseconds());
            }
        }
    }

    /** RFC 3339 UTC with microseconds; the part up to the second is formatted once per second. One per thread. */
    static final class DatetimeText {
        private long cachedSecond = Long.MIN_VALUE;
        private String cachedPrefix;

        void append(StringBuilder text, long microseconds) {
            long second = Math.floorDiv(microseconds, 1_000_000L);
            int micros = (int) Math.floorMod(microseconds, 1_000_000L);
            if (second != cachedSecond) {
                cachedSecond = second;
                String iso = java.time.LocalDateTime.ofEpochSecond(second, 0, java.time.ZoneOffset.UTC)
                        .format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                cachedPrefix = (iso.length() == 16 ? iso + ":00" : iso) + ".";
            }
            text.append(cachedPrefix);
            for (int divisor = 100_000; divisor > 0; divisor /= 10) {
                text.append((char) ('0' + micros / divisor % 10));
            }
            text.append('Z');
        }
    }
}
