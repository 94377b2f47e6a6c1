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
    private final int mask;
    private final int maximumLength;

    StringCache(int slots, int maximumLength) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        keys = new byte[slots][];
        values = new String[slots];
        mask = slots - 1;
        this.maximumLength = maximumLength;
    }

    /** The UTF-8 string of {@code length} bytes at {@code offset} (invalid bytes replaced). */
    String get(ByteBuffer buffer, int offset, int length) {
        if (length > maximumLength) {
            return decode(buffer, offset, length);
        }
        int hash = length;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer.get(offset + i);
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        byte[] key = keys[slot];
        if (key != null && key.length == length && matches(key, buffer, offset)) {
            return values[slot];
        }
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        String value = new String(bytes, StandardCharsets.UTF_8);
        keys[slot] = bytes;
        values[slot] = value;
        return value;
    }

    private static boolean matches(byte[] key, ByteBuffer buffer, int offset) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != buffer.get(offset + i)) {
                return false;
            }
        }
        return true;
    }

    private static String decode(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
