package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.outputs.testing.TestCertificates;

/** AllowExpired and revocation lists, against the JDK's own TLS server presenting test certificates. */
class TlsVerificationTest {
    @TempDir
    static Path directory;
    static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.create(directory.resolve("certificates"));
        certificates.makeExpiredAndRevoked();
    }

    /** A TLS server on 127.0.0.1 presenting {@code name}.p12 that completes handshakes until closed. */
    private static SSLServerSocket serve(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.file(name + ".p12"))) {
            store.load(in, TestCertificates.KEY_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestCertificates.KEY_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                    socket.getInputStream().read();
                } catch (Exception e) {
                    // a refused handshake ends that connection; keep serving
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static void connect(SSLServerSocket server, boolean allowExpired, Path crl) throws Exception {
        TlsSettings settings = new TlsSettings(certificates.file("ca.pem"), null, null, null, null, crl, null, true,
                false, allowExpired, true, TlsSettings.DEFAULT_PROTOCOLS, List.of());
        new Connector(TlsContext.create(settings, ""), 0, false)
                .connect(new Endpoint("127.0.0.1", server.getLocalPort()), InetAddress.getLoopbackAddress()).close();
    }

    @Test
    void shouldRefuseAnExpiredCertificateUnlessAllowExpired() throws Exception {
        try (SSLServerSocket server = serve("expired")) {
            assertThrows(SSLHandshakeException.class, () -> connect(server, false, null));
            connect(server, true, null);
        }
    }

    @Test
    void shouldRefuseARevokedCertificateWithACrlFile() throws Exception {
        try (SSLServerSocket server = serve("revoked")) {
            connect(server, false, null);
            assertThrows(SSLHandshakeException.class, () -> connect(server, false, certificates.file("crl.pem")));
        }
        try (SSLServerSocket server = serve("server")) {
            connect(server, false, certificates.file("crl.pem"));
        }
    }
}
