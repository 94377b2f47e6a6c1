package org.openmaces.outputs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.Rsyslog;
import org.openmaces.outputs.testing.SequenceInput;
import org.openmaces.outputs.testing.Sequences;
import org.openmaces.outputs.testing.TestCertificates;
import org.openmaces.outputs.testing.TestHttpServer;

/** om_http against the JDK's HTTP and HTTPS servers. */
class HttpOutputTest {
    @TempDir
    Path directory;

    private void run(int count, String exec, String output) throws Exception {
        new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput()).runOneshot(String.join("\n",
                "CacheDir " + directory,
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Input sequence>", "Module im_sequence", "Count " + count, "PerCall 50",
                exec.isEmpty() ? "" : "Exec " + exec, "</Input>",
                "<Output out>", "Module om_http", output, "</Output>", ""));
    }

    @Test
    void shouldPostOneRecordPerRequestWithHeadersAndBasicAuth() throws Exception {
        try (TestHttpServer server = TestHttpServer.http()) {
            run(5, "", String.join("\n", "URL http://127.0.0.1:" + server.port() + "/ingest",
                    "AddHeader X-Token: abc", "HTTPBasicAuthUser user", "HTTPBasicAuthPassword pass"));
            List<TestHttpServer.Request> requests = server.requests();
            assertEquals(5, requests.size());
            TestHttpServer.Request first = requests.get(0);
            assertEquals("POST", first.method());
            assertEquals("/ingest", first.path());
            assertEquals("seq 0", first.body());
            assertEquals("text/plain", first.header("Content-Type"));
            assertEquals("nxlog", first.header("User-Agent"));
            assertEquals("abc", first.header("X-Token"));
            assertEquals("Basic " + Base64.getEncoder().encodeToString("user:pass".getBytes()), first.header("Authorization"));
        }
    }

    @Test
    void shouldBatchRecordsAsLinesAndRetryUntilAccepted() throws Exception {
        try (TestHttpServer server = TestHttpServer.http()) {
            server.failuresLeft.set(1);
            run(300, "", String.join("\n", "URL http://127.0.0.1:" + server.port() + "/",
                    "BatchMode multiline", "FlushLimit 100", "FlushInterval 0.05", "LogqueueSize 1000"));
            Sequences sequences = new Sequences(server.lines());
            assertTrue(sequences.complete(300), sequences.missing(300));
            assertTrue(server.requests().size() <= 8, server.requests().size() + " requests");
            assertTrue(server.requests().stream().allMatch(request -> request.body().endsWith("\n")));
        }
    }

    @Test
    void shouldSendJsonArraysAndMultipartBodies() throws Exception {
        try (TestHttpServer server = TestHttpServer.http()) {
            run(3, "to_json();", String.join("\n", "URL http://127.0.0.1:" + server.port() + "/",
                    "BatchMode json", "ContentType application/json"));
            String body = server.requests().get(0).body();
            assertTrue(body.startsWith("[{\"Seq\":0,") && body.endsWith("}]") && body.contains("},{\"Seq\":1,"), body);
        }
        try (TestHttpServer server = TestHttpServer.http()) {
            run(2, "", String.join("\n", "URL http://127.0.0.1:" + server.port() + "/", "BatchMode multipart",
                    "AddHeader X-Part: yes"));
            TestHttpServer.Request request = server.requests().get(0);
            String type = request.header("Content-Type");
            assertTrue(type.startsWith("multipart/mixed; boundary="), type);
            String boundary = type.substring(type.indexOf('=') + 1);
            assertEquals("--" + boundary + "\r\nContent-Type: text/plain\r\nX-Part: yes\r\n\r\nseq 0\r\n"
                    + "--" + boundary + "\r\nContent-Type: text/plain\r\nX-Part: yes\r\n\r\nseq 1\r\n"
                    + "--" + boundary + "--\r\n", request.body());
        }
    }

    @Test
    void shouldFailOverToTheNextUrlAndChangeThePath() throws Exception {
        int closed = Rsyslog.freePort();
        try (TestHttpServer server = TestHttpServer.http()) {
            run(3, "", String.join("\n",
                    "URL http://127.0.0.1:" + closed + "/", "URL http://127.0.0.1:" + server.port() + "/first",
                    "Exec if $Seq == 2 set_http_request_path('/other%20path');"));
            List<String> paths = server.requests().stream().map(TestHttpServer.Request::path).toList();
            assertEquals(3, paths.size(), paths.toString());
            assertEquals("/other%20path", paths.get(2));
        }
    }

    @Test
    void shouldPostOverVerifiedHttpsAndRefuseAnUnknownAuthority() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certificates"));
        try (TestHttpServer server = TestHttpServer.https(certificates.file("server.p12"), TestCertificates.KEY_PASSWORD)) {
            run(4, "", String.join("\n", "URL https://localhost:" + server.port() + "/",
                    "BatchMode multiline", "HTTPSCAFile " + certificates.file("ca.pem")));
            assertTrue(new Sequences(server.lines()).complete(4), server.lines().toString());
        }
        try (TestHttpServer server = TestHttpServer.https(certificates.file("server.p12"), TestCertificates.KEY_PASSWORD)) {
            run(4, "", String.join("\n", "URL https://127.0.0.1:" + server.port() + "/",
                    "HTTPSCAFile " + certificates.file("other-ca.pem")));
            assertEquals(List.of(), server.requests());
            assertTrue(Files.exists(directory.resolve("out.q")), "the refused records were kept");
        }
    }

    @Test
    void shouldLetABatchFillForFlushInterval() throws Exception {
        try (TestHttpServer server = TestHttpServer.http()) {
            // 600 records trickle in, 10 every 20 ms: without waiting, each request would carry about 10.
            new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput()).runOneshot(
                    String.join("\n", "CacheDir " + directory,
                            "<Input sequence>", "Module im_sequence", "Count 600", "PerCall 10", "PauseMillis 20", "BatchSize 10",
                            "</Input>",
                            "<Output out>", "Module om_http", "URL http://127.0.0.1:" + server.port() + "/",
                            "BatchMode multiline", "FlushLimit 100", "FlushInterval 2", "LogqueueSize 1000",
                            "</Output>", ""));
            assertTrue(new Sequences(server.lines()).complete(600));
            assertTrue(server.requests().size() <= 8, server.requests().size() + " requests");
        }
    }
}
