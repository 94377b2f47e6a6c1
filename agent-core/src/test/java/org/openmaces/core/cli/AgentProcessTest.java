package org.openmaces.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.core.testing.FakeLanguage;
import org.openmaces.core.testing.RuntimeHarness;

@Timeout(60)
class AgentProcessTest {
    @TempDir
    Path directory;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private AgentProcess process(Path config, boolean oneshot) {
        RuntimeHarness harness = new RuntimeHarness(directory, new FakeLanguage());
        return new AgentProcess(config, false, harness.loader(), settings -> new FakeLanguage(), harness.options(oneshot),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    private Path config(String sink, String extra) throws Exception {
        Path file = directory.resolve("nxlog.conf");
        Files.writeString(file, "CacheDir " + directory + "\nLogFile " + directory.resolve("nxlog.log") + "\n"
                + "PidFile " + directory.resolve("nxlog.pid") + "\n" + """
                <Input gen>
                    Module im_testgen
                    MaxCount %s
                </Input>
                <Output out>
                    Module om_collect
                    Sink %s
                </Output>
                """.formatted(extra, sink));
        return file;
    }

    @Test
    void shouldPrintConfigurationOkForAValidConfig() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = process(config("verify-ok", "10"), false).verify(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(AgentProcess.EXIT_OK, status, errors.toString());
        assertEquals("configuration OK\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintEveryErrorAndExitOneForABadConfig() throws Exception {
        Path file = directory.resolve("bad.conf");
        Files.writeString(file, "<Input gen>\n Module im_testgen\n MaxCount lots\n Exec nonsense();\n</Input>\n"
                + "<Output out>\n Module om_nothing\n</Output>\n");
        int status = process(file, false).verify(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(AgentProcess.EXIT_CONFIGURATION_ERROR, status);
        String text = errors.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(file + ":3: invalid value 'lots' for MaxCount"), text);
        assertTrue(text.contains(file + ":7: unknown module 'om_nothing'"), text);
        assertTrue(text.contains("errors in " + file + "; nothing was started"), text);
    }

    @Test
    void shouldStopGracefullyAndFlushEverything() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("graceful");
        sink.delayMillisPerFlush = 1;
        AgentProcess process = process(config("graceful", "0"), false);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(process::run);
        waitFor(() -> sink.size() > 1000);
        assertTrue(Files.exists(directory.resolve("nxlog.pid")));
        process.requestStop();
        assertEquals(AgentProcess.EXIT_OK, status.get(30, TimeUnit.SECONDS));
        // Everything generated was delivered before exit: counters 0..n-1, none missing.
        java.util.Set<Long> counters = new java.util.HashSet<>();
        sink.records().forEach(record -> {
            String raw = record.getString(org.openmaces.core.record.CoreFields.RAW_EVENT);
            counters.add(Long.parseLong(raw.substring(0, raw.indexOf('@'))));
        });
        assertEquals(sink.size(), counters.size());
        assertEquals(sink.size() - 1, java.util.Collections.max(counters));
        assertFalse(Files.exists(directory.resolve("nxlog.pid")), "the PidFile is removed at exit");
        assertTrue(Files.readString(directory.resolve("nxlog.log")).contains("INFO stopped"));
    }

    @Test
    void shouldKeepTheRunningConfigurationWhenTheReloadedOneIsInvalid() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("reload");
        sink.delayMillisPerFlush = 1;
        Path file = config("reload", "0");
        AgentProcess process = process(file, false);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(process::run);
        waitFor(() -> sink.size() > 100);
        Files.writeString(file, Files.readString(file).replace("MaxCount 0", "MaxCount many"));
        assertFalse(process.reload());
        int before = sink.size();
        waitFor(() -> sink.size() > before + 100);
        String log = Files.readString(directory.resolve("nxlog.log"));
        assertTrue(log.contains("invalid value 'many' for MaxCount"), log);
        assertTrue(log.contains("the running configuration stays in effect"), log);

        Files.writeString(file, Files.readString(file).replace("MaxCount many", "MaxCount 0"));
        assertTrue(process.reload());
        int after = sink.size();
        waitFor(() -> sink.size() > after + 100);
        process.requestStop();
        assertEquals(AgentProcess.EXIT_OK, status.get(30, TimeUnit.SECONDS));
    }

    @Test
    void shouldRunOneshotToTheEnd() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("oneshot");
        assertEquals(AgentProcess.EXIT_OK, process(config("oneshot", "2500"), true).run());
        assertEquals(2500, sink.size());
    }

    @Test
    void shouldExitOneWhenTheConfigIsMissing() {
        assertEquals(AgentProcess.EXIT_CONFIGURATION_ERROR, process(directory.resolve("none.conf"), false).run());
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("cannot read the configuration file"), errors.toString());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(10);
        }
    }
}
