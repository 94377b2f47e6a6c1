package org.openmaces.outputs.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.Await;
import org.openmaces.core.testing.LogCapture;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.core.testing.SmallFileSystem;
import org.openmaces.outputs.testing.SequenceInput;

/**
 * Fault test (issue 8): om_file's file system fills up mid-stream. On a real 256 KiB tmpfs (mounted by the
 * test, so it needs root; skipped otherwise), a paced stream is written until a filler file takes every
 * free block. The error must be reported with the file and the cause, the agent must keep running with the
 * records queued, and once the filler is removed every record must arrive, each on a whole line (the
 * regression test of the torn line a write cut short by ENOSPC left before the retried batch).
 */
@Timeout(120)
class DiskFullTest {
    private static final int COUNT = 6_000;

    @TempDir
    Path directory;
    private SmallFileSystem small;

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        small = SmallFileSystem.mount(directory.resolve("small"), "256k");
    }

    @AfterEach
    void unmount() throws Exception {
        if (small != null) {
            small.close();
        }
    }

    @Test
    void shouldReportAKeepRunningAndResumeWhenTheDiskFillsAndEmpties() throws Exception {
        Path output = small.path().resolve("out.log");
        try (LogCapture log = new LogCapture()) {
            AgentRuntime runtime = new RuntimeHarness(directory, new NxlogLanguage())
                    .withModule(new SequenceInput())
                    .withDrainTimeout(Duration.ofSeconds(30))
                    .assemble(String.join("\n", "CacheDir " + directory.resolve("cache"),
                            "<Input sequence>", "Module im_sequence", "Count " + COUNT, "PerCall 20", "PauseMillis 10",
                            "</Input>",
                            "<Output out>", "Module om_file", "File \"" + output + "\"", "</Output>", ""), true);
            runtime.start();
            Await.until(() -> lineCount(output) >= COUNT / 6, "records in the file before the disk fills");
            Path filler = small.fill("filler");
            Await.until(() -> runtime.statusReport().matches("(?s).*write failures [1-9].*"), "a failed write");
            Thread.sleep(3_000);
            assertTrue(log.warned("No space left on device"), log.text());
            assertTrue(log.warned("cannot write to " + output), log.text());
            String during = runtime.statusReport();
            assertTrue(lineCount(output) < COUNT, "the stream was still going when the disk filled: " + during);

            Files.delete(filler);
            runtime.awaitCompletion();
            Await.until(() -> new Received(output).complete(), "every record after the space came back");
            String after = runtime.statusReport();
            runtime.stop();

            Received received = new Received(output);
            assertEquals(0, received.tornLines, "no partly written line: " + received.tornExample);
            assertTrue(received.complete(), received.missing + " missing");
            assertTrue(!after.matches("(?s).*, lost [1-9].*"), "no loss counter moved: " + after);
        }
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }

    /** The sequence numbers in the file, and lines that are not exactly {@code seq N}. */
    private static final class Received {
        final BitSet seen = new BitSet();
        int tornLines;
        String tornExample = "";
        int missing;

        Received(Path file) {
            List<String> lines;
            try {
                lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            for (String line : lines) {
                if (line.matches("seq (0|[1-9]\\d*)") && Integer.parseInt(line.substring(4)) < COUNT) {
                    seen.set(Integer.parseInt(line.substring(4)));
                } else {
                    tornLines++;
                    tornExample = line;
                }
            }
            missing = COUNT - seen.cardinality();
        }

        boolean complete() {
            return missing == 0;
        }
    }
}
