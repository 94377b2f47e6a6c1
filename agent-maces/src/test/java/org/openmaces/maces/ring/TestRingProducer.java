package org.openmaces.maces.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.openmaces.maces.record.RecordFormat;

/** A Java copy of the shim's producer protocol (nxes_ring_publish), for reader tests without libnxes. */
final class TestRingProducer {
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final ByteBuffer region;
    private final int capacity;
    private long tail;
    private long written;

    TestRingProducer(int capacity) {
        this.capacity = capacity;
        this.region = ByteBuffer.allocateDirect(RingDescriptor.DATA_OFFSET + capacity).order(ByteOrder.LITTLE_ENDIAN);
        region.putInt(RingDescriptor.OFFSET_LAYOUT_VERSION, RingDescriptor.LAYOUT_VERSION);
        region.putLong(RingDescriptor.OFFSET_CAPACITY, capacity);
        region.putInt(RingDescriptor.OFFSET_DATA_OFFSET, RingDescriptor.DATA_OFFSET);
        region.putInt(RingDescriptor.OFFSET_RECORD_FORMAT_VERSION, RecordFormat.FORMAT_VERSION);
        region.putInt(RingDescriptor.OFFSET_MAX_RECORD_LENGTH, RecordFormat.MAX_LENGTH);
        INT.setRelease(region, RingDescriptor.OFFSET_MAGIC, RingDescriptor.MAGIC);
    }

    /** @return false when the ring is full */
    boolean publish(ByteBuffer record) {
        int length = record.remaining();
        long head = (long) LONG.getAcquire(region, RingDescriptor.OFFSET_HEAD);
        int offset = (int) (tail & (capacity - 1));
        int toEnd = capacity - offset;
        int padding = length > toEnd ? toEnd : 0;
        if (padding + length + 8 > capacity - (tail - head)) {
            return false;
        }
        if (padding != 0) {
            place(0, record, length);
            region.putShort(RingDescriptor.DATA_OFFSET + offset + RecordFormat.OFFSET_FORMAT_VERSION, (short) 1);
            region.putShort(RingDescriptor.DATA_OFFSET + offset + RecordFormat.OFFSET_FLAGS, (short) RecordFormat.FLAG_PADDING);
            INT.setRelease(region, RingDescriptor.DATA_OFFSET + offset, padding);
        } else {
            place(offset, record, length);
        }
        tail += padding + length;
        LONG.setOpaque(region, RingDescriptor.OFFSET_TAIL, tail);
        LONG.setOpaque(region, RingDescriptor.OFFSET_WRITTEN_RECORDS, ++written);
        return true;
    }

    private void place(int offset, ByteBuffer record, int length) {
        int at = RingDescriptor.DATA_OFFSET + offset;
        region.put(at + 4, record, record.position() + 4, length - 4);
        INT.setOpaque(region, RingDescriptor.DATA_OFFSET + ((offset + length) & (capacity - 1)), 0);
        INT.setRelease(region, at, length);
    }

    long head() {
        return (long) LONG.getVolatile(region, RingDescriptor.OFFSET_HEAD);
    }
}
