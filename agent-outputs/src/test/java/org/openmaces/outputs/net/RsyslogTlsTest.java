package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.Rsyslog;
import org.openmaces.outputs.testing.SequenceInput;
import org.openmaces.outputs.testing.Sequences;
import org.openmaces.outputs.testing.TestCertificates;

/** om_ssl against rsyslogd's GnuTLS listener: verified delivery, refused certificates, client certificates. */
class RsyslogTlsTest {
    @TempDir
    static Path shared;
    static TestCertificates certificates;
    @TempDir
    Path directory;

    @BeforeAll
    static void makeCertificates() throws Exception {
        Rsyslog.assumeInstalled();
        certificates = TestCertificates.create(shared.resolve("certificates"));
    }

    private static TlsSettings settings(Path caFile, boolean allowUntrusted, boolean verifyHost, List<String> protocols) {
        return new TlsSettings(caFile, null, null, null, null, null, null, true, allowUntrusted, false, verifyHost,
                protocols, List.of());
    }

    private static Socket connect(TlsSettings settings, int port) throws Exception {
        Connector connector = new Connector(TlsContext.create(settings, ""), 0, false);
        return connector.connect(new Endpoint("127.0.0.1", port), InetAddress.getByName("127.0.0.1"));
    }

    private Rsyslog receiver(String certificate) throws Exception {
        return Rsyslog.tls(directory.resolve("rsyslog"), Rsyslog.freePort(), certificates.file(certificate + ".pem"),
                certificates.file(certificate + ".key"), null);
    }

    private void deliver(int port, String tlsDirectives) throws Exception {
        new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput())
                .withDrainTimeout(java.time.Duration.ofMillis(500)).runOneshot(String.join("\n", "CacheDir " + directory,
                "<Extension syslog>", "Module xm_syslog", "</Extension>",
                "<Input sequence>", "Module im_sequence", "Count 20",
                "Exec $Hostname = 'tls-host'; $SourceName = 'app'; $Message = $raw_event; to_syslog_ietf();", "</Input>",
                "<Output out>", "Module om_ssl", "Host localhost:" + port, "OutputType Syslog_TLS", tlsDirectives,
                "</Output>", ""));
    }

    @Test
    void shouldDeliverToAVerifiedServerOverTls13AndTls12() throws Exception {
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            try (Rsyslog receiver = receiver("server")) {
                int port = receiver.tcpPort();
                deliver(port, "CAFile " + certificates.file("ca.pem") + "\nSSLProtocol " + protocol);
                List<String> lines = receiver.awaitLineCount(20, Duration.ofSeconds(10));
                assertEquals(20, lines.size(), protocol);
                assertTrue(lines.get(0).startsWith("app|tls-host|app|-|-|[NXLOG@14506 "), lines.get(0));
                assertTrue(new Sequences(lines).complete(20));
            }
            directory = directory.resolve(protocol);
        }
    }

    @Test
    void shouldNegotiateTheConfiguredProtocolAndReadCaDir() throws Exception {
        try (Rsyslog receiver = receiver("server")) {
            int port = receiver.tcpPort();
            for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
                try (SSLSocket socket = (SSLSocket) connect(settings(certificates.file("ca.pem"), false, true,
                        List.of(protocol)), port)) {
                    assertEquals(protocol, socket.getSession().getProtocol());
                }
            }
            Path caDirectory = java.nio.file.Files.createDirectories(directory.resolve("ca-dir"));
            java.nio.file.Files.copy(certificates.file("ca.pem"), caDirectory.resolve("1a2b3c4d.0"));
            java.nio.file.Files.writeString(caDirectory.resolve("README"), "not a certificate");
            TlsSettings fromDirectory = new TlsSettings(null, caDirectory, null, null, null, null, null, true, false,
                    false, true, TlsSettings.DEFAULT_PROTOCOLS, List.of());
            connect(fromDirectory, port).close();
        }
    }

    @Test
    void shouldRefuseAServerSignedByAnotherAuthority() throws Exception {
        try (Rsyslog receiver = receiver("server")) {
            int port = receiver.tcpPort();
            assertThrows(SSLHandshakeException.class, () -> connect(settings(certificates.file("other-ca.pem"), false,
                    true, TlsSettings.DEFAULT_PROTOCOLS), port).close());
            // AllowUntrusted accepts it.
            connect(settings(certificates.file("other-ca.pem"), true, true, TlsSettings.DEFAULT_PROTOCOLS), port).close();
        }
    }

    @Test
    void shouldRefuseACertificateForAnotherHostUnlessHostCheckIsOff() throws Exception {
        try (Rsyslog receiver = receiver("wrong-host")) {
            int port = receiver.tcpPort();
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, () -> connect(
                    settings(certificates.file("ca.pem"), false, true, TlsSettings.DEFAULT_PROTOCOLS), port).close());
            assertTrue(String.valueOf(refused.getMessage()).contains("127.0.0.1"), refused.getMessage());
            connect(settings(certificates.file("ca.pem"), false, false, TlsSettings.DEFAULT_PROTOCOLS), port).close();
        }
    }

    @Test
    void shouldKeepRecordsQueuedWhenTheCertificateIsRefused() throws Exception {
        try (Rsyslog receiver = receiver("server")) {
            int port = receiver.tcpPort();
            deliver(port, "CAFile " + certificates.file("other-ca.pem"));
            assertEquals(List.of(), receiver.lines());
            assertTrue(java.nio.file.Files.exists(directory.resolve("out.q")), "the undelivered records were saved");
        }
    }

    @Test
    void shouldPresentAClientCertificateWithAnEncryptedKey() throws Exception {
        int port = Rsyslog.freePort();
        try (Rsyslog receiver = Rsyslog.tls(directory.resolve("rsyslog"), port, certificates.file("server.pem"),
                certificates.file("server.key"), certificates.file("ca.pem"))) {
            deliver(port, String.join("\n", "CAFile " + certificates.file("ca.pem"),
                    "CertFile " + certificates.file("client.pem"),
                    "CertKeyFile " + certificates.file("client-encrypted.key"),
                    "KeyPass " + TestCertificates.KEY_PASSWORD));
            assertEquals(20, receiver.awaitLineCount(20, Duration.ofSeconds(10)).size());
        }
    }

    @Test
    void shouldLoseNothingWhenATlsReceiverRestartsMidStream() throws Exception {
        int count = 10_000;
        try (Rsyslog receiver = receiver("server")) {
            AgentRuntime runtime = new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput())
                    .assemble(String.join("\n", "CacheDir " + directory,
                            "<Extension syslog>", "Module xm_syslog", "</Extension>",
                            "<Input sequence>", "Module im_sequence", "Count " + count, "PerCall 100", "PauseMillis 10",
                            "Exec $SourceName = 'gen'; $Message = $raw_event; to_syslog_ietf();", "</Input>",
                            "<Output out>", "Module om_ssl", "Host 127.0.0.1:" + receiver.tcpPort(),
                            "OutputType Syslog_TLS", "CAFile " + certificates.file("ca.pem"), "</Output>", ""), true);
            runtime.start();
            receiver.awaitLineCount(count / 4, Duration.ofSeconds(20));
            receiver.stop();
            Thread.sleep(500);
            receiver.start();
            runtime.awaitCompletion();
            runtime.stop();
            List<String> lines = receiver.awaitLines(received -> new Sequences(received).complete(count),
                    Duration.ofSeconds(20));
            Sequences sequences = new Sequences(lines);
            assertTrue(sequences.complete(count), sequences.missing(count));
        }
    }
}
