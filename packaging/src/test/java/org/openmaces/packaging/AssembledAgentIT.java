package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher starts the agent from the installed layout with the layout's own jlink runtime (no JDK from
 * the environment), as launchd and systemd start it.
 */
@Timeout(120)
class AssembledAgentIT {
    @TempDir
    Path directory;

    private static Path launcher() {
        return Payload.macosRoot().resolve("opt/nxlog/bin/nxlog");
    }

    /** No JAVA_HOME: the launcher must use the runtime/ beside it. */
    private static Map<String, String> bundleOnly() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("JAVA_HOME");
        environment.remove("NXLOG_JAVA_HOME");
        environment.remove("JAVA_TOOL_OPTIONS");
        return environment;
    }

    private static Payload.Result run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(arguments));
        return Payload.run(null, withEnvironment(environment, command));
    }

    /** env -i with the given variables: Payload.run only adds to the inherited environment. */
    private static List<String> withEnvironment(Map<String, String> environment, List<String> command) {
        List<String> full = new java.util.ArrayList<>(List.of("env", "-i"));
        environment.forEach((name, value) -> full.add(name + "=" + value));
        full.addAll(command);
        return full;
    }

    private Path config(String body) throws Exception {
        Path file = directory.resolve("nxlog.conf");
        Files.writeString(file, "CacheDir " + directory.resolve("cache") + "\nLogFile " + directory.resolve("nxlog.log")
                + "\n" + body);
        return file;
    }

    @Test
    void shouldRunTheAgentFromTheLayoutWithItsOwnRuntime() throws Exception {
        Path out = directory.resolve("out.log");
        Path file = config("<Input gen>\n Module im_testgen\n MaxCount 1000\n</Input>\n"
                + "<Output file>\n Module om_file\n File \"" + out + "\"\n</Output>\n");
        Payload.Result result = run(bundleOnly(), "--oneshot", "-c", file.toString());
        assertEquals(0, result.status(), result.output() + Files.readString(directory.resolve("nxlog.log")));
        assertEquals(1000, Files.readAllLines(out).size());
        Payload.Result version = run(bundleOnly(), "--version");
        assertTrue(version.output().startsWith("nxlog (OpenMacES) " + System.getProperty("openmaces.version", "")),
                version.output());
    }

    @Test
    void shouldStopGracefullyOnSigtermAsLaunchdSendsIt() throws Exception {
        Path out = directory.resolve("out.log");
        Path file = config("<Input gen>\n Module im_testgen\n MaxCount 0\n</Input>\n"
                + "<Output file>\n Module om_file\n File \"" + out + "\"\n</Output>\n");
        Process agent = new ProcessBuilder(withEnvironment(bundleOnly(), List.of(launcher().toString(), "-c", file.toString())))
                .redirectErrorStream(true).redirectOutput(directory.resolve("stdout.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!(Files.exists(out) && Files.size(out) > 10_000) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(out), "the agent wrote nothing: " + Files.readString(directory.resolve("stdout.txt")));
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(agent.pid())).start().waitFor());
        assertTrue(agent.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, agent.exitValue(), Files.readString(directory.resolve("nxlog.log")));
        assertTrue(Files.readString(directory.resolve("nxlog.log")).contains("SIGTERM received, stopping"));
    }

    @Test
    void shouldReportAConfigurationErrorWithFileAndLine() throws Exception {
        Path file = config("<Input gen>\n Module im_testgen\n MaxCount lots\n</Input>\n");
        Payload.Result result = run(bundleOnly(), "-v", "-c", file.toString());
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains(file + ":5: invalid value 'lots' for MaxCount"), result.output());
    }

    @Test
    void shouldRunDoctorFromTheLayout() throws Exception {
        Path file = config("<Input gen>\n Module im_testgen\n MaxCount ten\n</Input>\n");
        Payload.Result broken = run(bundleOnly(), "doctor", "-c", file.toString());
        assertEquals(1, broken.status(), broken.output());
        assertTrue(broken.output().contains("PROBLEM  configuration: " + file + ":5: invalid value 'ten' for MaxCount"),
                broken.output());
        assertTrue(broken.output().contains("fix: correct " + file + " line 5"), broken.output());

        Path good = config("<Input gen>\n Module im_testgen\n MaxCount 1\n</Input>\n<Output out>\n Module om_null\n</Output>\n");
        Payload.Result healthy = run(bundleOnly(), "doctor", "-c", good.toString());
        if (System.getProperty("os.name").equals("Linux")) {
            assertEquals(0, healthy.status(), healthy.output());
            assertTrue(healthy.output().contains("WARNING  Endpoint Security: Endpoint Security exists only on macOS"),
                    healthy.output());
            assertTrue(healthy.output().contains("WARNING  eslogger: /usr/bin/eslogger does not exist"), healthy.output());
            assertTrue(healthy.output().contains("OK       configuration: " + good + " is valid"), healthy.output());
        }
    }

    @Test
    void shouldLoadJnaFromTheBundlesLibAndNeverUnpackIt() throws Exception {
        Path lib = Payload.bundle().resolve("lib");
        Map<String, String> environment = bundleOnly();
        environment.put("NXLOG_MAIN_CLASS", "com.sun.jna.Native");
        Payload.Result unpacking = run(environment);
        assertTrue(unpacking.status() != 0, "the JNA jar holds no native code and jna.nounpack forbids a copy: "
                + unpacking.output());
        environment.put("JAVA_TOOL_OPTIONS", "-Djna.boot.library.path=" + lib);
        Payload.Result bundled = run(environment);
        assertEquals(0, bundled.status(), bundled.output());
        assertTrue(bundled.output().contains(" Native: "), bundled.output());
    }

    @Test
    void shouldRunTheLinuxTarballTree() throws Exception {
        Path tree = Payload.directory().resolve("linux/openmaces");
        Assumptions.assumeTrue(Files.isDirectory(tree), "the Linux tree is built on Linux");
        Payload.Result result = Payload.run(null, withEnvironment(bundleOnly(), List.of(tree.resolve("bin/nxlog").toString(),
                "-v", "-c", tree.resolve("conf/nxlog.conf").toString())));
        assertEquals(0, result.status(), result.output());
        assertEquals("configuration OK\n", result.output());
    }
}
