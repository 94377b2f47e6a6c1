package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test (issue 8): a generator much faster than one of its two consumers, without flow control. For
 * each destination, the records in its file plus the drops the agent reported in its own log at shutdown
 * must equal the records generated, exactly; the fast destination (whose queue could hold every record)
 * loses nothing, and no record is written twice.
 */
@Timeout(180)
class LossAccountingIT {
    private static final int GENERATED = 300_000;

    @TempDir
    Path directory;

    @Test
    void shouldAccountForEveryGeneratedRecordAsDeliveredOrReportedDropped() throws Exception {
        Path config = directory.resolve("nxlog.conf");
        Path log = directory.resolve("nxlog.log");
        // The slow output runs a backtracking regular expression on every record: far slower than im_testgen.
        Files.writeString(config, """
                CacheDir %s
                LogFile %s
                <Input gen>
                    Module im_testgen
                    MaxCount %d
                    FlowControl FALSE
                </Input>
                <Output fast>
                    Module om_file
                    File "%s"
                    LogqueueSize 300000
                </Output>
                <Output slow>
                    Module om_file
                    File "%s"
                    LogqueueSize 100
                    Exec if $raw_event =~ /^(\\d*)*(\\d*)*(\\d*)*x/ drop();
                </Output>
                <Route both>
                    Path gen => fast, slow
                </Route>
                """.formatted(directory.resolve("cache"), log, GENERATED, directory.resolve("fast.log"),
                directory.resolve("slow.log")));
        Process agent = new ProcessBuilder(CheckoutPaths.root().resolve("bin/nxlog").toString(), "-c", config.toString(),
                "--oneshot").directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
        assertTrue(agent.waitFor(150, TimeUnit.SECONDS), "the agent did not finish");
        String agentLog = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, agent.exitValue(), agentLog + Files.readString(directory.resolve("stderr.txt")));

        long fastDelivered = distinctRecords(directory.resolve("fast.log"));
        long slowDelivered = distinctRecords(directory.resolve("slow.log"));
        long fastDropped = reportedDrops(agentLog, "fast");
        long slowDropped = reportedDrops(agentLog, "slow");
        String figures = "generated " + GENERATED + "; fast: delivered " + fastDelivered + ", reported dropped "
                + fastDropped + "; slow: delivered " + slowDelivered + ", reported dropped " + slowDropped;
        System.out.println("LossAccountingIT: " + figures);
        assertEquals(GENERATED, fastDelivered + fastDropped, figures);
        assertEquals(GENERATED, slowDelivered + slowDropped, figures);
        assertEquals(0, fastDropped, figures);
        assertTrue(slowDropped > 0, "the slow output really was slower: " + figures);
    }

    /** Records in the file; fails on a duplicate (nothing is written twice when no write fails). */
    private static long distinctRecords(Path file) throws IOException {
        BitSet seen = new BitSet();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (String line : lines) {
            int number = Integer.parseInt(line.substring(0, line.indexOf('@')));
            assertTrue(!seen.get(number), "record " + number + " written twice to " + file);
            seen.set(number);
        }
        return seen.cardinality();
    }

    /** The total the loss reporter logged at shutdown for copies dropped on the way to {@code output}. */
    private static long reportedDrops(String agentLog, String output) {
        Matcher matcher = Pattern.compile("lost (\\d+) records or events in total: records dropped for '" + output
                + "' because its queue was full").matcher(agentLog);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
