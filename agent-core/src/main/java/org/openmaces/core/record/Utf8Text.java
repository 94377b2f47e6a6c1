package org.openmaces.core.record;

import java.nio.charset.StandardCharsets;

/**
 * A string value kept as the UTF-8 bytes it was made as, for a producer that has bytes (xm_json's
 * {@code to_json()} procedure) and a consumer that wants bytes (a line-based output). Without it the text
 * would be decoded into a String only for the output to encode it back, two passes and two copies over
 * every line.
 *
 * <p>Never seen by the language: {@link LogRecord} decodes it into a String the first time anyone reads
 * the field (see {@link DeferredString}), and only {@link LogRecord#getStringUtf8} hands out the bytes. So
 * a value stored this way behaves exactly as the String {@code new String(bytes, UTF_8)} would.
 *
 * <p>Immutable by contract: the array is owned by this object once given to {@link #of}, and readers must
 * not modify what {@link #bytes()} returns.
 */
public final class Utf8Text extends DeferredString {
    private final byte[] bytes;

    private Utf8Text(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code utf8}, which must be well-formed UTF-8 and must not change afterwards. */
    public static Utf8Text of(byte[] utf8) {
        return new Utf8Text(utf8);
    }

    /** The bytes; not a copy, do not modify them. */
    public byte[] bytes() {
        return bytes;
    }

    /** The text as a String; each call decodes again (LogRecord keeps the result). */
    @Override
    public String resolve() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
