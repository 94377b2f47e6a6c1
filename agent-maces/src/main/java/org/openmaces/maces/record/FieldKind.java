package org.openmaces.maces.record;

/** How a field's value is stored (RECORD_FORMAT.md, "Field kinds"); codes as in nxes_record.h. */
public enum FieldKind {
    /** One byte, 0 or 1. */
    BOOL(1, 1),
    /** Four bytes, signed; read as a sign-extended long. */
    I32(2, 4),
    /** Four bytes, unsigned; read as a zero-extended long. */
    U32(3, 4),
    /** Eight bytes, unsigned; read as the long with the same bits. */
    U64(4, 8),
    /** Sixteen bytes: signed seconds, signed nanoseconds. */
    TIMESPEC(5, 16),
    /** Bytes as ES gave them: not NUL-terminated, possibly not UTF-8. */
    STRING(6, -1),
    /** Opaque bytes. */
    BYTES(7, -1),
    /** 32 bytes: the eight 32-bit words of an audit_token_t. */
    AUDIT_TOKEN(8, 32),
    /** A u32 count, then per item a u32 length and its bytes. */
    STRING_LIST(9, -1);

    private final int code;
    private final int fixedLength;

    FieldKind(int code, int fixedLength) {
        this.code = code;
        this.fixedLength = fixedLength;
    }

    public int code() {
        return code;
    }

    /** The value length every field of this kind has, or -1 when it varies. */
    public int fixedLength() {
        return fixedLength;
    }
}
