package org.openmaces.maces.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Strings for byte ranges that repeat (executables, signing and team ids), so the hot path does not
 * decode and allocate the same path for every event of a process. Direct-mapped: a slot holds the
 * last value that hashed to it; a miss decodes and replaces. Not thread-safe.
 */
final class StringCache {
    private final byte[][] keys;
    private final String[] values;
    private final String[] rendered;
    private String lastRendered;
    private final int mask;
    private final int maximumLength;

    private final boolean hex;

    StringCache(int slots, int maximumLength) {
        this(slots, maximumLength, false);
    }

    /** @param hex true: values are the lower-case hex of the bytes, null when every byte is zero (a cdhash) */
    StringCache(int slots, int maximumLength, boolean hex) {
        this.hex = hex;
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        keys = new byte[slots][];
        values = new String[slots];
        rendered = new String[slots];
        mask = slots - 1;
        this.maximumLength = maximumLength;
    }

    /** The UTF-8 string of {@code length} bytes at {@code offset} (invalid bytes replaced). */
    String get(ByteBuffer buffer, int offset, int length) {
        if (length > maximumLength) {
            lastRendered = null;
            return hex ? Formats.cdhash(buffer, offset, length) : decode(buffer, offset, length);
        }
        long hash = length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            hash = (hash ^ buffer.getLong(offset + i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < length; i++) {
            hash = (hash ^ buffer.get(offset + i)) * 0x9E3779B97F4A7C15L;
        }
        int slot = (int) (hash ^ (hash >>> 32) ^ (hash >>> 17)) & mask;
        byte[] key = keys[slot];
        if (key != null && key.length == length && matches(key, buffer, offset)) {
            lastRendered = rendered[slot];
            return values[slot];
        }
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        String value = hex ? Formats.cdhash(ByteBuffer.wrap(bytes), 0, length) : new String(bytes, StandardCharsets.UTF_8);
        keys[slot] = bytes;
        values[slot] = value;
        if (value == null) {
            rendered[slot] = null;
            lastRendered = null;
            return null;
        }
        StringBuilder text = new StringBuilder(value.length() + 2);
        RawEventFormat.appendValue(text, value);
        rendered[slot] = text.toString();
        lastRendered = rendered[slot];
        return value;
    }

    /** The $raw_event rendering of the value the last {@link #get} returned, or null when it was not cached. */
    String lastRendered() {
        return lastRendered;
    }

    private static boolean matches(byte[] key, ByteBuffer buffer, int offset) {
        int i = 0;
        for (; i + 8 <= key.length; i += 8) {
            if ((long) LONG.get(key, i) != buffer.getLong(offset + i)) {
                return false;
            }
        }
        for (; i < key.length; i++) {
            if (key[i] != buffer.get(offset + i)) {
                return false;
            }
        }
        return true;
    }

    // Reads 8 key bytes at once, in the byte order the record buffers use (little-endian).
    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static String decode(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
