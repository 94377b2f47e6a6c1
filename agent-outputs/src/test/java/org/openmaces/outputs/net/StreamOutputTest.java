package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.framing.BinaryRecordFormat;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.Rsyslog;
import org.openmaces.outputs.testing.SequenceInput;

/** om_tcp against plain loopback sockets: failover, framings, a peer that talks back. */
class StreamOutputTest {
    @TempDir
    Path directory;

    /** Accepts one connection, optionally writes {@code greeting}, and returns everything read until EOF. */
    private static CompletableFuture<byte[]> receiveOnce(ServerSocket server, byte[] greeting) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                if (greeting != null) {
                    socket.getOutputStream().write(greeting);
                    socket.getOutputStream().flush();
                }
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                return all.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void run(int count, String output) throws Exception {
        new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput()).runOneshot(String.join("\n",
                "CacheDir " + directory,
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Input sequence>", "Module im_sequence", "Count " + count, "PerCall " + count,
                "Exec delete($EventReceivedTime); delete($SourceModuleName); delete($SourceModuleType);", "</Input>",
                "<Output out>", "Module om_tcp", output, "</Output>", ""));
    }

    @Test
    void shouldFailOverToTheNextHostAndIgnoreWhatThePeerSends() throws Exception {
        int closed = Rsyslog.freePort();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = receiveOnce(server, "hello from the receiver\n".getBytes());
            run(5, "Host 127.0.0.1:" + closed + "\nHost 127.0.0.1:" + server.getLocalPort());
            assertEquals("seq 0\nseq 1\nseq 2\nseq 3\nseq 4\n",
                    new String(received.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldWriteBinaryRecordsWithEveryField() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = receiveOnce(server, null);
            run(3, "Host 127.0.0.1:" + server.getLocalPort() + "\nOutputType Binary");
            ByteBuffer bytes = ByteBuffer.wrap(received.get(10, TimeUnit.SECONDS));
            List<LogRecord> records = new ArrayList<>();
            while (bytes.hasRemaining()) {
                records.add(BinaryRecordFormat.read(bytes));
            }
            assertEquals(3, records.size());
            assertEquals(2L, records.get(2).get(FieldName.of("Seq")));
            assertEquals("seq 2", records.get(2).get(FieldName.of("raw_event")));
        }
    }

    @Test
    void shouldWriteEachBatchAsAJsonArrayLine() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = receiveOnce(server, null);
            run(3, "Host 127.0.0.1:" + server.getLocalPort() + "\nOutputType json");
            String text = new String(received.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            assertEquals("[{\"Seq\":0},{\"Seq\":1},{\"Seq\":2}]\n", text);
        }
    }

    @Test
    void shouldFrameWithOctetCounting() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = receiveOnce(server, null);
            new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput()).runOneshot(
                    String.join("\n", "CacheDir " + directory,
                            "<Extension syslog>", "Module xm_syslog", "</Extension>",
                            "<Input sequence>", "Module im_sequence", "Count 2", "</Input>",
                            "<Output out>", "Module om_tcp", "Host 127.0.0.1:" + server.getLocalPort(),
                            "OutputType Syslog_TLS", "</Output>", ""));
            assertEquals("5 seq 05 seq 1", new String(received.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldKeepBatchesAfterTheirAcknowledgementOnlyForTheWindow() {
        ResendWindow window = new ResendWindow(2_000, 100);
        org.openmaces.core.framing.ByteSink first = new org.openmaces.core.framing.ByteSink(16);
        first.write(new byte[60]);
        org.openmaces.core.framing.ByteSink second = window.retain(first, 1_000);
        second.write(new byte[60]);
        org.openmaces.core.framing.ByteSink third = window.retain(second, 1_500);
        assertEquals(2, window.batches(), "the newest batch alone holds less than the limit");
        third.write(new byte[60]);
        window.retain(third, 1_600);
        assertEquals(2, window.batches(), "the two newest hold the limit: the oldest went");
        window.expire(3_700);
        assertTrue(window.isEmpty(), "the time limit dropped the rest");
    }
}
