package org.openmaces.maces.mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.openmaces.core.record.FieldName;

/**
 * The mapped process fields of recently seen processes, keyed by the bytes of their fields in the
 * record. A process makes many events in a row, so most events find their acting (and target)
 * process here and skip formatting some twenty values: the cached values are immutable and shared,
 * and their {@code $raw_event} text is appended in one piece. Direct-mapped; not thread-safe.
 */
final class ProcessCache {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAXIMUM_KEY = 2048;

    /** One process's fields as mapped, and their $raw_event text (starting with a space). */
    record Entry(byte[] key, boolean gated, FieldName[] names, Object[] values, String raw) {
    }

    private final Entry[] entries;
    private final int mask;

    ProcessCache(int slots) {
        entries = new Entry[slots];
        mask = slots - 1;
    }

    /** The slot: a hash of the first 48 bytes (the audit token field, which names the process image). */
    static int slot(ByteBuffer buffer, int offset, int length, boolean gated, int mask) {
        long hash = length * 31L + (gated ? 1 : 0);
        int hashed = Math.min(length, 48);
        int i = 0;
        for (; i + 8 <= hashed; i += 8) {
            hash = (hash ^ buffer.getLong(offset + i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < hashed; i++) {
            hash = (hash ^ buffer.get(offset + i)) * 0x9E3779B97F4A7C15L;
        }
        return (int) (hash ^ (hash >>> 32) ^ (hash >>> 17)) & mask;
    }

    /** The entry for these field bytes, or null. */
    Entry find(ByteBuffer buffer, int offset, int length, boolean gated) {
        if (length > MAXIMUM_KEY) {
            return null;
        }
        Entry entry = entries[slot(buffer, offset, length, gated, mask)];
        if (entry == null || entry.gated != gated || entry.key.length != length) {
            return null;
        }
        byte[] key = entry.key;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if ((long) LONG.get(key, i) != buffer.getLong(offset + i)) {
                return null;
            }
        }
        for (; i < length; i++) {
            if (key[i] != buffer.get(offset + i)) {
                return null;
            }
        }
        return entry;
    }

    void put(ByteBuffer buffer, int offset, int length, boolean gated, FieldName[] names, Object[] values, String raw) {
        if (length > MAXIMUM_KEY) {
            return;
        }
        byte[] key = new byte[length];
        buffer.get(offset, key);
        entries[slot(buffer, offset, length, gated, mask)] = new Entry(key, gated, names, values, raw);
    }
}
