package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.outputs.testing.TestCertificates;

/** Private keys in the forms OpenSSL writes, made by the openssl command for the test. */
class PemFilesTest {
    @TempDir
    Path directory;

    private void openssl(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }

    @Test
    void shouldReadPkcs8Pkcs1Sec1AndEncryptedKeys() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certificates"));
        String key = certificates.file("client.key").toString();
        openssl("ec", "-in", key, "-out", directory.resolve("sec1.key").toString());
        openssl("genrsa", "-out", directory.resolve("rsa8.key").toString(), "1024");
        openssl("rsa", "-in", directory.resolve("rsa8.key").toString(), "-traditional",
                "-out", directory.resolve("rsa1.key").toString());
        assertEquals("EC", PemFiles.privateKey(Path.of(key), null).getAlgorithm());
        assertEquals("EC", PemFiles.privateKey(directory.resolve("sec1.key"), null).getAlgorithm());
        assertEquals("RSA", PemFiles.privateKey(directory.resolve("rsa8.key"), null).getAlgorithm());
        assertEquals("RSA", PemFiles.privateKey(directory.resolve("rsa1.key"), null).getAlgorithm());
        Path encrypted = certificates.file("client-encrypted.key");
        assertEquals("EC", PemFiles.privateKey(encrypted, TestCertificates.KEY_PASSWORD).getAlgorithm());
        assertTrue(assertThrows(GeneralSecurityException.class, () -> PemFiles.privateKey(encrypted, null))
                .getMessage().contains("KeyPass"));
        assertThrows(GeneralSecurityException.class, () -> PemFiles.privateKey(encrypted, "wrong"));
        assertThrows(GeneralSecurityException.class, () -> PemFiles.privateKey(certificates.file("ca.pem"), null));
    }
}
