package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.queue.PersistentQueue;

/**
 * Fault test (issue 8): bin/nxlog killed with SIGKILL mid-stream with {@code PersistLogqueue TRUE}, with and
 * without {@code SyncLogqueue}, then started again.
 *
 * <p>What the queue had accepted when the agent died (read from a copy of the queue directory taken right
 * after the kill) is "acknowledged": the generator had moved on. After the restart every record up to the
 * highest acknowledged one must be in the output (a gap-free prefix of the generator's sequence), and any
 * record that arrives twice must be one the restarted agent reported as a possible duplicate.
 */
@Timeout(180)
class CrashRecoveryIT {
    private static final Pattern FIRST_RUN = Pattern.compile("^first (\\d+)@");

    @TempDir
    Path directory;

    @Test
    void shouldLoseNothingAcknowledgedWhenKilledWithAPersistentQueue() throws Exception {
        killAndRestart(false);
    }

    @Test
    void shouldLoseNothingAcknowledgedWhenKilledWithASyncedPersistentQueue() throws Exception {
        killAndRestart(true);
    }

    private void killAndRestart(boolean sync) throws Exception {
        Path output = directory.resolve("out.log");
        Path firstLog = directory.resolve("first.log");
        Process agent = start(config("first", 0, sync, firstLog), "first");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lineCount(output) < 200_000) {
            assertTrue(agent.isAlive(), "the agent died by itself: " + read(firstLog) + read(directory.resolve("first.err")));
            assertTrue(System.nanoTime() < deadline, "too slow to write 200,000 records: " + read(firstLog));
            Thread.sleep(20);
        }
        agent.destroyForcibly(); // SIGKILL
        assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, agent.exitValue());

        QueueSnapshot acknowledged = QueueSnapshot.of(directory.resolve("cache/out.queue"), directory.resolve("snapshot"));
        Received beforeRestart = Received.of(output);

        Path secondLog = directory.resolve("second.log");
        Process second = start(config("second", 1, sync, secondLog), "second", "--oneshot");
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), read(secondLog));
        assertEquals(0, second.exitValue(), read(secondLog) + read(directory.resolve("second.err")));

        Received after = Received.of(output);
        long highest = Math.max(acknowledged.highest, beforeRestart.highest);
        String figures = "written before the kill " + beforeRestart.count + " (highest " + beforeRestart.highest
                + "), queued at the kill " + acknowledged.queued + " (highest " + acknowledged.highest
                + ", being delivered " + acknowledged.inFlight + "), after the restart " + after.count
                + " with " + after.duplicates + " duplicates and " + after.torn + " torn lines";
        System.out.println("CrashRecoveryIT sync=" + sync + ": " + figures);
        assertTrue(acknowledged.queued + beforeRestart.count > 0, figures);
        int firstMissing = after.seen.nextClearBit(0);
        assertTrue(firstMissing > highest, "record " + firstMissing + " was acknowledged and is lost; " + figures);
        assertEquals(highest + 1, after.seen.cardinality(), "nothing past the acknowledged records; " + figures);
        assertTrue(after.duplicates <= acknowledged.inFlight, "every duplicate was in flight; " + figures);
        if (after.duplicates > 0) {
            assertTrue(read(secondLog).contains(acknowledged.inFlight + " records were being delivered when the agent"
                    + " stopped; they are delivered again (possible duplicates)"), read(secondLog));
        }
        // A SIGKILL can cut om_file's last write short: at most one partial line, whose record is resent.
        assertTrue(after.torn <= 1, figures);
        assertTrue(read(output).contains("\nsecond 0@"), "the second run's own record");
    }

    private Path config(String run, int maxCount, boolean sync, Path logFile) throws IOException {
        Path file = directory.resolve(run + ".conf");
        Files.writeString(file, """
                CacheDir %s
                LogFile %s
                <Input gen>
                    Module im_testgen
                    MaxCount %d
                    Exec $raw_event = "%s " + $raw_event;
                </Input>
                <Output out>
                    Module om_file
                    File "%s"
                    PersistLogqueue TRUE
                    SyncLogqueue %s
                    LogqueueSize 50000
                </Output>
                """.formatted(directory.resolve("cache"), logFile, maxCount, run, directory.resolve("out.log"),
                sync ? "TRUE" : "FALSE"));
        return file;
    }

    private Process start(Path config, String run, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(CheckoutPaths.root().resolve("bin/nxlog").toString(), "-f",
                "-c", config.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve(run + ".out").toFile())
                .redirectError(directory.resolve(run + ".err").toFile())
                .start();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }

    /** The first run's sequence numbers in the output file. */
    private record Received(BitSet seen, long count, long highest, long duplicates, long torn) {
        static Received of(Path file) throws IOException {
            BitSet seen = new BitSet();
            long count = 0;
            long highest = -1;
            long duplicates = 0;
            long torn = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                Matcher matcher = FIRST_RUN.matcher(line);
                if (line.matches("first \\d+@[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}")) {
                    int number = Integer.parseInt(matcher.find() ? matcher.group(1) : "-1");
                    duplicates += seen.get(number) ? 1 : 0;
                    seen.set(number);
                    highest = Math.max(highest, number);
                    count++;
                } else if (!line.matches("second \\d+@.*")) {
                    torn++;
                }
            }
            return new Received(seen, count, highest, duplicates, torn);
        }
    }

    /** What a copy of the queue directory holds: records queued, the highest sequence number, those in flight. */
    private record QueueSnapshot(long queued, long highest, long inFlight) {
        static QueueSnapshot of(Path queueDirectory, Path copy) throws Exception {
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(queueDirectory)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            PersistentQueue queue = new PersistentQueue(copy, Integer.MAX_VALUE, false);
            long queued = queue.size();
            long highest = -1;
            LogRecord[] batch = new LogRecord[1000];
            for (int taken; (taken = queue.take(batch, batch.length, 0)) > 0; ) {
                for (int i = 0; i < taken; i++) {
                    Matcher matcher = FIRST_RUN.matcher(String.valueOf(batch[i].get(CoreFields.RAW_EVENT)));
                    if (matcher.find()) {
                        highest = Math.max(highest, Long.parseLong(matcher.group(1)));
                    }
                }
                queue.acknowledge(taken);
            }
            queue.close();
            return new QueueSnapshot(queued, highest, queue.possibleDuplicates());
        }
    }
}
