package org.openmaces.core.runtime.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openmaces.core.record.LogRecord;

class MemoryQueueTest {
    private static LogRecord[] records(int count) {
        LogRecord[] records = new LogRecord[count];
        for (int i = 0; i < count; i++) {
            records[i] = new LogRecord();
        }
        return records;
    }

    @Test
    void shouldCountInFlightRecordsInItsSizeUntilAcknowledgedButNotAsWaiting() throws Exception {
        MemoryQueue queue = new MemoryQueue(10);
        queue.offer(records(5), 5);
        LogRecord[] taken = new LogRecord[3];
        assertEquals(3, queue.take(taken, 3, 0));
        assertEquals(5, queue.size());
        assertEquals(2, queue.waiting());
        queue.acknowledge(3);
        assertEquals(2, queue.size());
        assertEquals(2, queue.waiting());
    }

    @Test
    void shouldLetACapacityOfRecordsWaitBesideTheBatchInFlight() throws Exception {
        MemoryQueue queue = new MemoryQueue(3);
        queue.offer(records(3), 3);
        LogRecord[] taken = new LogRecord[3];
        assertEquals(3, queue.take(taken, 3, 0));
        assertEquals(0, queue.offerOrDrop(records(3), 3, false), "the batch in flight leaves room for three");
        assertEquals(1, queue.offerOrDrop(records(1), 1, false));
        assertEquals(6, queue.size());
    }

    @Test
    void shouldDropNewRecordsWhenFullByDefaultAndOldestWhenAsked() throws Exception {
        MemoryQueue queue = new MemoryQueue(3);
        LogRecord[] first = records(3);
        queue.offer(first, 3);
        LogRecord[] more = records(2);
        assertEquals(2, queue.offerOrDrop(more, 2, false));
        assertEquals(3, queue.size());
        assertEquals(2, queue.offerOrDrop(more, 2, true));
        LogRecord[] taken = new LogRecord[3];
        assertEquals(3, queue.take(taken, 3, 0));
        assertSame(first[2], taken[0]);
        assertSame(more[0], taken[1]);
        assertSame(more[1], taken[2]);
    }

    @Test
    void shouldSignalWhenATakeBringsTheWaitingRecordsBelowSeventyPercent() throws Exception {
        MemoryQueue queue = new MemoryQueue(10);
        AtomicInteger signals = new AtomicInteger();
        queue.setDrainListener(signals::incrementAndGet);
        queue.offer(records(10), 10);
        LogRecord[] taken = new LogRecord[10];
        assertEquals(3, queue.take(taken, 3, 0));
        assertEquals(0, signals.get(), "7 of 10 is not below 70 %");
        queue.acknowledge(3);
        assertEquals(1, queue.take(taken, 1, 0));
        assertEquals(1, signals.get(), "signalled at the take, before the batch is acknowledged");
        queue.acknowledge(1);
        assertEquals(1, signals.get(), "acknowledging does not change what waits");
    }

    @Test
    void shouldGrowBeyondItsInitialRingAndKeepOrder() throws Exception {
        MemoryQueue queue = new MemoryQueue(1_000_000);
        LogRecord[] batch = records(100_000);
        queue.offer(batch, batch.length);
        LogRecord[] taken = new LogRecord[100_000];
        assertEquals(100_000, queue.take(taken, 100_000, 0));
        assertSame(batch[99_999], taken[99_999]);
    }
}
