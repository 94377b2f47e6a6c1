package org.openmaces.core.framing;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.openmaces.core.record.Binary;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.IpAddress;
import org.openmaces.core.record.LogRecord;

/**
 * NXLog's Binary record serialization (config spec §7): {@code 00 'N' 'X' 00}, a uint32 LE payload
 * length, then the payload: a uint16 LE field count and, per field, a uint16 LE name length, the name,
 * a type byte (1 integer, 2 string, 3 datetime, 4 regexp, 5 boolean, 6 ip4addr, 7 ip6addr, 8 binary,
 * 9 unknown), a defined byte, and for defined values: int64 LE, uint32 LE length + bytes, int64 LE µs,
 * one byte, 4 bytes or 16 bytes. All fields and types survive a round trip. Also the payload format of
 * queue files.
 */
public final class BinaryRecordFormat {
    public static final int HEADER_LENGTH = 8;
    private static final byte TYPE_INTEGER = 1;
    private static final byte TYPE_STRING = 2;
    private static final byte TYPE_DATETIME = 3;
    private static final byte TYPE_REGEXP = 4;
    private static final byte TYPE_BOOLEAN = 5;
    private static final byte TYPE_IP4ADDR = 6;
    private static final byte TYPE_IP6ADDR = 7;
    private static final byte TYPE_BINARY = 8;
    private static final byte TYPE_UNKNOWN = 9;

    private BinaryRecordFormat() {
    }

    /** Appends the header and payload of {@code record}. */
    public static void write(LogRecord record, ByteSink out) {
        int start = out.length();
        out.write(0).write('N').write('X').write(0);
        out.write(0).write(0).write(0).write(0);
        writePayload(record, out);
        int payloadLength = out.length() - start - HEADER_LENGTH;
        byte[] array = out.array();
        array[start + 4] = (byte) payloadLength;
        array[start + 5] = (byte) (payloadLength >>> 8);
        array[start + 6] = (byte) (payloadLength >>> 16);
        array[start + 7] = (byte) (payloadLength >>> 24);
    }

    /** Appends the payload only (field count and fields). */
    public static void writePayload(LogRecord record, ByteSink out) {
        int count = Math.min(record.size(), 0xffff);
        writeShort(out, count);
        for (int i = 0; i < count; i++) {
            byte[] name = record.nameAt(i).spelling().getBytes(StandardCharsets.UTF_8);
            writeShort(out, name.length);
            out.write(name);
            writeValue(record.valueAt(i), out);
        }
    }

    private static void writeValue(Object value, ByteSink out) {
        if (value == null) {
            out.write(TYPE_UNKNOWN).write(0);
        } else if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(TYPE_STRING).write(1);
            writeInt(out, bytes.length);
            out.write(bytes);
        } else if (value instanceof Long number) {
            out.write(TYPE_INTEGER).write(1);
            writeLong(out, number);
        } else if (value instanceof Boolean flag) {
            out.write(TYPE_BOOLEAN).write(1).write(flag ? 1 : 0);
        } else if (value instanceof Datetime datetime) {
            out.write(TYPE_DATETIME).write(1);
            writeLong(out, datetime.microseconds());
        } else if (value instanceof IpAddress address) {
            out.write(address.isVersion4() ? TYPE_IP4ADDR : TYPE_IP6ADDR).write(1);
            out.write(address.toBytes());
        } else if (value instanceof Binary binary) {
            out.write(TYPE_BINARY).write(1);
            writeInt(out, binary.length());
            out.write(binary.toBytes());
        } else if (value instanceof Pattern pattern) {
            byte[] bytes = pattern.pattern().getBytes(StandardCharsets.UTF_8);
            out.write(TYPE_REGEXP).write(1);
            writeInt(out, bytes.length);
            out.write(bytes);
        } else {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName());
        }
    }

    /**
     * Reads one payload (as written by {@link #writePayload}) from the buffer's position.
     *
     * @throws MalformedRecordException when the bytes are not a valid payload
     */
    public static LogRecord readPayload(ByteBuffer source) throws MalformedRecordException {
        ByteBuffer buffer = source.order(ByteOrder.LITTLE_ENDIAN);
        try {
            int count = Short.toUnsignedInt(buffer.getShort());
            LogRecord record = new LogRecord(count + 4);
            for (int i = 0; i < count; i++) {
                int nameLength = Short.toUnsignedInt(buffer.getShort());
                if (nameLength == 0) {
                    throw new MalformedRecordException("field " + i + " has an empty name");
                }
                String name = string(buffer, nameLength);
                byte type = buffer.get();
                boolean defined = buffer.get() != 0;
                Object value = defined ? readValue(type, buffer) : checkType(type);
                record.set(FieldName.of(name), value);
            }
            return record;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MalformedRecordException("record ends early or is inconsistent: " + e.getMessage());
        }
    }

    /** Reads a framed record (header and payload). */
    public static LogRecord read(ByteBuffer source) throws MalformedRecordException {
        ByteBuffer buffer = source.order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (buffer.get() != 0 || buffer.get() != 'N' || buffer.get() != 'X' || buffer.get() != 0) {
                throw new MalformedRecordException("missing the binary record signature 00 'N' 'X' 00");
            }
            int length = buffer.getInt();
            if (length < 2 || length > buffer.remaining()) {
                throw new MalformedRecordException("payload length " + Integer.toUnsignedString(length) + " does not fit");
            }
            ByteBuffer payload = buffer.slice(buffer.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(buffer.position() + length);
            return readPayload(payload);
        } catch (BufferUnderflowException e) {
            throw new MalformedRecordException("record header ends early");
        }
    }

    private static Object checkType(byte type) throws MalformedRecordException {
        if (type < TYPE_INTEGER || type > TYPE_UNKNOWN) {
            throw new MalformedRecordException("unknown value type " + type);
        }
        return null;
    }

    private static Object readValue(byte type, ByteBuffer buffer) throws MalformedRecordException {
        switch (type) {
            case TYPE_INTEGER:
                return buffer.getLong();
            case TYPE_STRING:
                return string(buffer, length(buffer));
            case TYPE_DATETIME:
                return Datetime.ofMicroseconds(buffer.getLong());
            case TYPE_REGEXP:
                return Pattern.compile(string(buffer, length(buffer)));
            case TYPE_BOOLEAN:
                return buffer.get() != 0;
            case TYPE_IP4ADDR:
                return IpAddress.ofBytes(bytes(buffer, 4));
            case TYPE_IP6ADDR:
                return IpAddress.ofBytes(bytes(buffer, 16));
            case TYPE_BINARY:
                return Binary.wrap(bytes(buffer, length(buffer)));
            case TYPE_UNKNOWN:
                throw new MalformedRecordException("a value of unknown type cannot be defined");
            default:
                throw new MalformedRecordException("unknown value type " + type);
        }
    }

    private static int length(ByteBuffer buffer) throws MalformedRecordException {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new MalformedRecordException("value length " + Integer.toUnsignedString(length) + " does not fit");
        }
        return length;
    }

    private static byte[] bytes(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static String string(ByteBuffer buffer, int length) {
        if (!buffer.hasArray()) {
            return new String(bytes(buffer, length), StandardCharsets.UTF_8);
        }
        String text = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return text;
    }

    private static void writeShort(ByteSink out, int value) {
        out.write(value).write(value >>> 8);
    }

    private static void writeInt(ByteSink out, int value) {
        out.write(value).write(value >>> 8).write(value >>> 16).write(value >>> 24);
    }

    private static void writeLong(ByteSink out, long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    /** Bytes that are not a valid binary record. */
    public static final class MalformedRecordException extends Exception {
        public MalformedRecordException(String message) {
            super(message, null, false, false);
        }
    }
}
