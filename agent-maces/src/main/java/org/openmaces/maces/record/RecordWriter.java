package org.openmaces.maces.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes records in the ring record format, byte for byte as the C writer does (nxes_record.h):
 * for sources that are not the native shim (eslogger JSON, replay), so one decoder and one
 * mapper serve every source. Same caps and the same cutting rules: a value that does not fit
 * is cut and flagged {@link RecordFormat#FIELD_FLAG_CUT}, a fixed value that does not fit is
 * left out, and either way the record gets {@link RecordFormat#FLAG_TRUNCATED}.
 *
 * <p>Use: {@link #begin}, the {@code put} calls in the order the fields should appear,
 * {@link #finish}; then {@link #record()} or {@link #toByteArray()}. Reusable; not thread-safe.
 */
public final class RecordWriter {
    private final ByteBuffer buffer;
    private final int capacity;
    private int length = -1;
    private int flags;

    /** A writer with room for the largest record ({@link RecordFormat#MAX_LENGTH}). */
    public RecordWriter() {
        this(RecordFormat.MAX_LENGTH);
    }

    public RecordWriter(int capacity) {
        if (capacity < RecordFormat.HEADER_LENGTH || capacity > RecordFormat.MAX_LENGTH) {
            throw new IllegalArgumentException("record capacity " + capacity + " is not between "
                    + RecordFormat.HEADER_LENGTH + " and " + RecordFormat.MAX_LENGTH);
        }
        this.capacity = capacity & ~7;
        this.buffer = ByteBuffer.allocate(this.capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Starts a record; {@code seqNum}/{@code globalSeqNum} are 0 when the message version lacks them. */
    public RecordWriter begin(int eventType, int messageVersion, long seqNum, long globalSeqNum, long timeNanos,
            long machTime) {
        Arrays.fill(buffer.array(), 0, RecordFormat.HEADER_LENGTH, (byte) 0);
        buffer.putShort(RecordFormat.OFFSET_FORMAT_VERSION, (short) RecordFormat.FORMAT_VERSION);
        buffer.putInt(RecordFormat.OFFSET_EVENT_TYPE, eventType);
        buffer.putInt(RecordFormat.OFFSET_MESSAGE_VERSION, messageVersion);
        buffer.putLong(RecordFormat.OFFSET_SEQ_NUM, seqNum);
        buffer.putLong(RecordFormat.OFFSET_GLOBAL_SEQ_NUM, globalSeqNum);
        buffer.putLong(RecordFormat.OFFSET_TIME_NANOS, timeNanos);
        buffer.putLong(RecordFormat.OFFSET_MACH_TIME, machTime);
        length = RecordFormat.HEADER_LENGTH;
        flags = 0;
        return this;
    }

    /**
     * Rewrites the header of the record begun with {@link #begin} (for sources that learn the
     * header values only after some fields, as a JSON object in any key order).
     */
    public RecordWriter header(int eventType, int messageVersion, long seqNum, long globalSeqNum, long timeNanos,
            long machTime) {
        checkStarted();
        buffer.putInt(RecordFormat.OFFSET_EVENT_TYPE, eventType);
        buffer.putInt(RecordFormat.OFFSET_MESSAGE_VERSION, messageVersion);
        buffer.putLong(RecordFormat.OFFSET_SEQ_NUM, seqNum);
        buffer.putLong(RecordFormat.OFFSET_GLOBAL_SEQ_NUM, globalSeqNum);
        buffer.putLong(RecordFormat.OFFSET_TIME_NANOS, timeNanos);
        buffer.putLong(RecordFormat.OFFSET_MACH_TIME, machTime);
        return this;
    }

    public RecordWriter putBoolean(FieldTag tag, boolean value) {
        int at = open(tag, FieldKind.BOOL, 0, 1);
        if (at >= 0) {
            buffer.put(at, (byte) (value ? 1 : 0));
        }
        return this;
    }

    /** An {@link FieldKind#I32} or {@link FieldKind#U32} field: its 32 bits. */
    public RecordWriter putInt(FieldTag tag, int value) {
        if (tag.kind() != FieldKind.I32 && tag.kind() != FieldKind.U32) {
            throw wrongKind(tag, "a 32-bit integer");
        }
        int at = open(tag, tag.kind(), 0, 4);
        if (at >= 0) {
            buffer.putInt(at, value);
        }
        return this;
    }

    /** A {@link FieldKind#U64} field: its 64 bits. */
    public RecordWriter putLong(FieldTag tag, long value) {
        int at = open(tag, FieldKind.U64, 0, 8);
        if (at >= 0) {
            buffer.putLong(at, value);
        }
        return this;
    }

    public RecordWriter putTimespec(FieldTag tag, long seconds, long nanoseconds) {
        int at = open(tag, FieldKind.TIMESPEC, 0, 16);
        if (at >= 0) {
            buffer.putLong(at, seconds);
            buffer.putLong(at + 8, nanoseconds);
        }
        return this;
    }

    public RecordWriter putAuditToken(FieldTag tag, int[] words) {
        if (words.length != 8) {
            throw new IllegalArgumentException("an audit token has 8 words, not " + words.length);
        }
        int at = open(tag, FieldKind.AUDIT_TOKEN, 0, 32);
        if (at >= 0) {
            for (int i = 0; i < 8; i++) {
                buffer.putInt(at + 4 * i, words[i]);
            }
        }
        return this;
    }

    public RecordWriter putAuditToken(FieldTag tag, AuditToken token) {
        return putAuditToken(tag, new int[] {(int) token.auid(), (int) token.euid(), (int) token.egid(),
            (int) token.ruid(), (int) token.rgid(), (int) token.pid(), (int) token.asid(), (int) token.pidVersion()});
    }

    /** A string as UTF-8. */
    public RecordWriter putString(FieldTag tag, String value) {
        return putBytes(tag, 0, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A {@link FieldKind#STRING} or {@link FieldKind#BYTES} value with field flags (for example
     * {@link RecordFormat#FIELD_FLAG_SOURCE_TRUNCATED}); cut to the room left.
     */
    public RecordWriter putBytes(FieldTag tag, int fieldFlags, byte[] value) {
        if (tag.kind() != FieldKind.STRING && tag.kind() != FieldKind.BYTES) {
            throw wrongKind(tag, "bytes");
        }
        checkStarted();
        int room = capacity - length;
        if (room < RecordFormat.FIELD_HEADER_LENGTH) {
            flags |= RecordFormat.FLAG_TRUNCATED;
            return this;
        }
        room = (room - RecordFormat.FIELD_HEADER_LENGTH) & ~7;
        int n = Math.min(value.length, room);
        if (n < value.length) {
            fieldFlags |= RecordFormat.FIELD_FLAG_CUT;
            flags |= RecordFormat.FLAG_TRUNCATED;
        }
        int at = open(tag, tag.kind(), fieldFlags, n);
        if (at >= 0) {
            buffer.put(at, value, 0, n);
        }
        return this;
    }

    /**
     * A string list; items stop (and the field is flagged cut) when the next one would pass
     * {@code maximumBytes} of item data or the room left, as the C writer does.
     */
    public RecordWriter putStringList(FieldTag tag, List<byte[]> items, int maximumBytes) {
        if (tag.kind() != FieldKind.STRING_LIST) {
            throw wrongKind(tag, "a string list");
        }
        checkStarted();
        if (capacity - length < RecordFormat.FIELD_HEADER_LENGTH + 8) {
            flags |= RecordFormat.FLAG_TRUNCATED;
            return this;
        }
        int field = length;
        length += RecordFormat.FIELD_HEADER_LENGTH + 4;
        int count = 0;
        int dataBytes = 0;
        boolean cut = false;
        for (byte[] item : items) {
            if (item.length > maximumBytes - dataBytes || (long) capacity - length < (long) item.length + 4 + 7) {
                cut = true;
                break;
            }
            buffer.putInt(length, item.length);
            buffer.put(length + 4, item, 0, item.length);
            length += 4 + item.length;
            count++;
            dataBytes += item.length;
        }
        buffer.putShort(field, (short) tag.code());
        buffer.putShort(field + 2, (short) (cut ? RecordFormat.FIELD_FLAG_CUT : 0));
        buffer.putInt(field + 4, length - field - RecordFormat.FIELD_HEADER_LENGTH);
        buffer.putInt(field + RecordFormat.FIELD_HEADER_LENGTH, count);
        if (cut) {
            flags |= RecordFormat.FLAG_TRUNCATED;
        }
        int aligned = RecordFormat.align(length);
        Arrays.fill(buffer.array(), length, aligned, (byte) 0);
        length = aligned;
        return this;
    }

    /** The exec argument list with the shim's cap ({@link RecordFormat#EXEC_ARGS_MAX_BYTES}). */
    public RecordWriter putExecArgs(List<byte[]> arguments) {
        return putStringList(FieldTag.EXEC_ARGS, arguments, RecordFormat.EXEC_ARGS_MAX_BYTES);
    }

    /** Stores length and flags; returns the record length (a multiple of 8). */
    public int finish() {
        checkStarted();
        buffer.putShort(RecordFormat.OFFSET_FLAGS, (short) flags);
        buffer.putInt(RecordFormat.OFFSET_LENGTH, length);
        return length;
    }

    /** The finished record: a little-endian view of its bytes. */
    public ByteBuffer record() {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).limit(length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer.array(), length);
    }

    private int open(FieldTag tag, FieldKind kind, int fieldFlags, int valueLength) {
        if (tag.kind() != kind) {
            throw wrongKind(tag, kind.name());
        }
        checkStarted();
        int padded = RecordFormat.align(valueLength);
        if (capacity - length < RecordFormat.FIELD_HEADER_LENGTH + padded) {
            flags |= RecordFormat.FLAG_TRUNCATED;
            return -1;
        }
        int field = length;
        buffer.putShort(field, (short) tag.code());
        buffer.putShort(field + 2, (short) fieldFlags);
        buffer.putInt(field + 4, valueLength);
        int value = field + RecordFormat.FIELD_HEADER_LENGTH;
        Arrays.fill(buffer.array(), value, value + padded, (byte) 0);
        length = value + padded;
        return value;
    }

    private void checkStarted() {
        if (length < 0) {
            throw new IllegalStateException("begin() a record first");
        }
    }

    private static IllegalArgumentException wrongKind(FieldTag tag, String wanted) {
        return new IllegalArgumentException(tag + " is " + tag.kind() + ", not " + wanted);
    }
}
