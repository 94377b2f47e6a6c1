package org.openmaces.maces.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.RecordDecoder;
import org.openmaces.maces.record.RecordWriter;

class RingPumpTest {
    @Test
    void shouldHandEveryRecordOverInOrderAndDrainWhenStopped() throws Exception {
        TestRingProducer producer = new TestRingProducer(RingDescriptor.MIN_CAPACITY);
        RingReader reader = new RingReader(producer.region);
        RecordDecoder decoder = new RecordDecoder();
        List<Long> sequence = new ArrayList<>();
        AtomicInteger wakes = new AtomicInteger();
        RingPump pump = new RingPump(reader, (buffer, offset, length) -> sequence.add(decoder.wrap(buffer, offset).seqNum()),
                BackoffIdleStrategy.parking(), 16, wakes::incrementAndGet);
        Thread thread = new Thread(pump, "ring-pump-test");
        thread.start();
        RecordWriter writer = new RecordWriter();
        for (long i = 0; i < 20_000; i++) {
            writer.begin(12, 10, i, i, 0, 0).putBoolean(FieldTag.MODIFIED, true).finish();
            while (!producer.publish(writer.record())) {
                Thread.onSpinWait(); // the pump frees space
            }
        }
        pump.stop();
        thread.join(5_000);
        assertFalse(thread.isAlive());
        assertEquals(1, wakes.get());
        assertEquals(20_000, pump.records());
        for (int i = 0; i < sequence.size(); i++) {
            assertEquals(i, sequence.get(i));
        }
        assertTrue(reader.writtenRecords() == 20_000);
    }

    @Test
    void shouldRefuseAnEmptyBatch() {
        TestRingProducer producer = new TestRingProducer(RingDescriptor.MIN_CAPACITY);
        assertThrows(IllegalArgumentException.class, () -> new RingPump(new RingReader(producer.region),
                (buffer, offset, length) -> { }, BackoffIdleStrategy.parking(), 0, () -> { }));
    }
}
