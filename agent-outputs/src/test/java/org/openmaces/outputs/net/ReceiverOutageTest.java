package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.Rsyslog;
import org.openmaces.outputs.testing.SequenceInput;
import org.openmaces.outputs.testing.Sequences;

/**
 * Fault test (issue 8): a real rsyslogd goes away for 30 s in the middle of a paced stream and comes back.
 * Every sequence number must arrive. The input runs with {@code FlowControl FALSE}, so a queue that could not
 * hold the backlog would drop (and count) records instead of pausing the generator: the loss counters must
 * stay at zero too. Once with a memory queue large enough for the outage, once with a persistent queue that
 * holds ten times as many records on disk.
 */
@Timeout(180)
class ReceiverOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @BeforeAll
    static void requireRsyslog() {
        Rsyslog.assumeInstalled();
    }

    @Test
    void shouldLoseNothingWhileTheReceiverIsDownWithAMemoryQueueWithinCapacity() throws Exception {
        // 200 records/s for 40 s: about 6,000 wait out the outage in a queue of 10,000.
        outage(8_000, 10, 50, "LogqueueSize 10000");
    }

    @Test
    void shouldLoseNothingWhileTheReceiverIsDownWithAPersistentQueueBeyondMemoryCapacity() throws Exception {
        // 2,000 records/s for 40 s: about 60,000 wait out the outage on disk.
        outage(80_000, 100, 50, "PersistLogqueue TRUE\nLogqueueSize 100000");
        try (var files = Files.list(directory.resolve("cache"))) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().equals("out.queue")),
                    "the persistent queue lives in CacheDir/out.queue");
        }
    }

    private void outage(int count, int perCall, int pauseMillis, String queueDirectives) throws Exception {
        int port = Rsyslog.freePort();
        try (Rsyslog receiver = Rsyslog.tcp(directory.resolve("rsyslog"), port)) {
            AgentRuntime runtime = new RuntimeHarness(directory, new NxlogLanguage())
                    .withModule(new SequenceInput())
                    .withDrainTimeout(Duration.ofSeconds(60))
                    .assemble(String.join("\n", "CacheDir " + directory.resolve("cache"),
                            "<Extension syslog>", "Module xm_syslog", "</Extension>",
                            "<Input sequence>", "Module im_sequence", "Count " + count, "PerCall " + perCall,
                            "PauseMillis " + pauseMillis, "FlowControl FALSE",
                            "Exec $SourceName = 'gen'; $Message = $raw_event; to_syslog_bsd();", "</Input>",
                            "<Output out>", "Module om_tcp", "Host 127.0.0.1:" + port, queueDirectives, "</Output>",
                            ""), true);
            runtime.start();
            receiver.awaitLineCount(count / 10, Duration.ofSeconds(30));
            receiver.stop();
            long downAt = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis());
            String during = runtime.statusReport();
            receiver.start();
            long down = (System.nanoTime() - downAt) / 1_000_000_000L;
            runtime.awaitCompletion();
            List<String> lines = receiver.awaitLines(received -> new Sequences(received).complete(count),
                    Duration.ofSeconds(90));
            String after = runtime.statusReport();
            runtime.stop();
            Sequences sequences = new Sequences(lines);
            assertTrue(down >= OUTAGE.toSeconds(), "the receiver was down for " + down + " s");
            assertTrue(during.matches("(?s).*write failures [1-9].*"), "the outage was noticed: " + during);
            assertTrue(sequences.complete(count), sequences.missing(count) + " of " + lines.size() + " lines; "
                    + after);
            assertFalse(after.matches("(?s).*, lost [1-9].*"), "no loss counter moved: " + after);
            // At-least-once: what was resent is bounded by the resend window and the batch in flight.
            assertTrue(sequences.duplicates() <= count / 4, sequences.duplicates() + " duplicates");
            assertEquals(lines.size(), count + sequences.duplicates(), "every line is a sequence number");
        }
    }
}
