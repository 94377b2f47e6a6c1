package org.openmaces.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.core.testing.FakeLanguage;
import org.openmaces.core.testing.RuntimeHarness;

@Timeout(60)
class AgentRuntimeTest {
    @TempDir
    Path directory;

    private RuntimeHarness harness() {
        return new RuntimeHarness(directory, new FakeLanguage());
    }

    private String header() {
        return "CacheDir " + directory + "\n";
    }

    private static Set<Long> counters(List<LogRecord> records) {
        Set<Long> counters = new HashSet<>();
        for (LogRecord record : records) {
            String raw = record.getString(CoreFields.RAW_EVENT);
            counters.add(Long.parseLong(raw.substring(0, raw.indexOf('@'))));
        }
        return counters;
    }

    @Test
    void shouldDeliverEveryGeneratedRecordWithCoreFields() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("every");
        harness().runOneshot(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 1000
                </Input>
                <Output out>
                    Module om_collect
                    Sink every
                </Output>
                """);
        List<LogRecord> records = sink.records();
        assertEquals(1000, records.size());
        assertEquals(1000, counters(records).size());
        LogRecord first = records.get(0);
        assertEquals("gen", first.getString(CoreFields.SOURCE_MODULE_NAME));
        assertEquals("im_testgen", first.getString(CoreFields.SOURCE_MODULE_TYPE));
        assertTrue(first.get(CoreFields.EVENT_RECEIVED_TIME) != null);
        assertTrue(first.getString(CoreFields.RAW_EVENT).matches("0@\\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} \\d{4}"),
                first.getString(CoreFields.RAW_EVENT));
    }

    @Test
    void shouldGiveEachDestinationItsOwnCopy() throws Exception {
        CollectingOutput.Sink a = CollectingOutput.sink("copy-a");
        CollectingOutput.Sink b = CollectingOutput.sink("copy-b");
        harness().runOneshot(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 100
                </Input>
                <Output a>
                    Module om_collect
                    Sink copy-a
                </Output>
                <Output b>
                    Module om_collect
                    Sink copy-b
                </Output>
                <Route r1>
                    Path gen => a
                </Route>
                <Route r2>
                    Path gen => a, b
                </Route>
                """);
        assertEquals(200, a.size(), "one copy per route for an output in two routes");
        assertEquals(100, b.size());
        assertNotSame(a.records().get(0), b.records().get(0));
    }

    @Test
    void shouldReadOneCountOfOneInstanceByName() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("counted");
        AgentRuntime runtime = harness().runOneshot(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 300
                </Input>
                <Output out>
                    Module om_collect
                    Sink counted
                </Output>
                """);
        assertEquals(300, sink.size());
        assertEquals(300, runtime.count("OUT", "records written"), "instance names are case-insensitive");
        assertEquals(300, runtime.count("gen", "records received"));
        assertEquals(-1, runtime.count("out", "no such count"));
        assertEquals(-1, runtime.count("nobody", "records written"));
    }

    @Test
    void shouldPauseTheInputWithFlowControlAndLoseNothing() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("paused");
        sink.block();
        AgentRuntime runtime = harness().assemble(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 5000
                    BatchSize 10
                </Input>
                <Output out>
                    Module om_collect
                    Sink paused
                    LogqueueSize 20
                    BatchSize 10
                </Output>
                """, true);
        runtime.start();
        Thread.sleep(300);
        assertEquals(0, sink.size());
        String status = runtime.statusReport();
        assertTrue(status.contains("pauses by flow control"), status);
        assertTrue(status.matches("(?s).*queue (\\d+)/20.*"), status);
        int queued = Integer.parseInt(status.replaceAll("(?s).*queue (\\d+)/20.*", "$1"));
        assertTrue(queued <= 30, "the queue exceeds its capacity by at most a batch: " + status);
        sink.unblock();
        runtime.awaitCompletion();
        runtime.stop();
        assertEquals(5000, sink.size());
        assertEquals(5000, counters(sink.records()).size());
    }

    @Test
    void shouldDropAndCountExactlyWithoutFlowControl() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("lossy");
        sink.block();
        AgentRuntime runtime = harness().withDrainTimeout(Duration.ofSeconds(5)).assemble(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 20000
                    FlowControl FALSE
                </Input>
                <Output out>
                    Module om_collect
                    Sink lossy
                    LogqueueSize 100
                </Output>
                """, true);
        runtime.start();
        runtime.awaitCompletion();
        sink.unblock();
        String beforeStop = runtime.statusReport();
        runtime.stop();
        long dropped = Long.parseLong(beforeStop.replaceAll("(?s).*lost (\\d+) \\(records dropped for 'out'.*", "$1"));
        assertTrue(dropped > 0, beforeStop);
        assertEquals(20000, sink.size() + dropped, "generated = delivered + counted drops: " + beforeStop);
    }

    @Test
    void shouldRetryAFailingOutputUntilItSucceeds() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("flaky");
        sink.failuresLeft.set(2);
        // Back-off waits 1 s then 2 s: give the shutdown drain more than that.
        harness().withDrainTimeout(Duration.ofSeconds(10)).runOneshot(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 50
                </Input>
                <Output out>
                    Module om_collect
                    Sink flaky
                </Output>
                """);
        assertEquals(50, counters(sink.records()).size());
    }

    @Test
    void shouldRunRecordsThroughProcessorsInOrder() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("processed");
        harness().withModule(new org.openmaces.core.testing.TaggingProcessor()).runOneshot(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 10
                </Input>
                <Processor first>
                    Module pm_tag
                    Tag a
                </Processor>
                <Processor second>
                    Module pm_tag
                    Tag b
                </Processor>
                <Output out>
                    Module om_collect
                    Sink processed
                </Output>
                <Route r>
                    Path gen => first => second => out
                </Route>
                """);
        assertEquals(10, sink.size());
        assertEquals("ab", sink.records().get(0).getString(org.openmaces.core.testing.TaggingProcessor.TAGS));
    }

    /** Processors used to be stopped all at once, so a later one could exit before an earlier one forwarded its last records. */
    @Test
    void shouldDeliverEverythingThroughAProcessorChainAtShutdown() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("chain");
        harness().withModule(new org.openmaces.core.testing.TaggingProcessor()).runOneshot(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 300
                </Input>
                <Processor p1>
                    Module pm_tag
                    Tag 1
                    DelayMillis 2
                </Processor>
                <Processor p2>
                    Module pm_tag
                    Tag 2
                </Processor>
                <Processor p3>
                    Module pm_tag
                    Tag 3
                </Processor>
                <Output out>
                    Module om_collect
                    Sink chain
                </Output>
                <Route r>
                    Path gen => p1 => p2 => p3 => out
                </Route>
                """);
        assertEquals(300, counters(sink.records()).size());
    }

    @Test
    void shouldDropRecordsInExec() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("dropped");
        AgentRuntime runtime = harness().runOneshot(header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 10
                    Exec drop();
                </Input>
                <Output out>
                    Module om_collect
                    Sink dropped
                </Output>
                """);
        assertEquals(0, sink.size());
        assertTrue(runtime.statusReport().contains("records dropped by Exec 10"), runtime.statusReport());
    }

    @Test
    void shouldSaveUndeliveredRecordsAtShutdownAndDeliverThemAfterTheNextStart() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("saved");
        sink.failuresLeft.set(Integer.MAX_VALUE);
        String config = header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 300
                </Input>
                <Output out>
                    Module om_collect
                    Sink saved
                    LogqueueSize 1000
                </Output>
                """;
        harness().withDrainTimeout(Duration.ofMillis(300)).runOneshot(config);
        assertEquals(0, sink.size());
        assertTrue(Files.exists(directory.resolve("out.q")));

        sink.failuresLeft.set(0);
        harness().runOneshot(config.replace("MaxCount 300", "MaxCount 1"));
        assertEquals(301, sink.size(), "300 saved records and one new one");
        assertEquals(false, Files.exists(directory.resolve("out.q")));
    }

    @Test
    void shouldKeepRecordsInAPersistentQueueAcrossARestart() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("persistent");
        sink.failuresLeft.set(Integer.MAX_VALUE);
        String config = header() + """
                <Input gen>
                    Module im_testgen
                    MaxCount 500
                </Input>
                <Output out>
                    Module om_collect
                    Sink persistent
                    PersistLogqueue TRUE
                    LogqueueSize 1000
                </Output>
                """;
        harness().withDrainTimeout(Duration.ofMillis(300)).runOneshot(config);
        assertEquals(0, sink.size());
        assertTrue(Files.isDirectory(directory.resolve("out.queue")));
        assertEquals(false, Files.exists(directory.resolve("out.q")), "a persistent queue is not saved separately");

        sink.failuresLeft.set(0);
        harness().runOneshot(config.replace("MaxCount 500", "MaxCount 1"));
        assertEquals(501, sink.size());
        assertEquals(500, counters(sink.records()).size(), "500 distinct counters: the restart re-sends 0..499, then 0");
    }
}
