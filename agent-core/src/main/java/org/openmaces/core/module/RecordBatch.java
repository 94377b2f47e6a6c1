package org.openmaces.core.module;

import java.util.Arrays;
import org.openmaces.core.record.LogRecord;

/**
 * A reusable, bounded list of records that an input fills in one {@link InputInstance#produce} call.
 * Owned by the input's thread; the runtime empties it after routing.
 */
public final class RecordBatch {
    private final LogRecord[] records;
    private int size;

    public RecordBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be at least 1, not " + capacity);
        }
        records = new LogRecord[capacity];
    }

    /** Adds a record; false (and nothing added) when the batch is full. */
    public boolean add(LogRecord record) {
        if (size == records.length) {
            return false;
        }
        records[size++] = record;
        return true;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return records.length;
    }

    public int remaining() {
        return records.length - size;
    }

    public boolean isFull() {
        return size == records.length;
    }

    public LogRecord get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException("record " + index + " of a batch of " + size);
        }
        return records[index];
    }

    public void clear() {
        Arrays.fill(records, 0, size, null);
        size = 0;
    }
}
