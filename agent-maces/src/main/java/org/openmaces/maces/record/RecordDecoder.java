package org.openmaces.maces.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A flyweight over one record (RECORD_FORMAT.md): {@link #wrap} validates the record and indexes
 * its fields once, then every field is reachable by {@link FieldTag} in constant time without
 * allocating (strings and lists allocate only when asked for as Java objects).
 *
 * <p>Not thread-safe; one decoder per reading thread, re-wrapped for each record. The record's
 * bytes must stay unchanged while it is wrapped (in the ring: until the reader releases them).
 * Fields with tags this build does not know are skipped and counted, so older readers accept
 * newer shims of the same format version.
 *
 * <p>Integer getters apply the catalog's extension: {@link FieldKind#I32} sign-extends,
 * {@link FieldKind#U32} zero-extends (a uid of 4294967295 stays 4294967295), {@link FieldKind#U64}
 * returns the same 64 bits.
 */
public final class RecordDecoder {
    private static final int TAG_SLOTS = 0x200;

    private ByteBuffer buffer;
    private int offset;
    private int length;
    private int generation;
    private final int[] seenIn = new int[TAG_SLOTS];
    private final int[] valueOffsets = new int[TAG_SLOTS];
    private final int[] valueLengths = new int[TAG_SLOTS];
    private final int[] flagsByTag = new int[TAG_SLOTS];
    private final FieldTag[] order = new FieldTag[TAG_SLOTS];
    private int fieldCount;
    private int unknownFieldCount;

    /**
     * Wraps the record at {@code offset} of {@code buffer} (any byte order; read little-endian).
     *
     * @throws MalformedRecordException when the record breaks the format; nothing stays wrapped
     */
    public RecordDecoder wrap(ByteBuffer source, int recordOffset) {
        ByteBuffer view = source.order() == ByteOrder.LITTLE_ENDIAN ? source
                : source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.buffer = null;
        int limit = view.limit();
        if (recordOffset < 0 || limit - recordOffset < RecordFormat.HEADER_LENGTH) {
            throw new MalformedRecordException("record at " + recordOffset + " is shorter than its header");
        }
        int recordLength = view.getInt(recordOffset + RecordFormat.OFFSET_LENGTH);
        if (recordLength < RecordFormat.HEADER_LENGTH || recordLength > limit - recordOffset
                || (recordLength & 7) != 0) {
            throw new MalformedRecordException("record at " + recordOffset + " has a bad length "
                    + Integer.toUnsignedString(recordLength));
        }
        int format = Short.toUnsignedInt(view.getShort(recordOffset + RecordFormat.OFFSET_FORMAT_VERSION));
        if (format != RecordFormat.FORMAT_VERSION) {
            throw new MalformedRecordException("record format version " + format + ", this reader reads "
                    + RecordFormat.FORMAT_VERSION);
        }
        if ((view.getShort(recordOffset + RecordFormat.OFFSET_FLAGS) & RecordFormat.FLAG_PADDING) != 0) {
            throw new MalformedRecordException("a padding record is not an event");
        }
        if (++generation == 0) {
            Arrays.fill(seenIn, 0);
            generation = 1;
        }
        fieldCount = 0;
        unknownFieldCount = 0;
        int end = recordOffset + recordLength;
        int at = recordOffset + RecordFormat.HEADER_LENGTH;
        while (at < end) {
            if (end - at < RecordFormat.FIELD_HEADER_LENGTH) {
                throw new MalformedRecordException("field header at " + (at - recordOffset) + " crosses the record end");
            }
            int code = Short.toUnsignedInt(view.getShort(at));
            int fieldFlags = Short.toUnsignedInt(view.getShort(at + 2));
            int valueLength = view.getInt(at + 4);
            int valueOffset = at + RecordFormat.FIELD_HEADER_LENGTH;
            if (valueLength < 0 || valueLength > end - valueOffset) {
                throw new MalformedRecordException("field " + code + " value crosses the record end");
            }
            FieldTag tag = FieldTag.ofCode(code);
            if (tag == null) {
                unknownFieldCount++;
            } else {
                int fixed = tag.kind().fixedLength();
                if (fixed >= 0 && valueLength != fixed) {
                    throw new MalformedRecordException(tag + " has " + valueLength + " bytes, not " + fixed);
                }
                if (seenIn[code] == generation) {
                    throw new MalformedRecordException(tag + " appears twice");
                }
                seenIn[code] = generation;
                valueOffsets[code] = valueOffset;
                valueLengths[code] = valueLength;
                flagsByTag[code] = fieldFlags;
                order[fieldCount++] = tag;
            }
            at = valueOffset + RecordFormat.align(valueLength);
        }
        this.buffer = view;
        this.offset = recordOffset;
        this.length = recordLength;
        return this;
    }

    /** The buffer the wrapped record is in (little-endian), for zero-copy access with {@link #valueOffset}. */
    public ByteBuffer buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int flags() {
        return Short.toUnsignedInt(buffer.getShort(offset + RecordFormat.OFFSET_FLAGS));
    }

    /** True when the writer cut or left out a field to fit the record. */
    public boolean isTruncated() {
        return (flags() & RecordFormat.FLAG_TRUNCATED) != 0;
    }

    /** The ES event type number ({@code es_event_type_t}), e.g. 9 for exec. */
    public int eventType() {
        return buffer.getInt(offset + RecordFormat.OFFSET_EVENT_TYPE);
    }

    public int messageVersion() {
        return buffer.getInt(offset + RecordFormat.OFFSET_MESSAGE_VERSION);
    }

    /** {@code seq_num}: per event type; 0 when the message version is below 2. */
    public long seqNum() {
        return buffer.getLong(offset + RecordFormat.OFFSET_SEQ_NUM);
    }

    /** {@code global_seq_num}: over all types; 0 when the message version is below 4. */
    public long globalSeqNum() {
        return buffer.getLong(offset + RecordFormat.OFFSET_GLOBAL_SEQ_NUM);
    }

    /** The event's wall-clock time in nanoseconds since the Unix epoch. */
    public long timeNanos() {
        return buffer.getLong(offset + RecordFormat.OFFSET_TIME_NANOS);
    }

    /** {@code mach_time}, raw ticks (unsigned). */
    public long machTime() {
        return buffer.getLong(offset + RecordFormat.OFFSET_MACH_TIME);
    }

    /** Number of known fields, for {@link #fieldAt} (record order). */
    public int fieldCount() {
        return fieldCount;
    }

    public FieldTag fieldAt(int index) {
        if (index < 0 || index >= fieldCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return order[index];
    }

    /** Fields whose tag this build does not know (skipped). */
    public int unknownFieldCount() {
        return unknownFieldCount;
    }

    public boolean has(FieldTag tag) {
        return buffer != null && seenIn[tag.code()] == generation;
    }

    /** The field's flags ({@link RecordFormat#FIELD_FLAG_SOURCE_TRUNCATED}, {@link RecordFormat#FIELD_FLAG_CUT}). */
    public int fieldFlags(FieldTag tag) {
        return flagsByTag[present(tag)];
    }

    /** True when ES reported the value truncated (a path longer than ES passes). */
    public boolean isSourceTruncated(FieldTag tag) {
        return (fieldFlags(tag) & RecordFormat.FIELD_FLAG_SOURCE_TRUNCATED) != 0;
    }

    /** True when the writer cut the value to fit the record. */
    public boolean isCut(FieldTag tag) {
        return (fieldFlags(tag) & RecordFormat.FIELD_FLAG_CUT) != 0;
    }

    /** Absolute offset of the value in {@link #buffer()}. */
    public int valueOffset(FieldTag tag) {
        return valueOffsets[present(tag)];
    }

    public int valueLength(FieldTag tag) {
        return valueLengths[present(tag)];
    }

    public boolean getBoolean(FieldTag tag) {
        return buffer.get(valueOffsets[present(tag, FieldKind.BOOL)]) != 0;
    }

    /** An integer field ({@link FieldKind#I32}, {@link FieldKind#U32}, {@link FieldKind#U64}) as a long. */
    public long getLong(FieldTag tag) {
        int code = present(tag);
        switch (tag.kind()) {
            case I32:
                return buffer.getInt(valueOffsets[code]);
            case U32:
                return Integer.toUnsignedLong(buffer.getInt(valueOffsets[code]));
            case U64:
                return buffer.getLong(valueOffsets[code]);
            default:
                throw wrongKind(tag, "an integer");
        }
    }

    /** The same, or {@code absent} when the record lacks the field. */
    public long getLong(FieldTag tag, long absent) {
        return has(tag) ? getLong(tag) : absent;
    }

    public long getTimespecSeconds(FieldTag tag) {
        return buffer.getLong(valueOffsets[present(tag, FieldKind.TIMESPEC)]);
    }

    public long getTimespecNanos(FieldTag tag) {
        return buffer.getLong(valueOffsets[present(tag, FieldKind.TIMESPEC)] + 8);
    }

    /** Word {@code index} (0..7) of an audit token field, unsigned; no allocation. */
    public long getAuditTokenWord(FieldTag tag, int index) {
        if (index < 0 || index > 7) {
            throw new IndexOutOfBoundsException(index);
        }
        return Integer.toUnsignedLong(buffer.getInt(valueOffsets[present(tag, FieldKind.AUDIT_TOKEN)] + 4 * index));
    }

    public AuditToken getAuditToken(FieldTag tag) {
        int at = valueOffsets[present(tag, FieldKind.AUDIT_TOKEN)];
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = buffer.getInt(at + 4 * i);
        }
        return AuditToken.of(words);
    }

    /** A {@link FieldKind#STRING} or {@link FieldKind#BYTES} value, copied. */
    public byte[] getBytes(FieldTag tag) {
        int code = present(tag);
        if (tag.kind() != FieldKind.STRING && tag.kind() != FieldKind.BYTES) {
            throw wrongKind(tag, "bytes");
        }
        byte[] bytes = new byte[valueLengths[code]];
        buffer.get(valueOffsets[code], bytes);
        return bytes;
    }

    /** A {@link FieldKind#STRING} decoded as UTF-8, invalid bytes replaced by U+FFFD. */
    public String getString(FieldTag tag) {
        int code = present(tag, FieldKind.STRING);
        return decode(valueOffsets[code], valueLengths[code]);
    }

    /**
     * The item count of a string list. The count is checked against the field's length here (wrap leaves
     * lists to their readers): a list whose count cannot fit is refused, never allocated for.
     *
     * @throws MalformedRecordException when the field is shorter than its count word, or the count is
     *                                  negative or larger than the field could hold
     */
    public int getStringListCount(FieldTag tag) {
        int code = present(tag, FieldKind.STRING_LIST);
        int valueLength = valueLengths[code];
        if (valueLength < 4) {
            throw new MalformedRecordException(tag + " has " + valueLength + " bytes, too few for its item count");
        }
        int count = buffer.getInt(valueOffsets[code]);
        if (count < 0 || count > (valueLength - 4) / 4) {
            throw new MalformedRecordException(tag + " claims " + Integer.toUnsignedString(count) + " items in "
                    + valueLength + " bytes");
        }
        return count;
    }

    /** Calls {@code visitor} for each item of a string list, in order, without copying. */
    public void forEachListItem(FieldTag tag, ListItemVisitor visitor) {
        int count = getStringListCount(tag);
        int code = tag.code();
        int at = valueOffsets[code];
        int end = at + valueLengths[code];
        at += 4;
        for (int i = 0; i < count; i++) {
            if (end - at < 4) {
                throw new MalformedRecordException(tag + " item " + i + " crosses the field end");
            }
            int itemLength = buffer.getInt(at);
            if (itemLength < 0 || itemLength > end - at - 4) {
                throw new MalformedRecordException(tag + " item " + i + " crosses the field end");
            }
            visitor.item(i, buffer, at + 4, itemLength);
            at += 4 + itemLength;
        }
    }

    public List<byte[]> getStringListBytes(FieldTag tag) {
        List<byte[]> items = new ArrayList<>(getStringListCount(tag));
        forEachListItem(tag, (index, source, itemOffset, itemLength) -> {
            byte[] bytes = new byte[itemLength];
            source.get(itemOffset, bytes);
            items.add(bytes);
        });
        return items;
    }

    /** A string list with every item decoded as {@link #getString} does. */
    public List<String> getStringList(FieldTag tag) {
        List<String> items = new ArrayList<>(getStringListCount(tag));
        forEachListItem(tag, (index, source, itemOffset, itemLength) -> items.add(decode(itemOffset, itemLength)));
        return items;
    }

    /** Receives one item of a string list: {@code length} bytes at {@code offset} of {@code buffer}. */
    @FunctionalInterface
    public interface ListItemVisitor {
        void item(int index, ByteBuffer buffer, int offset, int length);
    }

    private String decode(int at, int valueLength) {
        byte[] bytes = new byte[valueLength];
        buffer.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8); // replaces invalid UTF-8 with U+FFFD
    }

    private int present(FieldTag tag) {
        if (!has(tag)) {
            throw new NoSuchElementException(buffer == null ? "no record is wrapped" : "the record has no " + tag);
        }
        return tag.code();
    }

    private int present(FieldTag tag, FieldKind kind) {
        if (tag.kind() != kind) {
            throw wrongKind(tag, kind.name());
        }
        return present(tag);
    }

    private static IllegalArgumentException wrongKind(FieldTag tag, String wanted) {
        return new IllegalArgumentException(tag + " is " + tag.kind() + ", not " + wanted);
    }
}
