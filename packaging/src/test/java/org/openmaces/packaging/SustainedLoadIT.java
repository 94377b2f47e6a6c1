package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;

/**
 * The short, CI-sized version of bench's SustainedLoad (issue 8; the 10-minute run and its figures are in
 * docs/PERFORMANCE.md): fake-es → shim → ring → im_maces → {@code to_json()} → om_tcp → a real rsyslogd, at
 * 20,000 events/s (a fifth of what the path does on this machine) for 20 s. Every generated event must be
 * received by rsyslogd: none lost, and in any case generated = received + reported losses, exactly.
 */
@Timeout(180)
class SustainedLoadIT {
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final int RATE = 20_000;
    private static final int SECONDS = 20;
    private static final Pattern SUBMITTED = Pattern.compile("\"origin\":\\s*\"imtcp\".*?\"submitted\":\\s*(\\d+)");
    private static final Pattern LOST = Pattern.compile("lost (\\d+) \\(");

    interface FakeEs extends Library {
        long fake_es_generate(int eventType, int version, long count);
    }

    @TempDir
    Path directory;

    @Test
    void shouldDeliverEveryEventAtASteadyRateThroughJsonAndTcpToRsyslog() throws Exception {
        assumeTrue(Files.isExecutable(RSYSLOGD), "rsyslogd is not installed (run .ci/install-deps)");
        System.setProperty("openmaces.fake-es", "true");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process receiver = startRsyslog(port);
        try {
            AgentRuntime runtime = new RuntimeHarness(directory, new NxlogLanguage()).assemble("""
                    CacheDir %s
                    <Extension json>
                        Module xm_json
                    </Extension>
                    <Input es>
                        Module im_maces
                        NotifyEvents exec, open, close, write
                        RingSize 128M
                        Exec to_json();
                    </Input>
                    <Output out>
                        Module om_tcp
                        Host 127.0.0.1:%d
                    </Output>
                    """.formatted(directory.resolve("cache"), port), false);
            runtime.start();
            FakeEs fake = Native.load("nxes", FakeEs.class);
            int[] types = {10, 12, 33, 10, 12, 9}; // open, close, write, open, close, exec
            long generated = 0;
            long start = System.nanoTime();
            for (long tick = 0; tick < SECONDS * 100L; tick++) {
                long due = start + tick * 10_000_000L;
                while (System.nanoTime() < due) {
                    Thread.sleep(0, 200_000);
                }
                generated += fake.fake_es_generate(types[(int) (tick % types.length)], 10, RATE / 100);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received() + lost(runtime) < generated && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            Thread.sleep(6_000); // one more statistics interval: the count is final
            long received = received();
            String report = runtime.statusReport();
            long lost = lost(runtime);
            runtime.stop();
            String figures = generated + " generated, " + received + " received by rsyslogd, " + lost + " reported lost";
            System.out.println("SustainedLoadIT: " + RATE + " events/s for " + SECONDS + " s: " + figures);
            assertEquals(RATE * SECONDS, generated, "fake-es delivered every event to the shim");
            assertEquals(generated, received + lost, "every event is delivered or reported lost: " + figures + "\n" + report);
            assertEquals(0, lost, figures + "\n" + report);
            assertTrue(received > 0);
        } finally {
            receiver.destroyForcibly().waitFor();
        }
    }

    private static long lost(AgentRuntime runtime) {
        long total = 0;
        Matcher matcher = LOST.matcher(runtime.statusReport());
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1));
        }
        return total;
    }

    private long received() throws IOException {
        Path stats = directory.resolve("rsyslog/stats.log");
        long last = 0;
        if (Files.exists(stats)) {
            for (String line : Files.readAllLines(stats)) {
                Matcher matcher = SUBMITTED.matcher(line);
                if (matcher.find()) {
                    last = Long.parseLong(matcher.group(1));
                }
            }
        }
        return last;
    }

    /** rsyslogd counting what imtcp received (impstats every 5 s) and discarding the messages. */
    private Process startRsyslog(int port) throws Exception {
        Path rsyslog = Files.createDirectories(directory.resolve("rsyslog"));
        Path config = rsyslog.resolve("rsyslog.conf");
        Files.writeString(config, String.join("\n",
                "global(workDirectory=\"" + rsyslog + "\" maxMessageSize=\"256k\")",
                "module(load=\"impstats\" interval=\"5\" format=\"json\" log.syslog=\"off\" log.file=\""
                        + rsyslog.resolve("stats.log") + "\")",
                "module(load=\"imtcp\")",
                "input(type=\"imtcp\" port=\"" + port + "\" ruleset=\"discard\")",
                "ruleset(name=\"discard\") { if $programname == \"never-sent\" then { action(type=\"omfile\""
                        + " file=\"/dev/null\") } stop }", ""));
        Process process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", config.toString(), "-i",
                rsyslog.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(rsyslog.resolve("rsyslogd.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("rsyslogd did not listen: " + Files.readString(rsyslog.resolve("rsyslogd.out")));
    }
}
