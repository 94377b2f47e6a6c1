package org.openmaces.maces.mapping;

import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * Builds one {@link LogRecord} and its {@code $raw_event} text together, so every field that is
 * set also appears in {@code $raw_event}, in the same order. Reused per record; one per thread.
 */
final class RecordAssembler {
    private final StringBuilder raw = new StringBuilder(1024);
    private final DatetimeText datetimes = new DatetimeText();
    private LogRecord record;

    void begin(int expectedFields) {
        record = new LogRecord(expectedFields);
        raw.setLength(0);
    }

    private String[] prefixes = new String[256];

    /** " Name=" (or "Name=" first), made once per field name. */
    private void name(FieldName name) {
        int id = name.id();
        if (id >= prefixes.length) {
            prefixes = java.util.Arrays.copyOf(prefixes, Math.max(id + 1, prefixes.length * 2));
        }
        String prefix = prefixes[id];
        if (prefix == null) {
            prefix = " " + name.spelling() + "=";
            prefixes[id] = prefix;
        }
        if (raw.length() == 0) {
            raw.append(prefix, 1, prefix.length());
        } else {
            raw.append(prefix);
        }
    }

    void string(FieldName name, String value) {
        record.append(name, value);
        name(name);
        RawEventFormat.appendValue(raw, value);
    }

    /** A string whose $raw_event form is already rendered ({@link RawEventFormat#appendValue}). */
    void rendered(FieldName name, String value, String rawText) {
        record.append(name, value);
        name(name);
        raw.append(rawText);
    }

    void integer(FieldName name, long value) {
        record.append(name, Long.valueOf(value));
        name(name);
        raw.append(value);
    }

    void bool(FieldName name, boolean value) {
        record.append(name, Boolean.valueOf(value));
        name(name);
        raw.append(value ? "TRUE" : "FALSE");
    }

    void datetime(FieldName name, long microseconds) {
        record.append(name, Datetime.ofMicroseconds(microseconds));
        name(name);
        datetimes.append(raw, microseconds);
    }

    /** Fields set so far (for {@link #capture}). */
    int fieldCount() {
        return record.size();
    }

    int rawLength() {
        return raw.length();
    }

    /** The fields set since {@code fromField}, and their $raw_event text since {@code fromRaw}. */
    ProcessCache.Entry capture(int fromField, int fromRaw) {
        int count = record.size() - fromField;
        org.openmaces.core.record.FieldName[] names = new org.openmaces.core.record.FieldName[count];
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            names[i] = record.nameAt(fromField + i);
            values[i] = record.valueAt(fromField + i);
        }
        return new ProcessCache.Entry(null, false, names, values, raw.substring(fromRaw));
    }

    /** Appends fields captured earlier: their values are immutable and shared; the text in one piece. */
    void replay(ProcessCache.Entry entry) {
        org.openmaces.core.record.FieldName[] names = entry.names();
        Object[] values = entry.values();
        for (int i = 0; i < names.length; i++) {
            record.append(names[i], values[i]);
        }
        raw.append(entry.raw());
    }

    LogRecord finish() {
        record.append(MacesFields.RAW_EVENT, raw.toString());
        LogRecord done = record;
        record = null;
        return done;
    }

    /** RFC 3339 UTC with microseconds; the part up to the second is formatted once per second. */
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
