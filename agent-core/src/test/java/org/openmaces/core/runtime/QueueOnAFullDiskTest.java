package org.openmaces.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.testing.Await;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.core.testing.FakeLanguage;
import org.openmaces.core.testing.LogCapture;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.core.testing.SmallFileSystem;

/**
 * Regression test (issue 8): a persistent queue whose disk fills up. The IOException of the queue write
 * used to escape the input's loop ("input stopped after an unexpected failure"): the input never produced
 * again and the batch being queued was lost without a count, while the agent looked healthy. Now the
 * input waits with an error and back-off, like a full queue under flow control, and a write cut short
 * leaves no partial entry behind, so when space returns every record arrives, once and in order.
 */
@Timeout(120)
class QueueOnAFullDiskTest {
    private static final int COUNT = 2_000;

    @TempDir
    Path directory;

    @Test
    void shouldPauseTheInputAndResumeWhenThePersistentQueueDiskIsFullAndFreedAgain() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("full-disk");
        try (SmallFileSystem small = SmallFileSystem.mount(directory.resolve("small"), "1m");
             LogCapture log = new LogCapture()) {
            // Leave 64 KiB free: room for a few hundred records, then the queue's segment hits the wall.
            Path filler = small.fill("filler");
            try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() - 64 * 1024);
            }
            AgentRuntime runtime = new RuntimeHarness(directory, new FakeLanguage())
                    .withDrainTimeout(Duration.ofSeconds(20))
                    .assemble("CacheDir " + directory + "\nLogqueueDir " + small.path().resolve("queues") + "\n" + """
                            <Input gen>
                                Module im_testgen
                                MaxCount %d
                            </Input>
                            <Output out>
                                Module om_collect
                                Sink full-disk
                                PersistLogqueue TRUE
                                LogqueueSize 1000000
                            </Output>
                            """.formatted(COUNT), true);
            runtime.start();
            Await.until(() -> log.warned("No space left on device"), "the queue write to fail");
            assertTrue(log.warned("cannot queue records"), log.text());
            Thread.sleep(2_500);
            assertFalse(log.text().contains("input stopped"), log.text());
            assertTrue(sink.size() < COUNT, "the disk filled before the end of the stream");

            Files.delete(filler);
            runtime.awaitCompletion();
            Await.until(() -> sink.size() >= COUNT, "every record");
            String report = runtime.statusReport();
            runtime.stop();

            List<LogRecord> records = sink.records();
            for (int i = 0; i < records.size(); i++) {
                String raw = records.get(i).getString(CoreFields.RAW_EVENT);
                assertEquals(i, Long.parseLong(raw.substring(0, raw.indexOf('@'))), "record " + i + " in order, once");
            }
            assertEquals(COUNT, records.size(), report);
            assertFalse(report.matches("(?s).*, lost [1-9].*"), report);
        }
    }
}
