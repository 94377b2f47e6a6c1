package org.openmaces.outputs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.LogCapture;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.TestCertificates;
import org.openmaces.outputs.testing.TestHttpServer;

/**
 * Security (issue 8): no key passphrase or password reaches the agent's log, its error messages, its status
 * report or nxlog doctor's findings, with every logger at TRACE (so also what LogLevel DEBUG shows, stack
 * traces included), while the outputs fail in the ways that produce the most text: a wrong passphrase, a
 * receiver that is down, an HTTP server that refuses the credentials, and a password that came from an
 * environment variable through {@code envvar}.
 */
@Timeout(120)
class CredentialsNotLoggedTest {
    private static final String BASIC_PASSWORD = "basic-pw-Zq81x";
    private static final String URL_PASSWORD = "url-pw-Zq81x";
    private static final String ENVIRONMENT_PASSWORD = "env-pw-Zq81x";
    private static final String WRONG_KEY_PASS = "wrong-keypass-Zq81x";
    private static final List<String> SECRETS = List.of(BASIC_PASSWORD, URL_PASSWORD, ENVIRONMENT_PASSWORD,
            WRONG_KEY_PASS, TestCertificates.KEY_PASSWORD);

    @TempDir
    Path directory;

    @Test
    void shouldKeepTlsKeyPassphrasesOutOfEverythingItSays() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("pki"));
        int down = closedPort();
        String tls = "CAFile " + certificates.file("ca.pem") + "\nCertFile " + certificates.file("client.pem")
                + "\nCertKeyFile " + certificates.file("client-encrypted.key") + "\n";
        assertNothingSecretSaid(List.of(
                output("om_ssl", "Host 127.0.0.1:" + down + "\n" + tls + "KeyPass " + WRONG_KEY_PASS),
                output("om_ssl", "Host 127.0.0.1:" + down + "\n" + tls + "KeyPass " + TestCertificates.KEY_PASSWORD)),
                Map.of());
    }

    @Test
    void shouldKeepHttpPasswordsOutOfEverythingItSays() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("pki"));
        try (TestHttpServer server = TestHttpServer.http()) {
            server.errorStatus = 401;
            server.failuresLeft.set(Integer.MAX_VALUE);
            String local = "127.0.0.1:" + server.port();
            assertNothingSecretSaid(List.of(
                    output("om_http", "URL http://" + local + "/\nHTTPBasicAuthUser alice\nHTTPBasicAuthPassword "
                            + BASIC_PASSWORD),
                    output("om_http", "URL http://alice:" + URL_PASSWORD + "@" + local + "/in"),
                    output("om_http", "URL htp://alice:" + URL_PASSWORD + "@" + local + "/in"),
                    output("om_http", "URL http://127.0.0.1:" + closedPort() + "/\nHTTPBasicAuthUser alice"
                            + "\nHTTPBasicAuthPassword %SECRET%"),
                    output("om_http", "URL https://" + local + "/\nHTTPSCAFile " + certificates.file("ca.pem")
                            + "\nHTTPSCertFile " + certificates.file("client.pem") + "\nHTTPSCertKeyFile "
                            + certificates.file("client-encrypted.key") + "\nHTTPSKeyPass " + WRONG_KEY_PASS)),
                    Map.of("SECRET", ENVIRONMENT_PASSWORD));
        }
    }

    private static String output(String module, String directives) {
        return "Module " + module + "\n" + directives + "\n";
    }

    /** Runs each output (one at a time, fed by im_testgen) until it has failed a few times, then checks. */
    private void assertNothingSecretSaid(List<String> outputs, Map<String, String> environment) throws Exception {
        int index = 0;
        for (String output : outputs) {
            StringBuilder said = new StringBuilder();
            try (LogCapture log = new LogCapture()) {
                String config = "CacheDir " + directory.resolve("cache-" + index) + "\n"
                        + (environment.isEmpty() ? "" : "envvar SECRET\n")
                        + "<Input gen>\nModule im_testgen\nMaxCount 10\n</Input>\n"
                        + "<Output out>\n" + output + "</Output>\n";
                RuntimeHarness harness = new RuntimeHarness(directory, new NxlogLanguage()).withEnvironment(environment);
                AgentRuntime runtime;
                try {
                    runtime = harness.assemble(config, false);
                } catch (AssertionError refused) {
                    said.append(refused.getMessage());
                    runtime = null;
                }
                if (runtime != null) {
                    List<DoctorFinding> findings = new ArrayList<>();
                    runtime.forEachInstance((definition, instance) -> findings.addAll(instance.diagnose()));
                    findings.forEach(finding -> said.append(finding).append('\n'));
                    try {
                        runtime.start();
                        Thread.sleep(3_500); // the first failure and two retries (1 s, 2 s)
                    } catch (AgentRuntime.RuntimeFailure failure) {
                        said.append(failure.getMessage());
                    } finally {
                        said.append(runtime.statusReport());
                        runtime.stop();
                    }
                }
                said.append(log.text());
            }
            assertTrue(said.length() > 100, "the output said something about its failure: " + said);
            for (String secret : SECRETS) {
                assertFalse(said.toString().contains(secret), "'" + secret + "' was shown for " + output + ":\n" + said);
            }
            index++;
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
