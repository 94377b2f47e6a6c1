package org.openmaces.outputs.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real rsyslogd, run in the foreground by a test with its own configuration in a temporary directory.
 * Every message it receives is written to {@code received.log} through a template that shows what it
 * parsed: {@code syslogtag|hostname|app-name|procid|msgid|structured-data|msg|pri}.
 */
public final class Rsyslog implements AutoCloseable {
    public static final String TEMPLATE_FIELDS = "%syslogtag%|%hostname%|%app-name%|%procid%|%msgid%"
            + "|%structured-data%|%msg%|%pri%";
    private static final Path BINARY = Path.of("/usr/sbin/rsyslogd");
    private final Path directory;
    private final String inputs;
    private final String globals;
    private final String modules;
    private final int tcpPort;
    private Process process;

    private Rsyslog(Path directory, String globals, String modules, String inputs, int tcpPort) {
        this.directory = directory;
        this.globals = globals;
        this.modules = modules;
        this.inputs = inputs;
        this.tcpPort = tcpPort;
    }

    /** Skips the test (JUnit assumption) when rsyslogd is not installed; .ci/install-deps installs it. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), "rsyslogd is not installed (run .ci/install-deps)");
    }

    /** A receiver on a plain TCP port (octet counting and LF framing both accepted). */
    public static Rsyslog tcp(Path directory, int port) throws Exception {
        return start(directory, "", "module(load=\"imtcp\")",
                "input(type=\"imtcp\" port=\"" + port + "\" ruleset=\"received\")", port);
    }

    public static Rsyslog udp(Path directory, int port) throws Exception {
        Rsyslog receiver = start(directory, "", "module(load=\"imudp\")",
                "input(type=\"imudp\" port=\"" + port + "\" address=\"127.0.0.1\" ruleset=\"received\")", -1);
        return receiver;
    }

    /**
     * A TLS receiver (GnuTLS driver) with the server certificate and key; with {@code clientCa} non-null
     * it requires a client certificate signed by that CA.
     */
    public static Rsyslog tls(Path directory, int port, Path certificate, Path key, Path clientCa) throws Exception {
        String ca = clientCa != null ? clientCa.toString() : certificate.toString();
        String globals = "global(DefaultNetstreamDriver=\"gtls\" DefaultNetstreamDriverCAFile=\"" + ca + "\""
                + " DefaultNetstreamDriverCertFile=\"" + certificate + "\" DefaultNetstreamDriverKeyFile=\"" + key + "\")";
        String authMode = clientCa != null ? "x509/certvalid" : "anon";
        return start(directory, globals, "module(load=\"imtcp\" StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\""
                + " StreamDriver.AuthMode=\"" + authMode + "\")",
                "input(type=\"imtcp\" port=\"" + port + "\" ruleset=\"received\" gnutlsPriorityString=\"NORMAL\")",
                port);
    }

    private static Rsyslog start(Path directory, String globals, String modules, String inputs, int tcpPort)
            throws Exception {
        assumeInstalled();
        Files.createDirectories(directory);
        Rsyslog receiver = new Rsyslog(directory, globals, modules, inputs, tcpPort);
        receiver.start();
        return receiver;
    }

    /** Starts (or starts again, appending to the same file). */
    public void start() throws Exception {
        Path config = directory.resolve("rsyslog.conf");
        Files.writeString(config, String.join("\n",
                "global(workDirectory=\"" + directory + "\" maxMessageSize=\"256k\")",
                globals,
                modules,
                "template(name=\"fields\" type=\"string\" string=\"" + TEMPLATE_FIELDS + "\\n\")",
                "ruleset(name=\"received\") { action(type=\"omfile\" file=\"" + received() + "\" template=\"fields\""
                        + " flushOnTXEnd=\"on\" asyncWriting=\"off\") }",
                inputs, ""));
        Path pidFile = directory.resolve("rsyslogd.pid");
        Files.deleteIfExists(pidFile);
        process = new ProcessBuilder(BINARY.toString(), "-n", "-f", config.toString(), "-i", pidFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("rsyslogd.out").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited with " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("rsyslogd.out")));
            }
            if (Files.exists(pidFile) && (tcpPort < 0 || listening(tcpPort))) {
                if (tcpPort < 0) {
                    Thread.sleep(200); // no way to probe a UDP listener; the pid file comes just before it
                }
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("rsyslogd did not start listening in 10 s");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The TCP port it listens on, or -1 for UDP. */
    public int tcpPort() {
        return tcpPort;
    }

    public Path received() {
        return directory.resolve("received.log");
    }

    /** The lines written so far. */
    public List<String> lines() throws IOException {
        if (!Files.exists(received())) {
            return List.of();
        }
        return Files.readAllLines(received(), StandardCharsets.UTF_8);
    }

    /** Waits until the lines satisfy {@code done} or the timeout passes; returns the lines either way. */
    public List<String> awaitLines(Predicate<List<String>> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = lines();
        while (!done.test(lines) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lines = lines();
        }
        return lines;
    }

    public List<String> awaitLineCount(int count, Duration timeout) throws Exception {
        return awaitLines(lines -> lines.size() >= count, timeout);
    }

    /** Stops it with SIGTERM (it closes its connections and writes what it has). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills it with SIGKILL: what it had not yet written is lost on its side. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Kills it: the test has read what it needed, and an orderly shutdown takes rsyslogd a second or two. */
    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A UDP port that was free a moment ago. */
    public static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
