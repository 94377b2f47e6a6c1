package org.openmaces.maces.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.RecordDecoder;
import org.openmaces.maces.ring.BackoffIdleStrategy;
import org.openmaces.maces.ring.RingDescriptor;
import org.openmaces.maces.ring.RingReader;

/**
 * The Java side against the real shim on fake-es: control calls through JNA, events through the
 * ring. Linux only: on macOS libnxes is built against the real framework and has no fake-es.
 */
@EnabledOnOs(OS.LINUX)
class NativeClientTest {
    private static final int EXEC = 9;
    private static final int OPEN = 10;
    private static final int CLOSE = 12;
    private static final int PROC_CHECK = 86;

    private final RecordDecoder decoder = new RecordDecoder();

    @BeforeEach
    void resetFakeEs() {
        FakeEs.INSTANCE.fake_es_reset();
    }

    @Test
    void shouldCarrySubscribedEventsThroughTheRingToTheDecoder() throws Exception {
        try (NativeClient client = NativeClient.open(0)) {
            RingReader reader = new RingReader(client.ringRegion());
            assertEquals(RingDescriptor.DEFAULT_CAPACITY, reader.capacity());
            assertEquals(NativeClient.OK, client.subscribe(OPEN));
            assertEquals(1000, FakeEs.INSTANCE.fake_es_generate(OPEN, 6, 1000));
            assertEquals(0, FakeEs.INSTANCE.fake_es_generate(CLOSE, 6, 10), "not subscribed");
            List<Long> sequence = new ArrayList<>();
            int read = reader.read((buffer, offset, length) -> {
                decoder.wrap(buffer, offset);
                assertEquals(OPEN, decoder.eventType());
                assertTrue(decoder.getString(FieldTag.FILE_PATH).startsWith("/fake/FILE_PATH/"));
                sequence.add(decoder.seqNum());
            }, 5000);
            assertEquals(1000, read);
            for (int i = 0; i < sequence.size(); i++) {
                assertEquals(i, sequence.get(i), "ES's per-type sequence numbers, gap-free");
            }
            assertEquals(1000, client.writtenRecords());
            assertEquals(0, client.droppedRecords());
        }
        assertEquals(0, FakeEs.INSTANCE.fake_es_live_clients());
    }

    @Test
    void shouldCountDropsPerEventTypeWhenTheReaderFallsBehind() throws Exception {
        try (NativeClient client = NativeClient.open(RingDescriptor.MIN_CAPACITY)) {
            RingReader reader = new RingReader(client.ringRegion());
            client.subscribe(EXEC);
            assertEquals(2000, FakeEs.INSTANCE.fake_es_generate(EXEC, 6, 2000));
            assertTrue(client.droppedRecords() > 0);
            assertEquals(client.droppedRecords(), reader.droppedForType(EXEC));
            assertEquals(client.droppedRecords(), reader.droppedRecords());
            assertEquals(2000, reader.writtenRecords() + reader.droppedRecords());
            assertEquals(reader.writtenRecords(), reader.read((buffer, offset, length) -> { }, 100000));
        }
    }

    @Test
    void shouldMuteAndUnmuteExecutablePaths() throws Exception {
        try (NativeClient client = NativeClient.open(0)) {
            client.subscribe(OPEN);
            assertEquals(NativeClient.OK, client.mutePathPrefix("/fake/PROCESS_EXECUTABLE/"));
            assertEquals(0, FakeEs.INSTANCE.fake_es_generate(OPEN, 6, 5));
            assertEquals(NativeClient.OK, client.unmuteAllPaths());
            assertEquals(5, FakeEs.INSTANCE.fake_es_generate(OPEN, 6, 5));
        }
    }

    @Test
    void shouldLeaveOutEventsTheRunningMacosLacks() throws Exception {
        FakeEs.INSTANCE.fake_es_set_os_version(101501);
        try (NativeClient client = NativeClient.open(0)) {
            assertEquals(101501, client.osVersion());
            assertFalse(client.isSupported(PROC_CHECK));
            assertEquals(NativeClient.UNSUPPORTED_EVENT, client.subscribe(PROC_CHECK));
            assertEquals(48, client.subscribeAll());
            assertEquals(0, FakeEs.INSTANCE.fake_es_is_subscribed(PROC_CHECK));
            assertEquals(NativeClient.OK, client.unsubscribeAll());
        }
    }

    @Test
    void shouldSayHowToFixAnEsNewClientFailure() {
        FakeEs.INSTANCE.fake_es_fail_next_new_client(4);
        NativeClientException failure = assertThrows(NativeClientException.class, () -> NativeClient.open(0));
        assertEquals(NativeClientException.NOT_PERMITTED, failure.code());
        assertTrue(failure.getMessage().contains("Full Disk Access"), failure.getMessage());
        NativeClientException capacity = assertThrows(NativeClientException.class, () -> NativeClient.open(12345));
        assertTrue(capacity.getMessage().contains("12345"), capacity.getMessage());
    }

    @Test
    void shouldWakeAWaitingReaderWhenARecordArrives() throws Exception {
        try (NativeClient client = NativeClient.open(0)) {
            client.subscribe(CLOSE);
            assertFalse(client.await(1), "nothing yet");
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> client.await(10_000));
            Thread.sleep(50);
            FakeEs.INSTANCE.fake_es_generate(CLOSE, 10, 1);
            assertTrue(waiting.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldCostAlmostNoCpuWhileIdleAndWakeForTheNextRecord() throws Exception {
        try (NativeClient client = NativeClient.open(0)) {
            client.subscribe(OPEN);
            RingReader reader = new RingReader(client.ringRegion());
            BackoffIdleStrategy idle = BackoffIdleStrategy.waitingOn(client);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            AtomicLong cpuNanos = new AtomicLong();
            AtomicLong wokeAt = new AtomicLong();
            CountDownLatch idleMeasured = new CountDownLatch(1);
            Thread readerThread = new Thread(() -> {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long idleUntil = System.nanoTime() + 1_000_000_000L;
                int read = 0;
                while (read == 0) {
                    read = reader.read((buffer, offset, length) -> wokeAt.set(System.nanoTime()), 100);
                    if (System.nanoTime() > idleUntil && idleMeasured.getCount() > 0) {
                        cpuNanos.set(threads.getCurrentThreadCpuTime() - cpuStart);
                        idleMeasured.countDown();
                    }
                    idle.idle(read);
                }
            });
            readerThread.start();
            assertTrue(idleMeasured.await(10, TimeUnit.SECONDS));
            long publishedAt = System.nanoTime();
            FakeEs.INSTANCE.fake_es_generate(OPEN, 10, 1);
            readerThread.join(5000);
            double cpuShare = cpuNanos.get() / 1e9;
            System.out.printf("idle reader: %.2f%% of a CPU over 1 s; woke %.3f ms after the event was posted%n",
                    cpuShare * 100, (wokeAt.get() - publishedAt) / 1e6);
            assertTrue(cpuShare < 0.05, "an idle reader sleeps on the shim: " + cpuShare * 100 + "% CPU");
            assertTrue(wokeAt.get() > 0, "the reader woke for the record");
        }
    }

    @Test
    void shouldRefuseControlCallsAfterClose() throws Exception {
        NativeClient client = NativeClient.open(0);
        client.close();
        client.close();
        assertThrows(IllegalStateException.class, () -> client.subscribe(OPEN));
        assertFalse(client.await(1));
    }
}
