package org.openmaces.maces.record;

/**
 * The ring record layout (native/RECORD_FORMAT.md; the C side is native/include/nxes_record.h).
 * A record is little-endian and 8-byte aligned:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  length (header + fields, bytes)              |  0
 *  +-------------------------------+-------------------------------+
 *  |        format version         |          record flags         |  4
 *  +-------------------------------+-------------------------------+
 *  |                 ES event type (es_event_type_t)               |  8
 *  |                 ES message version                            | 12
 *  |                 seq_num (0 when message version &lt; 2)          | 16
 *  |                 global_seq_num (0 when version &lt; 4)           | 24
 *  |                 time: ns since the Unix epoch (signed)        | 32
 *  |                 mach_time (raw ticks)                         | 40
 *  +---------------------------------------------------------------+
 *  | fields: [u16 tag][u16 field flags][u32 value length][value,   | 48
 *  |          zero-padded to a multiple of 8] ...                  |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * {@code RecordLayoutTest} compares these constants with the ones libnxes reports.
 */
public final class RecordFormat {
    public static final int FORMAT_VERSION = 1;

    public static final int OFFSET_LENGTH = 0;
    public static final int OFFSET_FORMAT_VERSION = 4;
    public static final int OFFSET_FLAGS = 6;
    public static final int OFFSET_EVENT_TYPE = 8;
    public static final int OFFSET_MESSAGE_VERSION = 12;
    public static final int OFFSET_SEQ_NUM = 16;
    public static final int OFFSET_GLOBAL_SEQ_NUM = 24;
    public static final int OFFSET_TIME_NANOS = 32;
    public static final int OFFSET_MACH_TIME = 40;
    public static final int HEADER_LENGTH = 48;
    public static final int ALIGNMENT = 8;
    public static final int FIELD_HEADER_LENGTH = 8;

    /** Record flag: at least one field was cut or left out to fit. */
    public static final int FLAG_TRUNCATED = 0x0001;
    /** Record flag: ring padding at the wrap; only length and flags are meaningful. */
    public static final int FLAG_PADDING = 0x8000;

    /** Field flag: ES said the value was truncated ({@code es_file_t.path_truncated}). */
    public static final int FIELD_FLAG_SOURCE_TRUNCATED = 0x0001;
    /** Field flag: the writer cut the value to fit. */
    public static final int FIELD_FLAG_CUT = 0x0002;

    public static final int MAX_LENGTH = 256 * 1024;
    public static final int EXEC_ARGS_MAX_BYTES = 64 * 1024;

    private RecordFormat() {
    }

    static int align(int length) {
        return (length + 7) & ~7;
    }
}
