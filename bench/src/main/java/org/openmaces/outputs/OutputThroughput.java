package org.openmaces.outputs;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.module.ModuleRegistry;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.runtime.RuntimeOptions;

/**
 * End-to-end output throughput: how many records per second go from an input, through a route queue and an
 * output's Exec and framing, to a local receiver? The receiver runs in this process and only counts what
 * arrives (newlines): TCP (records as JSON lines), a file (plain 19-byte lines, or JSON lines with
 * {@code file-json}), HTTP (JSON lines, batched requests).
 * Each run is timed from start until the receiver has counted every record (the file: until the agent
 * stopped with its queue empty).
 *
 * <pre>
 * ./mvnw -B -q -pl agent-core,agent-outputs,bench -am -DskipTests package
 * java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar org.openmaces.outputs.OutputThroughput tcp 2000000 3
 * </pre>
 * Arguments: {@code tcp|file|file-json|http}, records per run, runs (the first is a warm-up when there are several).
 */
public final class OutputThroughput {
    private OutputThroughput() {
    }

    public static void main(String[] arguments) throws Exception {
        String target = arguments.length > 0 ? arguments[0] : "tcp";
        long count = arguments.length > 1 ? Long.parseLong(arguments[1]) : 1_000_000;
        int runs = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 3;
        for (int run = 1; run <= runs; run++) {
            double seconds = switch (target) {
                case "tcp" -> tcp(count);
                case "file" -> file(count, "");
                case "file-json" -> file(count, "Exec to_json();");
                case "http" -> http(count);
                default -> throw new IllegalArgumentException("use tcp, file, file-json or http, not " + target);
            };
            System.out.printf("%s run %d: %,d records in %.2f s = %,.0f records/s%s%n", target, run, count, seconds,
                    count / seconds, runs > 1 && run == 1 ? " (warm-up)" : "");
        }
    }

    private static String config(Path directory, long count, String inputExec, String output) {
        return String.join("\n", "CacheDir " + directory, "LogLevel WARNING", "BatchSize 1000",
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Input generator>", "Module im_benchgen", "Count " + count, inputExec, "</Input>",
                "<Output out>", output, "LogqueueSize 8000", "</Output>", "");
    }

    private static double tcp(long count) throws Exception {
        Path directory = Files.createTempDirectory("bench-tcp");
        AtomicLong lines = new AtomicLong();
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread receiver = new Thread(() -> countLines(server, lines), "receiver");
            receiver.setDaemon(true);
            receiver.start();
            return timed(directory, config(directory, count, "", String.join("\n", "Module om_tcp",
                    "Host 127.0.0.1:" + server.getLocalPort(), "Exec to_json();")), lines, count, true);
        }
    }

    private static double file(long count, String exec) throws Exception {
        Path directory = Files.createTempDirectory("bench-file");
        Path file = directory.resolve("out.log");
        double seconds = timed(directory, config(directory, count, "", String.join("\n", "Module om_file",
                "File '" + file + "'", exec)), null, count, false);
        long lines;
        try (var stream = Files.lines(file)) {
            lines = stream.count();
        }
        if (lines != count) {
            throw new IllegalStateException("the file has " + lines + " lines, not " + count);
        }
        Files.delete(file);
        return seconds;
    }

    private static double http(long count) throws Exception {
        Path directory = Files.createTempDirectory("bench-http");
        AtomicLong lines = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            long newlines = 0;
            byte[] buffer = new byte[65536];
            try (InputStream body = exchange.getRequestBody()) {
                for (int read; (read = body.read(buffer)) > 0; ) {
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            newlines++;
                        }
                    }
                }
            }
            lines.addAndGet(newlines);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            return timed(directory, config(directory, count, "", String.join("\n", "Module om_http",
                    "URL http://127.0.0.1:" + server.getAddress().getPort() + "/bulk", "BatchMode multiline",
                    "ContentType application/x-ndjson", "FlushLimit 2000", "FlushInterval 0.05", "Exec to_json();")),
                    lines, count, true);
        } finally {
            server.stop(0);
        }
    }

    private static double timed(Path directory, String config, AtomicLong received, long count, boolean waitForReceiver)
            throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        ConfigurationLoader loader = new ConfigurationLoader(ModuleRegistry.discoverPlus(List.of(new BenchInput())),
                directory, InputStream.nullInputStream(), Map.of(), ZoneId.systemDefault());
        AgentConfiguration configuration = loader.loadText(directory.resolve("nxlog.conf"), config, true, diagnostics);
        if (configuration == null) {
            throw new IllegalStateException(diagnostics.all().toString());
        }
        AgentRuntime runtime = new AgentRuntime(configuration, settings -> new NxlogLanguage(),
                RuntimeOptions.defaults().withOneshot(true));
        if (!runtime.assemble(diagnostics, true)) {
            throw new IllegalStateException(diagnostics.all().toString());
        }
        long start = System.nanoTime();
        runtime.start();
        runtime.awaitCompletion();
        runtime.stop();
        if (waitForReceiver) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (received.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (received.get() < count) {
                throw new IllegalStateException("the receiver counted " + received.get() + " of " + count);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void countLines(ServerSocket server, AtomicLong lines) {
        byte[] buffer = new byte[1 << 16];
        while (true) {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    long newlines = 0;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            newlines++;
                        }
                    }
                    lines.addAndGet(newlines);
                }
            } catch (Exception e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }
}
