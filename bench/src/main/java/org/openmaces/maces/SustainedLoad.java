package org.openmaces.maces;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmaces.core.runtime.AgentRuntime;

/**
 * Sustained load (issue 8): fake-es at a fixed rate → shim (flatten, ring) → im_maces → {@code to_json()} →
 * om_tcp → a real rsyslogd on 127.0.0.1, for minutes. Question: does the whole path keep up without
 * dropping anything, and does the agent's memory stay flat?
 *
 * <pre>
 *   java -Xms16m -Xmx256m -XX:+UseSerialGC -Djna.library.path=native/target/lib \
 *        -cp bench/target/benchmarks.jar org.openmaces.maces.SustainedLoad RATE SECONDS [json-on-input]
 * </pre>
 * {@code to_json()} runs in om_tcp's Exec (on the output's thread), or with {@code json-on-input} in
 * im_maces's Exec (on the input's thread, leaving the output thread only framing and sending).
 * {@code -Dbench.ringsize=128M} sets im_maces's RingSize (default 32M).
 * The generator posts RATE/100 events every 10 ms (open, close, write, open, close, exec in turn, message
 * version 10). rsyslogd counts what it received (impstats, imtcp "submitted") and throws the messages away,
 * so ten minutes at 100 k/s need no disk. Every 10 s one line: events generated, received by rsyslogd,
 * the agent's loss counters (ring drops, sequence gaps, queue drops) and its RSS. At the end: the totals
 * (generated = received + reported losses must hold, and losses must be 0) and the RSS trend, a least-squares
 * slope over the second half of the run (after warm-up), in MB per minute. Not a test: it prints figures.
 */
public final class SustainedLoad {
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Pattern SUBMITTED = Pattern.compile("\"origin\":\\s*\"imtcp\".*?\"submitted\":\\s*(\\d+)");
    private static final Pattern LOST = Pattern.compile("lost (\\d+) \\(");

    private SustainedLoad() {
    }

    public static void main(String[] arguments) throws Exception {
        System.setProperty("openmaces.fake-es", "true");
        int rate = Integer.parseInt(arguments[0]);
        int seconds = Integer.parseInt(arguments[1]);
        boolean jsonOnInput = arguments.length > 2 && arguments[2].equals("json-on-input");
        Path work = Files.createTempDirectory("sustained-load");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process receiver = startRsyslog(work, port);
        try {
            run(work, rate, seconds, (jsonOnInput ? "tcp-input:" : "tcp:") + port);
        } finally {
            receiver.destroyForcibly().waitFor();
        }
        System.exit(0);
    }

    private static void run(Path work, int rate, int seconds, String output) throws Exception {
        AgentRuntime runtime = MacesThroughput.start(work, "exec, open, close, write", output);
        MacesThroughput.FakeEs fake = MacesThroughput.FakeEs.INSTANCE;
        int[] types = {10, 12, 33, 10, 12, 9};
        long perTick = rate / 100;
        long generated = 0;
        List<double[]> rss = new ArrayList<>();
        long start = System.nanoTime();
        System.out.printf("%8s %14s %14s %10s %8s%n", "second", "generated", "received", "lost", "RSS MB");
        for (long tick = 0; tick < seconds * 100L; tick++) {
            long due = start + tick * 10_000_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(0, 200_000);
            }
            generated += fake.fake_es_generate(types[(int) (tick % types.length)], 10, perTick);
            if (tick % 1000 == 999) {
                double second = (System.nanoTime() - start) / 1e9;
                double rssMb = rssKb() / 1024.0;
                rss.add(new double[] {second, rssMb});
                System.out.printf("%8.0f %14d %14d %10d %8.1f%n", second, generated, received(work), lost(runtime), rssMb);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received(work) + lost(runtime) < generated && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(6_000); // one more impstats interval, so the count is final
        long received = received(work);
        long lost = lost(runtime);
        String report = runtime.statusReport();
        runtime.stop();
        System.out.print(report);
        System.out.printf("sustained %d events/s for %.0f s through to_json() and om_tcp to rsyslogd: %d generated,"
                + " %d received by rsyslogd, %d reported lost, %d unaccounted%n", rate, elapsed, generated, received, lost,
                generated - received - lost);
        System.out.printf("RSS: first sample %.0f MB, last %.0f MB, peak %.0f MB (VmHWM); trend over the second half:"
                + " %+.2f MB/min%n", rss.get(0)[1], rss.get(rss.size() - 1)[1], MacesThroughput.peakRssKb() / 1024.0,
                slope(rss.subList(rss.size() / 2, rss.size())) * 60);
    }

    /** Least-squares slope of {second, MB} samples, in MB per second. */
    static double slope(List<double[]> samples) {
        double n = samples.size();
        if (n < 2) {
            return 0;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] sample : samples) {
            sx += sample[0];
            sy += sample[1];
            sxx += sample[0] * sample[0];
            sxy += sample[0] * sample[1];
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** The agent's loss counters, summed (ring drops, sequence gaps, queue drops, ...). */
    private static long lost(AgentRuntime runtime) {
        long total = 0;
        Matcher matcher = LOST.matcher(runtime.statusReport());
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1));
        }
        return total;
    }

    /** What rsyslogd's imtcp said it received, in its last statistics line. */
    private static long received(Path work) throws IOException {
        Path stats = work.resolve("rsyslog/stats.log");
        if (!Files.exists(stats)) {
            return 0;
        }
        long last = 0;
        for (String line : Files.readAllLines(stats)) {
            Matcher matcher = SUBMITTED.matcher(line);
            if (matcher.find()) {
                last = Long.parseLong(matcher.group(1));
            }
        }
        return last;
    }

    private static Process startRsyslog(Path work, int port) throws Exception {
        if (!Files.isExecutable(RSYSLOGD)) {
            throw new IllegalStateException("rsyslogd is not installed (.ci/install-deps installs it)");
        }
        Path directory = Files.createDirectories(work.resolve("rsyslog"));
        Path config = directory.resolve("rsyslog.conf");
        Files.writeString(config, String.join("\n",
                "global(workDirectory=\"" + directory + "\" maxMessageSize=\"256k\")",
                "module(load=\"impstats\" interval=\"5\" format=\"json\" log.syslog=\"off\" log.file=\""
                        + directory.resolve("stats.log") + "\")",
                "module(load=\"imtcp\")",
                "input(type=\"imtcp\" port=\"" + port + "\" ruleset=\"discard\")",
                // rsyslogd refuses to run without an action: one that never fires
                "ruleset(name=\"discard\") { if $programname == \"never-sent\" then { action(type=\"omfile\""
                        + " file=\"/dev/null\") } stop }", ""));
        Process process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", config.toString(), "-i",
                directory.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("rsyslogd.out").toFile()).start();
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
        throw new IllegalStateException("rsyslogd did not listen on " + port + ": "
                + Files.readString(directory.resolve("rsyslogd.out")));
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
