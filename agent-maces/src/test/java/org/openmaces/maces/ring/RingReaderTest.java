package org.openmaces.maces.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.RecordDecoder;
import org.openmaces.maces.record.RecordWriter;

class RingReaderTest {
    private final RecordWriter writer = new RecordWriter();
    private final RecordDecoder decoder = new RecordDecoder();

    private ByteBuffer record(long sequence, int padding) {
        writer.begin(10, 6, sequence, sequence, 0, 0).putString(FieldTag.FILE_PATH, "/p".repeat(padding));
        writer.finish();
        return writer.record();
    }

    @Test
    void shouldReadEveryRecordInOrderAcrossManyWraps() {
        TestRingProducer producer = new TestRingProducer(RingDescriptor.MIN_CAPACITY);
        RingReader reader = new RingReader(producer.region);
        long written = 0;
        List<Long> read = new ArrayList<>();
        for (int round = 0; round < 300; round++) {
            for (int i = 0; i < 9; i++) {
                assertTrue(producer.publish(record(written, (int) (written * 7 % 300))));
                written++;
            }
            reader.read((buffer, offset, length) -> read.add(decoder.wrap(buffer, offset).seqNum()), 1000);
        }
        assertEquals(written, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i, read.get(i));
        }
        assertTrue(reader.writtenBytes() > 4L * RingDescriptor.MIN_CAPACITY, "it wrapped");
        assertEquals(written, reader.writtenRecords());
    }

    @Test
    void shouldReadAtMostTheLimitAndReleaseTheSpaceOncePerBatch() {
        TestRingProducer producer = new TestRingProducer(RingDescriptor.MIN_CAPACITY);
        RingReader reader = new RingReader(producer.region);
        for (int i = 0; i < 10; i++) {
            producer.publish(record(i, 1));
        }
        long[] headDuringBatch = new long[1];
        assertEquals(4, reader.read((buffer, offset, length) -> headDuringBatch[0] = producer.head(), 4));
        assertEquals(0, headDuringBatch[0], "the head moves only when the batch ends");
        assertTrue(producer.head() > 0);
        assertEquals(6, reader.read((buffer, offset, length) -> { }, 100));
        assertEquals(0, reader.read((buffer, offset, length) -> { }, 100));
        assertFalse(reader.hasRecord());
    }

    @Test
    void shouldReleaseTheSpaceWhenAHandlerThrows() {
        TestRingProducer producer = new TestRingProducer(RingDescriptor.MIN_CAPACITY);
        RingReader reader = new RingReader(producer.region);
        producer.publish(record(0, 1));
        producer.publish(record(1, 1));
        assertThrows(IllegalStateException.class, () -> reader.read((buffer, offset, length) -> {
            throw new IllegalStateException("bad record");
        }, 10));
        List<Long> rest = new ArrayList<>();
        reader.read((buffer, offset, length) -> rest.add(decoder.wrap(buffer, offset).seqNum()), 10);
        assertEquals(List.of(1L), rest);
    }

    @Test
    void shouldRefuseARegionOfAnotherLayout() {
        TestRingProducer producer = new TestRingProducer(RingDescriptor.MIN_CAPACITY);
        producer.region.putInt(RingDescriptor.OFFSET_LAYOUT_VERSION, 9);
        IllegalArgumentException layout = assertThrows(IllegalArgumentException.class, () -> new RingReader(producer.region));
        assertTrue(layout.getMessage().contains("ring layout version is 9"), layout.getMessage());
        IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                () -> new RingReader(ByteBuffer.allocate(8192)));
        assertTrue(heap.getMessage().contains("direct"));
        IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
                () -> RingDescriptor.checkCapacity(3 << 20));
        assertTrue(capacity.getMessage().contains("3145728"));
    }
}
