package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.Rsyslog;
import org.openmaces.outputs.testing.SequenceInput;
import org.openmaces.outputs.testing.Sequences;

/**
 * What every stream output (om_tcp, om_ssl) promises, against loopback receivers: every record arrives as a
 * line, a receiver that drops the connection mid-stream loses nothing, and a dead host fails over to the
 * next. One subclass per transport.
 */
abstract class StreamOutputContractTest {
    @TempDir
    Path directory;

    /** A listening server socket of this transport on 127.0.0.1. */
    abstract ServerSocket listen() throws Exception;

    /** The output block's directives besides Host. */
    abstract String outputDirectives();

    private void run(int count, int pauseMillis, String... hosts) throws Exception {
        StringBuilder hostLines = new StringBuilder();
        for (String host : hosts) {
            hostLines.append("Host ").append(host).append('\n');
        }
        new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput()).runOneshot(String.join("\n",
                "CacheDir " + directory,
                "<Input sequence>", "Module im_sequence", "Count " + count, "PerCall 50", "PauseMillis " + pauseMillis,
                "</Input>",
                "<Output out>", outputDirectives(), hostLines.toString(), "</Output>", ""));
    }

    private static List<String> await(LineReceiver receiver, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!new Sequences(receiver.lines()).complete(count) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return receiver.lines();
    }

    @Test
    void shouldDeliverEveryRecordAsALine() throws Exception {
        try (LineReceiver receiver = new LineReceiver(listen())) {
            run(500, 0, "127.0.0.1:" + receiver.port());
            List<String> lines = await(receiver, 500);
            assertEquals(500, lines.size());
            assertEquals("seq 0", lines.get(0));
            assertEquals("seq 499", lines.get(499));
        }
    }

    @Test
    void shouldLoseNothingWhenTheReceiverDropsTheConnectionMidStream() throws Exception {
        try (LineReceiver receiver = new LineReceiver(listen())) {
            receiver.closeFirstConnectionAfter(300);
            run(1000, 5, "127.0.0.1:" + receiver.port());
            Sequences sequences = new Sequences(await(receiver, 1000));
            assertTrue(sequences.complete(1000), sequences.missing(1000));
            assertTrue(receiver.connections() >= 2, "it reconnected");
        }
    }

    @Test
    void shouldFailOverToTheNextHost() throws Exception {
        int closed = Rsyslog.freePort();
        try (LineReceiver receiver = new LineReceiver(listen())) {
            run(100, 0, "127.0.0.1:" + closed, "localhost:" + receiver.port());
            assertTrue(new Sequences(await(receiver, 100)).complete(100));
        }
    }
}
