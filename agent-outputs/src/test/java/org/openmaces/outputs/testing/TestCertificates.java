package org.openmaces.outputs.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test-only certificates made with the openssl command in a temporary directory: a CA, a server
 * certificate for 127.0.0.1 and localhost signed by it, one for another host name, a second unrelated CA,
 * and a client certificate whose key is encrypted (PKCS#8, passphrase {@link #KEY_PASSWORD}). EC P-256 keys,
 * for speed. Nothing here is committed.
 */
public final class TestCertificates {
    public static final String KEY_PASSWORD = "test-only-secret";
    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    public static TestCertificates create(Path directory) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (run .ci/install-deps)");
        TestCertificates certificates = new TestCertificates(directory);
        certificates.make();
        return certificates;
    }

    private void make() throws Exception {
        Files.createDirectories(directory);
        authority("ca", "OpenMacES Test CA");
        authority("other-ca", "Unrelated Test CA");
        signed("server", "localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost", "ca");
        signed("wrong-host", "elsewhere.invalid", "subjectAltName=DNS:elsewhere.invalid", "ca");
        signed("client", "client", "extendedKeyUsage=clientAuth", "ca");
        openssl("pkcs12", "-export", "-in", path("server.pem"), "-inkey", path("server.key"), "-out", path("server.p12"),
                "-passout", "pass:" + KEY_PASSWORD);
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", path("client.key"), "-out", path("client-encrypted.key"),
                "-passout", "pass:" + KEY_PASSWORD);
    }

    private void authority(String name, String subject) throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(name + ".key"), "-out", path(name + ".pem"), "-days", "2", "-subj", "/CN=" + subject,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void signed(String name, String commonName, String extension, String ca) throws Exception {
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(name + ".key"), "-out", path(name + ".csr"), "-subj", "/CN=" + commonName);
        Path extensions = directory.resolve(name + ".ext");
        Files.writeString(extensions, extension + "\n");
        openssl("x509", "-req", "-in", path(name + ".csr"), "-CA", path(ca + ".pem"), "-CAkey", path(ca + ".key"),
                "-CAcreateserial", "-out", path(name + ".pem"), "-days", "2", "-extfile", extensions.toString());
    }

    private String path(String file) {
        return directory.resolve(file).toString();
    }

    public Path file(String name) {
        return directory.resolve(name);
    }

    private void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + new String(output));
        }
    }
}
