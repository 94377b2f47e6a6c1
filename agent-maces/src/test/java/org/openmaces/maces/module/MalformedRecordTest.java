package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.maces.testing.Fixtures;

/**
 * Regression test (issue 8): a record that breaks the format used to throw out of im_maces's record handler,
 * failing the whole batch being produced (with the good records already in it, lost without a count) and
 * pausing the input for a back-off. It is now counted as a loss and skipped.
 */
class MalformedRecordTest {
    @TempDir
    Path directory;

    @Test
    void shouldCountAndSkipAMalformedRecordInsteadOfFailingTheBatch() {
        Path capture = Fixtures.root().resolve("eslogger/synthetic-all-events.jsonl").toAbsolutePath();
        AgentRuntime runtime = new RuntimeHarness(directory, new NxlogLanguage()).assemble("<Input in>\n"
                + "    Module im_maces\n    Source replay\n    ReplayFile " + capture + "\n</Input>\n"
                + "<Output out>\n    Module om_null\n</Output>\n", false);
        MacesInput[] input = new MacesInput[1];
        runtime.forEachInstance((definition, instance) -> {
            if (instance instanceof MacesInput maces) {
                input[0] = maces;
            }
        });
        assertNotNull(input[0]);
        ByteBuffer malformed = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 64); // format 0
        assertDoesNotThrow(() -> input[0].onRecord(malformed, 0, 64));
        String report = runtime.statusReport();
        assertTrue(report.contains("lost 1 (malformed records skipped"), report);
    }
}
