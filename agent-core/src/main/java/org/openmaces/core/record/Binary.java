package org.openmaces.core.record;

import java.util.Arrays;

/** A binary value (byte array). Immutable: the bytes are copied in and out. */
public final class Binary {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final byte[] bytes;

    private Binary(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Binary of(byte[] bytes) {
        return new Binary(bytes.clone());
    }

    /** Wraps without copying; the caller gives up the array. */
    public static Binary wrap(byte[] bytes) {
        return new Binary(bytes);
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Lower-case hex, two characters per byte: the language's string conversion of binary. */
    @Override
    public String toString() {
        char[] text = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Binary binary && Arrays.equals(binary.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
