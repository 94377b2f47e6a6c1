package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** bin/nxlog as a real process: exit statuses, signals, PidFile, logging. */
@Timeout(120)
class AgentProcessIT {
    @TempDir
    Path directory;

    private Process start(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(CheckoutPaths.root().resolve("bin/nxlog").toString()));
        command.addAll(List.of(arguments));
        return launch(command);
    }

    /** Runs {@code command} in the test's directory, its output in stdout.txt and stderr.txt. */
    private Process launch(List<String> command) throws IOException {
        return new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
    }

    private String read(String name) throws IOException {
        Path file = directory.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private Path config(String outputFile, String maxCount, String extra) throws IOException {
        Path file = directory.resolve("nxlog.conf");
        Files.writeString(file, """
                CacheDir %s
                PidFile %s
                LogFile %s
                %s
                <Input gen>
                    Module im_testgen
                    MaxCount %s
                </Input>
                <Output out>
                    Module om_file
                    File "%s"
                </Output>
                """.formatted(directory.resolve("cache"), directory.resolve("nxlog.pid"), directory.resolve("nxlog.log"),
                extra, maxCount, directory.resolve(outputFile)));
        return file;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
    }

    @Test
    void shouldVerifyAndReportErrorsWithExitStatusOne() throws Exception {
        Path good = config("out.log", "10", "");
        Process verify = start("-v", "-c", good.toString());
        assertEquals(0, verify.waitFor());
        assertEquals("configuration OK\n", read("stdout.txt"));

        Files.writeString(good, Files.readString(good).replace("MaxCount 10", "MaxCount ten"));
        Process bad = start("-v", "-c", good.toString());
        assertEquals(1, bad.waitFor());
        assertTrue(read("stderr.txt").contains(good + ":7: invalid value 'ten' for MaxCount"), read("stderr.txt"));
    }

    @Test
    void shouldFlushEverythingAndRemoveThePidFileOnSigterm() throws Exception {
        Path file = config("out.log", "0", "");
        Process agent = start("-c", file.toString());
        waitFor(() -> Files.exists(directory.resolve("nxlog.pid")), "the PidFile");
        assertEquals(Long.toString(agent.pid()), Files.readString(directory.resolve("nxlog.pid")).trim());
        waitFor(() -> Files.exists(directory.resolve("out.log")) && Files.size(directory.resolve("out.log")) > 100_000,
                "records in the output");
        signal(agent, "TERM");
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, agent.exitValue(), read("nxlog.log"));
        assertFalse(Files.exists(directory.resolve("nxlog.pid")));
        List<String> lines = Files.readAllLines(directory.resolve("out.log"));
        String last = lines.get(lines.size() - 1);
        assertEquals(lines.size() - 1, Long.parseLong(last.substring(0, last.indexOf('@'))),
                "every generated record up to the last one was written, in order, none missing");
        assertTrue(read("nxlog.log").contains("INFO SIGTERM received, stopping"), read("nxlog.log"));
    }

    @Test
    void shouldKeepRunningOnSighupWithABrokenConfigAndApplyAFixedOne() throws Exception {
        Path file = config("out.log", "0", "");
        Process agent = start("-c", file.toString());
        waitFor(() -> read("nxlog.log").contains("started"), "start");
        Files.writeString(file, Files.readString(file).replace("Module om_file", "Module om_flie"));
        signal(agent, "HUP");
        waitFor(() -> read("nxlog.log").contains("the running configuration stays in effect"), "the reload to be refused");
        assertTrue(read("nxlog.log").contains("unknown module 'om_flie'; did you mean 'om_file'?"), read("nxlog.log"));
        assertTrue(agent.isAlive());

        Files.writeString(file, Files.readString(file).replace("Module om_flie", "Module om_file"));
        signal(agent, "HUP");
        waitFor(() -> read("nxlog.log").contains("configuration reloaded"), "the reload");
        signal(agent, "USR1");
        waitFor(() -> read("nxlog.log").contains("records written"), "the status report");
        signal(agent, "INT");
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, agent.exitValue());
    }

    @Test
    void shouldActOnSigintAndSighupThatItsParentSetToBeIgnored() throws Exception {
        // As a script's background job ("nxlog -f &") gets SIGINT ignored, and nohup SIGHUP: the JVM alone
        // would install no handler for them, and the agent would neither stop on SIGINT nor reload on SIGHUP.
        Path file = config("out.log", "0", "");
        List<String> command = List.of("bash", "-c", "trap '' INT HUP; exec \"$0\" \"$@\"",
                CheckoutPaths.root().resolve("bin/nxlog").toString(), "-c", file.toString());
        Process agent = launch(command);
        waitFor(() -> read("nxlog.log").contains("started"), "start");
        signal(agent, "HUP");
        waitFor(() -> read("nxlog.log").contains("configuration reloaded"), "the reload");
        signal(agent, "INT");
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent stops on SIGINT");
        assertEquals(0, agent.exitValue());
        String said = read("stdout.txt") + read("stderr.txt") + read("nxlog.log");
        assertTrue(said.contains("SIGINT was set to be ignored by the process that started the agent; the agent handles it"), said);
        assertTrue(said.contains("SIGHUP was set to be ignored"), said);
    }

    @Test
    void shouldPrintUsageAndRejectUnknownOptions() throws Exception {
        Process help = start("-h");
        assertEquals(0, help.waitFor());
        assertTrue(read("stdout.txt").contains("usage: nxlog"));
        Process wrong = start("--bogus");
        assertEquals(1, wrong.waitFor());
        assertTrue(read("stderr.txt").contains("unknown option '--bogus'"));
    }
}
