package org.openmaces.maces.mapping;

import java.util.Arrays;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * Builds one {@link LogRecord} and its {@code $raw_event} together, so every field that is set also
 * appears in {@code $raw_event}, in the same order. The text itself is made only if someone reads it
 * ({@link RawEventText}): here each field adds a piece, its name's prefix and its value (or its text,
 * when the mapper has it rendered already). Reused per record; one per thread.
 */
final class RecordAssembler {
    /** Typical $raw_event length in characters for each piece, for the text's first buffer. */
    private static final int EXPECTED_PIECE_LENGTH = 40;
    private LogRecord record;
    /** The current record's pieces (see {@link RawEventText}); fresh arrays per record, handed over by finish. */
    private String[] prefixes;
    private Object[] pieces;
    private boolean[] verbatim;
    private int pieceCount;
    /** Length of the verbatim texts among the pieces (process blocks, exec arguments), for the first buffer. */
    private int verbatimLength;

    void begin(int expectedFields) {
        record = new LogRecord(expectedFields);
        prefixes = new String[expectedFields];
        pieces = new Object[expectedFields];
        verbatim = new boolean[expectedFields];
        pieceCount = 0;
        verbatimLength = 0;
    }

    private String[] prefixesById = new String[256];

    /** " Name=", made once per field name. */
    private String prefix(FieldName name) {
        int id = name.id();
        if (id >= prefixesById.length) {
            prefixesById = Arrays.copyOf(prefixesById, Math.max(id + 1, prefixesById.length * 2));
        }
        String prefix = prefixesById[id];
        if (prefix == null) {
            prefix = " " + name.spelling() + "=";
            prefixesById[id] = prefix;
        }
        return prefix;
    }

    private void piece(String prefix, Object piece, boolean asIs) {
        if (pieceCount == pieces.length) {
            int capacity = pieceCount * 2;
            prefixes = Arrays.copyOf(prefixes, capacity);
            pieces = Arrays.copyOf(pieces, capacity);
            verbatim = Arrays.copyOf(verbatim, capacity);
        }
        prefixes[pieceCount] = prefix;
        pieces[pieceCount] = piece;
        verbatim[pieceCount] = asIs;
        pieceCount++;
        if (asIs) {
            verbatimLength += ((String) piece).length();
        }
    }

    /** Sets a field whose $raw_event form is made from its value. */
    private void field(FieldName name, Object value) {
        record.append(name, value);
        piece(prefix(name), value, false);
    }

    void string(FieldName name, String value) {
        field(name, value);
    }

    /** A string whose $raw_event form is already rendered ({@link RawEventFormat#appendValue}). */
    void rendered(FieldName name, String value, String rawText) {
        record.append(name, value);
        piece(prefix(name), rawText, true);
    }

    void integer(FieldName name, long value) {
        field(name, Long.valueOf(value));
    }

    void bool(FieldName name, boolean value) {
        field(name, Boolean.valueOf(value));
    }

    void datetime(FieldName name, long microseconds) {
        field(name, Datetime.ofMicroseconds(microseconds));
    }

    /** Fields set so far (for {@link #capture}). */
    int fieldCount() {
        return record.size();
    }

    /** Pieces of $raw_event so far (for {@link #capture}). */
    int pieceCount() {
        return pieceCount;
    }

    /** The fields set since {@code fromField}, and the $raw_event text of the pieces since {@code fromPiece}. */
    ProcessCache.Entry capture(int fromField, int fromPiece) {
        int count = record.size() - fromField;
        FieldName[] names = new FieldName[count];
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            names[i] = record.nameAt(fromField + i);
            values[i] = record.valueAt(fromField + i);
        }
        StringBuilder text = new StringBuilder(EXPECTED_PIECE_LENGTH * (pieceCount - fromPiece));
        RawEventText.append(text, prefixes, pieces, verbatim, fromPiece, pieceCount, fromPiece == 0);
        return new ProcessCache.Entry(null, false, names, values, text.toString());
    }

    /** Appends fields captured earlier: their values are immutable and shared; the text in one piece. */
    void replay(ProcessCache.Entry entry) {
        FieldName[] names = entry.names();
        Object[] values = entry.values();
        for (int i = 0; i < names.length; i++) {
            record.append(names[i], values[i]);
        }
        piece(null, entry.raw(), true);
    }

    LogRecord finish() {
        int expectedLength = verbatimLength + EXPECTED_PIECE_LENGTH * pieceCount;
        record.append(MacesFields.RAW_EVENT,
                new RawEventText(prefixes, pieces, verbatim, pieceCount, expectedLength));
        LogRecord done = record;
        record = null;
        prefixes = null;
        pieces = null;
        verbatim = null;
        return done;
    }
}
