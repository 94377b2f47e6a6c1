package org.openmaces.maces;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.ModuleRegistry;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.runtime.RuntimeOptions;

/**
 * End to end through the real shim on fake-es (Linux): fake-es generator -> shim (flatten, ring)
 * -> im_maces (decode, select, map) -> Exec -> output, in one agent process.
 *
 * <pre>
 *   java -Dopenmaces.fake-es=true -Djna.library.path=native/target/lib -cp ... org.openmaces.maces.MacesThroughput MODE ...
 *   throughput EVENTS SECONDS [OUTPUT]   EVENTS: open,close | exec; the generator keeps the ring busy but never full
 *   sustained RATE SECONDS [OUTPUT]      paced generator; reports drops (must be 0)
 *   idle SECONDS                         CPU the started, idle agent uses
 * </pre>
 * OUTPUT: {@code count} (default: an output that only counts), {@code file:FILE} (om_file writing
 * {@code $raw_event}) or {@code json:FILE} (xm_json's to_json() in om_file's Exec); FILE is deleted
 * first. The input routes to that one output only. Prints one line per figure, for throughput the CPU
 * time per event by thread, and the peak RSS.
 */
public final class MacesThroughput {
    interface FakeEs extends Library {
        FakeEs INSTANCE = Native.load("nxes", FakeEs.class);

        long fake_es_generate(int eventType, int version, long count);
    }

    static final AtomicLong DELIVERED = new AtomicLong();

    /** om_count: counts records, writes nothing. */
    public static final class CountingOutput implements ModuleProvider {
        @Override
        public String name() {
            return "om_count";
        }

        @Override
        public ModuleKind kind() {
            return ModuleKind.OUTPUT;
        }

        @Override
        public List<DirectiveSpec> directives() {
            return List.of();
        }

        @Override
        public ModuleInstance create(ModuleContext context) {
            return new OutputInstance() {
                private long pending;

                @Override
                public void write(LogRecord record) {
                    pending++;
                }

                @Override
                public void flush() {
                    DELIVERED.addAndGet(pending);
                    pending = 0;
                }

                @Override
                public String destination() {
                    return "a counter";
                }
            };
        }
    }

    private MacesThroughput() {
    }

    public static void main(String[] arguments) throws Exception {
        System.setProperty("openmaces.fake-es", "true");
        String mode = arguments[0];
        Path work = Files.createTempDirectory("maces-bench");
        switch (mode) {
            case "throughput" -> throughput(work, arguments[1], Integer.parseInt(arguments[2]),
                    arguments.length > 3 ? arguments[3] : "count");
            case "sustained" -> sustained(work, Integer.parseInt(arguments[1]), Integer.parseInt(arguments[2]),
                    arguments.length > 3 ? arguments[3] : "count");
            case "idle" -> idle(work, Integer.parseInt(arguments[1]));
            default -> throw new IllegalArgumentException("mode throughput, sustained or idle, not " + mode);
        }
        System.out.printf("peak RSS: %d MB%n", peakRssKb() / 1024);
        System.exit(0);
    }

    static AgentRuntime start(Path work, String notifyEvents, String output) throws Exception {
        String outputBlock;
        String extension = "";
        String exec = "";
        if (output.startsWith("json:") || output.startsWith("file:")) {
            Files.deleteIfExists(Path.of(output.substring(5))); // om_file appends: start from an empty file
        }
        if (output.startsWith("json:")) {
            extension = "<Extension json>\n    Module xm_json\n</Extension>\n";
            // to_json() in the output's Exec: it runs on the output's thread, beside the input's
            outputBlock = "    Module om_file\n    File \"" + output.substring(5) + "\"\n    Exec to_json();\n";
        } else if (output.startsWith("tcp:")) {
            // to_json() and om_tcp to a receiver on 127.0.0.1 (SustainedLoad runs rsyslogd there)
            extension = "<Extension json>\n    Module xm_json\n</Extension>\n";
            outputBlock = "    Module om_tcp\n    Host 127.0.0.1:" + output.substring(4) + "\n    Exec to_json();\n";
        } else if (output.startsWith("tcp-input:")) {
            // the same with to_json() in the input's Exec: the JSON is made on the input thread
            extension = "<Extension json>\n    Module xm_json\n</Extension>\n";
            exec = "    Exec to_json();\n";
            outputBlock = "    Module om_tcp\n    Host 127.0.0.1:" + output.substring(10) + "\n";
        } else if (output.startsWith("file:")) {
            outputBlock = "    Module om_file\n    File \"" + output.substring(5) + "\"\n";
        } else {
            outputBlock = "    Module om_count\n";
        }
        String config = "CacheDir " + work + "/cache\n" + extension
                + "<Input es>\n    Module im_maces\n    NotifyEvents " + notifyEvents + "\n    FlowControl TRUE\n" + exec
                // -Dbench.ringsize=128M: a larger ring than the default 32 MiB
                + (System.getProperty("bench.ringsize") != null ? "    RingSize " + System.getProperty("bench.ringsize") + "\n" : "")
                + "</Input>\n<Output out>\n" + outputBlock
                // -Dbench.logqueuesize=N: a longer output queue than the default 100 records
                + (System.getProperty("bench.logqueuesize") != null ? "    LogqueueSize " + System.getProperty("bench.logqueuesize") + "\n" : "")
                + "</Output>\n<Route r>\n    Path es => out\n</Route>\n";
        ConfigurationLoader loader = new ConfigurationLoader(ModuleRegistry.discoverPlus(List.of(new CountingOutput())), work,
                new ByteArrayInputStream(new byte[0]), Map.of(), ZoneId.systemDefault());
        Diagnostics diagnostics = new Diagnostics();
        AgentConfiguration configuration = loader.loadText(work.resolve("bench.conf"), config, true, diagnostics);
        AgentRuntime runtime = configuration == null ? null
                : new AgentRuntime(configuration, settings -> new NxlogLanguage(), RuntimeOptions.defaults());
        if (runtime == null || !runtime.assemble(diagnostics, true)) {
            for (Diagnostic diagnostic : diagnostics.all()) {
                System.err.println(diagnostic.format());
            }
            throw new IllegalStateException("bench configuration failed");
        }
        runtime.start();
        return runtime;
    }

    /**
     * Records that reached the output: the counting output's tally, or the "records written" that
     * om_file (or om_tcp) reports once a batch is written, so a file output needs no second output
     * beside it (a second destination would cost the input thread a record copy per event).
     */
    static long delivered(AgentRuntime runtime, String output) {
        return output.equals("count") ? DELIVERED.get() : runtime.count("out", "records written");
    }

    /** Keeps the ring fed but below 40 000 records ahead of the output, so nothing drops; measures the rate out. */
    static void throughput(Path work, String events, int seconds, String output) throws Exception {
        int[] types = events.equals("exec") ? new int[] {9} : new int[] {10, 12};
        AgentRuntime runtime = start(work, events.equals("exec") ? "exec" : "open, close", output);
        FakeEs fake = FakeEs.INSTANCE;
        long generated = 0;
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        long measureStart = 0;
        long deliveredAtStart = 0;
        ThreadCpu cpuAtStart = null;
        HostCpu hostAtStart = null;
        long end = Long.MAX_VALUE;
        int next = 0;
        while (System.nanoTime() < end) {
            if (measureStart == 0 && System.nanoTime() > warmupEnd) {
                measureStart = System.nanoTime();
                deliveredAtStart = delivered(runtime, output);
                cpuAtStart = ThreadCpu.now();
                hostAtStart = HostCpu.now();
                end = measureStart + seconds * 1_000_000_000L;
            }
            // stay well inside the 32 MiB ring: about 40 000 open/close records, 8 000 exec records
            if (generated - delivered(runtime, output) < (types.length == 1 ? 8_000 : 40_000)) {
                generated += fake.fake_es_generate(types[next++ % types.length], 10, types.length == 1 ? 1_000 : 5_000);
            } else {
                // two cores: leave them to the agent (the 8 000 to 40 000 events ahead last tens of milliseconds)
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }
        long count = delivered(runtime, output) - deliveredAtStart;
        double elapsed = (System.nanoTime() - measureStart) / 1e9;
        ThreadCpu cpuAtEnd = ThreadCpu.now();
        HostCpu hostAtEnd = HostCpu.now();
        long deliveredInAll = delivered(runtime, output);
        runtime.stop();
        System.out.printf("%s -> im_maces -> %s: %.0f events/s over %.1f s (%d events generated in all, %d delivered)%n",
                events, output, count / elapsed, elapsed, generated, deliveredInAll);
        // "fake-es" is the generator: fake-es's serial thread makes each event and runs the shim's handler
        System.out.println(cpuAtEnd.since(cpuAtStart, count, elapsed));
        System.out.println(hostAtEnd.since(hostAtStart));
    }

    /** A paced generator at RATE events/s (exec and open/close mixed) for SECONDS; every event must arrive. */
    static void sustained(Path work, int rate, int seconds, String output) throws Exception {
        AgentRuntime runtime = start(work, "exec, open, close, write", output);
        FakeEs fake = FakeEs.INSTANCE;
        int[] types = {10, 12, 33, 10, 12, 9};
        long perTick = rate / 100;
        long generated = 0;
        long start = System.nanoTime();
        for (long tick = 0; tick < seconds * 100L; tick++) {
            long due = start + tick * 10_000_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(0, 200_000);
            }
            generated += fake.fake_es_generate(types[(int) (tick % types.length)], 10, perTick);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (delivered(runtime, output) < generated && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long delivered = delivered(runtime, output);
        runtime.stop();
        System.out.printf("sustained %d events/s for %.1f s: %d generated, %d delivered, %d lost%n", rate, elapsed,
                generated, delivered, generated - delivered);
    }

    static void idle(Path work, int seconds) throws Exception {
        AgentRuntime runtime = start(work, "open, close", "count");
        Thread.sleep(2000);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double cpu = (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
        runtime.stop();
        System.out.printf("idle agent: %.2f%% of one CPU over %d s%n", cpu * 100, seconds);
    }

    static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
