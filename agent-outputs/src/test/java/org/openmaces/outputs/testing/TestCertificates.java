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
        keyStore("server");
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", path("client.key"), "-out", path("client-encrypted.key"),
                "-passout", "pass:" + KEY_PASSWORD);
    }

    /** A PKCS#12 file ({@code NAME.p12}, password {@link #KEY_PASSWORD}) of a certificate and its key. */
    private void keyStore(String name) throws Exception {
        openssl("pkcs12", "-export", "-in", path(name + ".pem"), "-inkey", path(name + ".key"), "-out",
                path(name + ".p12"), "-passout", "pass:" + KEY_PASSWORD);
    }

    /**
     * Makes, with the CA, {@code expired.pem} (valid only in January 2020) and {@code revoked.pem}, both for
     * 127.0.0.1, and {@code crl.pem}, which revokes {@code revoked.pem}; each with a {@code .p12}.
     */
    public void makeExpiredAndRevoked() throws Exception {
        Path database = directory.resolve("ca-database");
        Files.createDirectories(database);
        Files.writeString(database.resolve("index.txt"), "");
        Files.writeString(database.resolve("crlnumber"), "01\n");
        Path config = directory.resolve("ca.cnf");
        Files.writeString(config, String.join("\n", "[ca]", "default_ca = test", "[test]",
                "database = " + database.resolve("index.txt"), "crlnumber = " + database.resolve("crlnumber"),
                "new_certs_dir = " + database, "serial = " + database.resolve("serial"), "default_md = sha256",
                "default_crl_days = 2", "policy = anything", "unique_subject = no", "copy_extensions = copy",
                "[anything]", "commonName = supplied", ""));
        Files.writeString(database.resolve("serial"), "1000\n");
        for (String name : List.of("expired", "revoked")) {
            openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", path(name + ".key"), "-out", path(name + ".csr"), "-subj", "/CN=" + name,
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        }
        openssl("ca", "-batch", "-config", config.toString(), "-cert", path("ca.pem"), "-keyfile", path("ca.key"),
                "-in", path("expired.csr"), "-out", path("expired.pem"), "-notext",
                "-startdate", "20200101000000Z", "-enddate", "20200201000000Z");
        openssl("ca", "-batch", "-config", config.toString(), "-cert", path("ca.pem"), "-keyfile", path("ca.key"),
                "-in", path("revoked.csr"), "-out", path("revoked.pem"), "-notext", "-days", "2");
        openssl("ca", "-batch", "-config", config.toString(), "-cert", path("ca.pem"), "-keyfile", path("ca.key"),
                "-revoke", path("revoked.pem"));
        openssl("ca", "-batch", "-config", config.toString(), "-cert", path("ca.pem"), "-keyfile", path("ca.key"),
                "-gencrl", "-out", path("crl.pem"));
        keyStore("expired");
        keyStore("revoked");
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
