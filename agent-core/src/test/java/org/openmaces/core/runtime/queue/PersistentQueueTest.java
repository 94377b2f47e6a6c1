package org.openmaces.core.runtime.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.IpAddress;
import org.openmaces.core.record.LogRecord;

class PersistentQueueTest {
    private static final FieldName NUMBER = FieldName.of("Number");
    @TempDir
    Path directory;

    private static LogRecord[] records(int from, int count) {
        LogRecord[] records = new LogRecord[count];
        for (int i = 0; i < count; i++) {
            LogRecord record = new LogRecord();
            record.setInteger(NUMBER, from + i);
            record.setString(FieldName.of("raw_event"), "record " + (from + i));
            record.set(FieldName.of("When"), Datetime.ofMicroseconds(1_700_000_000_000_000L + i));
            record.set(FieldName.of("Address"), IpAddress.ofBytes(new byte[] {10, 0, 0, (byte) i}));
            record.set(FieldName.of("Nothing"), null);
            records[i] = record;
        }
        return records;
    }

    @Test
    void shouldKeepTypedRecordsAcrossReopen() throws Exception {
        Path queueDirectory = directory.resolve("out.queue");
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            queue.offer(records(0, 10), 10);
            assertEquals(10, queue.size());
        }
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, true)) {
            assertEquals(10, queue.size());
            LogRecord[] taken = new LogRecord[20];
            assertEquals(10, queue.take(taken, 20, 0));
            assertEquals(0L, taken[0].getInteger(NUMBER));
            assertEquals(Datetime.ofMicroseconds(1_700_000_000_000_000L), taken[0].get(FieldName.of("When")));
            assertEquals(IpAddress.ofBytes(new byte[] {10, 0, 0, 0}), taken[0].get(FieldName.of("Address")));
            assertTrue(taken[0].contains(FieldName.of("Nothing")));
            queue.acknowledge(10);
            assertEquals(0, queue.size());
        }
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            assertEquals(0, queue.size(), "acknowledged records are gone after reopening");
        }
    }

    @Test
    void shouldSignalWhenATakeBringsTheWaitingRecordsBelowSeventyPercent() throws Exception {
        try (PersistentQueue queue = new PersistentQueue(directory.resolve("out.queue"), 10, false)) {
            AtomicInteger signals = new AtomicInteger();
            queue.setDrainListener(signals::incrementAndGet);
            queue.offer(records(0, 10), 10);
            LogRecord[] taken = new LogRecord[10];
            assertEquals(3, queue.take(taken, 3, 0));
            assertEquals(7, queue.waiting());
            assertEquals(10, queue.size(), "records in flight stay in the queue until acknowledged");
            assertEquals(0, signals.get(), "7 of 10 is not below 70 %");
            queue.acknowledge(3);
            assertEquals(1, queue.take(taken, 1, 0));
            assertEquals(1, signals.get(), "signalled at the take, before the batch is acknowledged");
            queue.acknowledge(1);
            assertEquals(0, queue.offerOrDrop(records(10, 4), 4, false), "ten may wait again");
            assertEquals(1, queue.offerOrDrop(records(14, 1), 1, false));
        }
    }

    @Test
    void shouldRedeliverAndCountRecordsThatWereInFlightWhenTheAgentStopped() throws Exception {
        Path queueDirectory = directory.resolve("out.queue");
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            queue.offer(records(0, 10), 10);
            LogRecord[] taken = new LogRecord[4];
            assertEquals(4, queue.take(taken, 4, 0));
            queue.acknowledge(4);
            assertEquals(3, queue.take(taken, 3, 0));
            // Stopped here: 3 records taken but not acknowledged.
        }
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            assertEquals(6, queue.size());
            assertEquals(3, queue.possibleDuplicates());
            LogRecord[] taken = new LogRecord[10];
            assertEquals(6, queue.take(taken, 10, 0));
            assertEquals(4L, taken[0].getInteger(NUMBER));
        }
    }

    @Test
    void shouldDiscardAPartlyWrittenLastRecord() throws Exception {
        Path queueDirectory = directory.resolve("out.queue");
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            queue.offer(records(0, 5), 5);
        }
        Path segment = onlySegment(queueDirectory);
        long length = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(length - 3);
        }
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            assertEquals(4, queue.size());
            assertEquals(1, queue.discardedAtOpen());
            queue.offer(records(5, 1), 1);
            LogRecord[] taken = new LogRecord[10];
            assertEquals(5, queue.take(taken, 10, 0));
            assertEquals(5L, taken[4].getInteger(NUMBER), "new records append after the repaired tail");
        }
    }

    @Test
    void shouldSetADamagedFileAsideAndKeepTheRecordsBeforeTheDamage() throws Exception {
        Path queueDirectory = directory.resolve("out.queue");
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            queue.offer(records(0, 10), 10);
        }
        Path segment = onlySegment(queueDirectory);
        long length = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), length / 2);
        }
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            assertTrue(queue.size() > 0 && queue.size() < 10, "records before the damage are kept: " + queue.size());
            assertEquals(1, queue.discardedAtOpen());
        }
        try (Stream<Path> files = Files.list(queueDirectory)) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().contains(".corrupt-")));
        }
    }

    @Test
    void shouldSurviveADamagedCheckpoint() throws Exception {
        Path queueDirectory = directory.resolve("out.queue");
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            queue.offer(records(0, 3), 3);
        }
        Files.write(queueDirectory.resolve("checkpoint"), new byte[96]);
        Files.write(queueDirectory.resolve("checkpoint"), "garbage garbage garbage garbage garbage garbage".getBytes());
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 100, false)) {
            assertEquals(3, queue.size());
        }
    }

    @Test
    void shouldRotateSegmentsAndDeleteConsumedOnes() throws Exception {
        Path queueDirectory = directory.resolve("out.queue");
        try (PersistentQueue queue = new PersistentQueue(queueDirectory, 1_000_000, false)) {
            LogRecord big = new LogRecord();
            big.setString(FieldName.of("raw_event"), "x".repeat(1 << 20));
            LogRecord[] batch = new LogRecord[] {big};
            for (int i = 0; i < 70; i++) {
                queue.offer(batch, 1);
            }
            assertEquals(2, queue.segmentFiles().size());
            LogRecord[] taken = new LogRecord[70];
            assertEquals(70, queue.take(taken, 70, 0));
            queue.acknowledge(70);
            assertEquals(1, queue.segmentFiles().size());
        }
    }

    private static Path onlySegment(Path queueDirectory) throws IOException {
        try (Stream<Path> files = Files.list(queueDirectory)) {
            return files.filter(file -> file.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
    }
}
