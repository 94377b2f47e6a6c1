package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.maces.testing.Fixtures;

/** conf/demo.conf's input, run as the README's demo runs it, with the file output swapped for a collector. */
class DemoConfigurationTest {
    @TempDir
    Path directory;

    @Test
    void shouldReplayTheDemoCapturesIntoJsonLines() throws Exception {
        Path root = Fixtures.checkoutRoot();
        String demo = Files.readString(root.resolve("conf/demo.conf"), StandardCharsets.UTF_8)
                .replace("define DEMO_DIR run/demo", "define DEMO_DIR " + directory)
                .replace("ReplayFile      src-test-fixtures/", "ReplayFile      " + root.resolve("src-test-fixtures") + "/");
        // xm_json and om_file belong to agent-outputs, not on this classpath: the JSON is left out here
        // (packaging's SampleConfigurationsTest verifies the whole file with every module).
        demo = demo.replace("        to_json();\n", "");
        demo = demo.substring(0, demo.indexOf("<Extension json>")) + demo.substring(demo.indexOf("</Extension>") + 13);
        int output = demo.indexOf("<Output file>");
        CollectingOutput.Sink sink = CollectingOutput.sink("demo");
        demo = demo.substring(0, output) + "<Output file>\n    Module om_collect\n    Sink demo\n</Output>\n"
                + demo.substring(demo.indexOf("<Route demo>"));
        new MacesHarness(directory).runtime().runOneshot(demo);
        List<LogRecord> records = sink.records();
        assertTrue(records.size() > 500, "the session and the 51 events, less drops and mutes: " + records.size());
        long lost = 0;
        for (LogRecord record : records) {
            String type = record.getString(FieldName.of("EventType"));
            assertTrue(!"stat".equals(type) && !"lookup".equals(type), record.toString());
            if ("lost".equals(type)) {
                lost += record.getInteger(FieldName.of("LostEvents"));
                assertEquals("ERROR", record.getString(FieldName.of("Severity")));
            }
            String executable = record.getString(FieldName.of("ProcessExecutable"));
            assertTrue(executable == null || !executable.startsWith("/usr/bin/tool-9"), "muted: " + record);
            if ("setextattr".equals(type)) {
                assertEquals("quarantine attribute set on " + record.getString(FieldName.of("File")),
                        record.getString(FieldName.of("Message")));
            }
        }
        assertEquals(3, lost, "the session's deliberate gap of three writes");
    }
}
