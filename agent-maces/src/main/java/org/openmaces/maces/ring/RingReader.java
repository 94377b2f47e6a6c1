package org.openmaces.maces.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.openmaces.maces.record.RecordFormat;

/**
 * The one consumer of the shim's ring (layout: {@link RingDescriptor}), reading a direct
 * {@link ByteBuffer} that maps the shared region: no JNA call per record. Reads in batches:
 * {@link #read} hands up to {@code limit} records to a handler and then release-stores the new
 * head once, which gives the space back to the producer.
 *
 * <p>Single-threaded: one thread calls {@link #read}. Counters may be read from any thread.
 */
public final class RingReader {
    // Atomic views: every one of these offsets is aligned to its size, as atomic access requires.
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer region;
    private final int capacity;
    private final int mask;
    private long head;

    /**
     * @throws IllegalArgumentException if the region is not a ring of this layout and record
     *     format, naming what differs
     */
    public RingReader(ByteBuffer sharedRegion) {
        if (!sharedRegion.isDirect()) {
            throw new IllegalArgumentException("the ring region must be a direct buffer (atomic access)");
        }
        this.region = sharedRegion.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (region.capacity() < RingDescriptor.DATA_OFFSET) {
            throw new IllegalArgumentException("a ring region has at least " + RingDescriptor.DATA_OFFSET
                    + " bytes, this one " + region.capacity());
        }
        // orders: the descriptor after the magic (the creator store-releases the magic last)
        int magic = (int) INT.getAcquire(region, RingDescriptor.OFFSET_MAGIC);
        if (magic != RingDescriptor.MAGIC) {
            throw new IllegalArgumentException("not a ring region: magic " + Integer.toHexString(magic));
        }
        check("ring layout version", region.getInt(RingDescriptor.OFFSET_LAYOUT_VERSION), RingDescriptor.LAYOUT_VERSION);
        check("record format version", region.getInt(RingDescriptor.OFFSET_RECORD_FORMAT_VERSION),
                RecordFormat.FORMAT_VERSION);
        check("data offset", region.getInt(RingDescriptor.OFFSET_DATA_OFFSET), RingDescriptor.DATA_OFFSET);
        this.capacity = RingDescriptor.checkCapacity(region.getLong(RingDescriptor.OFFSET_CAPACITY));
        if (region.capacity() < RingDescriptor.regionSize(capacity)) {
            throw new IllegalArgumentException("the ring region has " + region.capacity() + " bytes, its descriptor says "
                    + RingDescriptor.regionSize(capacity));
        }
        this.mask = capacity - 1;
        this.head = (long) LONG.getVolatile(region, RingDescriptor.OFFSET_HEAD);
    }

    private static void check(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("the shim's " + what + " is " + actual + ", this reader reads " + expected);
        }
    }

    /**
     * Hands up to {@code limit} committed records to {@code handler}, in order, then releases
     * their space. A record whose handler throws counts as read (the exception propagates after
     * the space is released, so one bad record cannot stall the ring).
     *
     * @return the number of records handed over (padding is not counted)
     */
    public int read(RecordHandler handler, int limit) {
        long position = head;
        int records = 0;
        try {
            while (records < limit) {
                int index = RingDescriptor.DATA_OFFSET + (int) (position & mask);
                // orders: the record's bytes after its commit (pairs with the producer's release)
                int length = (int) INT.getAcquire(region, index);
                if (length == 0) {
                    break;
                }
                if (length < RecordFormat.ALIGNMENT || (length & 7) != 0 || length > capacity) {
                    throw new IllegalStateException("ring corrupt: record length " + length + " at position " + position);
                }
                position += length;
                if ((region.getShort(index + RecordFormat.OFFSET_FLAGS) & RecordFormat.FLAG_PADDING) == 0) {
                    records++;
                    handler.onRecord(region, index, length);
                }
            }
        } finally {
            if (position != head) {
                head = position;
                // orders: our reads of the records above before the producer reuses their space
                LONG.setRelease(region, RingDescriptor.OFFSET_HEAD, position);
            }
        }
        return records;
    }

    /** True when a committed record waits at the head. */
    public boolean hasRecord() {
        // orders: as in read
        return (int) INT.getAcquire(region, RingDescriptor.DATA_OFFSET + (int) (head & mask)) != 0;
    }

    public int capacity() {
        return capacity;
    }

    public long writtenRecords() {
        return counter(RingDescriptor.OFFSET_WRITTEN_RECORDS);
    }

    /** Bytes the producer has committed, padding included. */
    public long writtenBytes() {
        return counter(RingDescriptor.OFFSET_WRITTEN_BYTES);
    }

    /** Records the producer dropped because the ring was full (or the record larger than it). */
    public long droppedRecords() {
        return counter(RingDescriptor.OFFSET_DROPPED_RECORDS);
    }

    public long droppedBytes() {
        return counter(RingDescriptor.OFFSET_DROPPED_BYTES);
    }

    /** Drops of one ES event type (types at or above 255 share the last slot). */
    public long droppedForType(int eventType) {
        int slot = Math.min(Math.max(eventType, 0), RingDescriptor.DROPPED_TYPE_SLOTS - 1);
        return counter(RingDescriptor.OFFSET_DROPPED_BY_TYPE + 8 * slot);
    }

    private long counter(int offset) {
        // single writer, whole-value reads; no ordering needed for a statistic
        return (long) LONG.getOpaque(region, offset);
    }
}
