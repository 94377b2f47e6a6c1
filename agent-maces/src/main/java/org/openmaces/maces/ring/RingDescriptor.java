package org.openmaces.maces.ring;

/**
 * Layout of the shared ring region (the C side is native/include/nxes_ring.h). The shim is the
 * one producer, {@link RingReader} the one consumer; every word either side writes often sits on
 * its own 128-byte line (Apple silicon's line size; two x86 lines).
 *
 * <pre>
 *   offset  size       what                                     written by
 *   0       4          magic 'NXRB' (0x4252584e)                creator, release
 *   4       4          ring layout version                      creator
 *   8       8          capacity of the data area (power of 2)  creator
 *   16      4          data offset (4096)                       creator
 *   20      4          record format version                    creator
 *   24      4          max record length                        creator
 *   128     8          tail = bytes written, padding included   producer
 *   256     8          head: consumer position                  consumer, release
 *   384     4          consumer sleeping flag (futex word)      both
 *   512     8          records written                          producer
 *   528     8          records dropped (ring full)              producer
 *   536     8          bytes dropped                            producer
 *   640     8 x 256    records dropped per ES event type        producer
 *   4096    capacity   records
 * </pre>
 *
 * Records are committed by length: the producer writes a record, a zero length word after it,
 * then store-releases the record's length; the consumer load-acquires lengths and stops at zero.
 * {@code RingDescriptorTest} compares these constants with the ones libnxes reports.
 */
public final class RingDescriptor {
    public static final int MAGIC = 0x4252584e;
    public static final int LAYOUT_VERSION = 1;

    public static final int OFFSET_MAGIC = 0;
    public static final int OFFSET_LAYOUT_VERSION = 4;
    public static final int OFFSET_CAPACITY = 8;
    public static final int OFFSET_DATA_OFFSET = 16;
    public static final int OFFSET_RECORD_FORMAT_VERSION = 20;
    public static final int OFFSET_MAX_RECORD_LENGTH = 24;
    public static final int OFFSET_TAIL = 128;
    public static final int OFFSET_HEAD = 256;
    public static final int OFFSET_SLEEPING = 384;
    public static final int OFFSET_WRITTEN_RECORDS = 512;
    public static final int OFFSET_WRITTEN_BYTES = OFFSET_TAIL;
    public static final int OFFSET_DROPPED_RECORDS = 528;
    public static final int OFFSET_DROPPED_BYTES = 536;
    public static final int OFFSET_DROPPED_BY_TYPE = 640;
    public static final int DROPPED_TYPE_SLOTS = 256;
    public static final int DATA_OFFSET = 4096;

    public static final int DEFAULT_CAPACITY = 32 * 1024 * 1024;
    public static final int MIN_CAPACITY = 64 * 1024;
    public static final int MAX_CAPACITY = 1 << 30;

    private RingDescriptor() {
    }

    /** Rejects a capacity the shim would reject, naming the value and the rule. */
    public static int checkCapacity(long capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Long.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity " + capacity + " is not a power of two between "
                    + MIN_CAPACITY + " and " + MAX_CAPACITY + " bytes");
        }
        return (int) capacity;
    }

    /** The region size for a capacity. */
    public static long regionSize(int capacity) {
        return (long) DATA_OFFSET + capacity;
    }
}
