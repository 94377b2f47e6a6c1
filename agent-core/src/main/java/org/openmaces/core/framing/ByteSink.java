package org.openmaces.core.framing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that framings and formatters write into, reused across records to avoid
 * allocation. Strings are written as UTF-8 without an intermediate byte array for ASCII.
 * Not thread-safe.
 */
public final class ByteSink {
    private byte[] bytes;
    private int length;

    public ByteSink() {
        this(8192);
    }

    public ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public int length() {
        return length;
    }

    /** The backing array; bytes {@code [0, length())} are valid until the next write or reset. */
    public byte[] array() {
        return bytes;
    }

    public void reset() {
        length = 0;
    }

    /** Drops bytes past {@code newLength} (to undo a partly written frame). */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    public ByteSink write(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    public ByteSink write(byte[] source) {
        return write(source, 0, source.length);
    }

    public ByteSink write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return this;
    }

    /** Appends {@code text} as UTF-8 (unpaired surrogates become {@code ?}, as String.getBytes does). */
    public ByteSink writeUtf8(CharSequence text) {
        if (text instanceof String string && string.length() > 16) {
            // The JDK encodes a String with vectorized intrinsics; a char-by-char loop was the hottest
            // frame of an output writing to_json() records. Short strings stay on the loop (no allocation).
            return write(string.getBytes(StandardCharsets.UTF_8));
        }
        int count = text.length();
        ensure(count);
        int position = length;
        byte[] target = bytes;
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = position;
                return writeUtf8Slow(text, i);
            }
            target[position++] = (byte) c;
        }
        length = position;
        return this;
    }

    private ByteSink writeUtf8Slow(CharSequence text, int from) {
        byte[] encoded = text.subSequence(from, text.length()).toString().getBytes(StandardCharsets.UTF_8);
        return write(encoded);
    }

    /** Appends the decimal digits of {@code value}. */
    public ByteSink writeDecimal(long value) {
        if (value >= 0 && value < 10) {
            return write('0' + (int) value);
        }
        return writeUtf8(Long.toString(value));
    }

    /** A read-only view of the valid bytes. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, length).asReadOnlyBuffer();
    }

    /** A copy of the valid bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * Makes the {@code count} bytes after {@link #length()}, which the caller wrote into {@link #array()}
     * after {@link #ensure ensuring} room for them, part of the sink: for writers that fill an array
     * themselves, such as Jackson's number formatting.
     */
    public void advance(int count) {
        if (count < 0 || length + count > bytes.length) {
            throw new IllegalArgumentException("cannot advance " + length + " bytes by " + count + " in " + bytes.length);
        }
        length += count;
    }

    /** Makes room for {@code count} more bytes. */
    public void ensure(int count) {
        int needed = length + count;
        if (needed > bytes.length) {
            if (needed < 0) {
                throw new IllegalStateException("byte sink larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
