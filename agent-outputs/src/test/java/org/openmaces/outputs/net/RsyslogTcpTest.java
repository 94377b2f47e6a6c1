package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.Rsyslog;
import org.openmaces.outputs.testing.SequenceInput;
import org.openmaces.outputs.testing.Sequences;

/** om_tcp and om_udp against a real rsyslogd: what it parsed is what we meant to send. */
class RsyslogTcpTest {
    @TempDir
    Path directory;

    @BeforeAll
    static void requireRsyslog() {
        Rsyslog.assumeInstalled();
    }

    private RuntimeHarness harness() {
        return new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput());
    }

    private String config(String exec, String output) {
        return String.join("\n", "CacheDir " + directory,
                "<Extension syslog>", "Module xm_syslog", "</Extension>",
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Input sequence>", "Module im_sequence", "Count 50",
                "Exec $Hostname = 'host-a'; $SourceName = 'my app'; $ProcessID = 4242; $Message = $raw_event; " + exec,
                "</Input>",
                "<Output out>", output, "</Output>", "");
    }

    @Test
    void shouldDeliverBsdSyslogLinesOverTcp() throws Exception {
        int port = Rsyslog.freePort();
        try (Rsyslog receiver = Rsyslog.tcp(directory.resolve("rsyslog"), port)) {
            harness().runOneshot(config("to_syslog_bsd();", "Module om_tcp\nHost 127.0.0.1:" + port));
            List<String> lines = receiver.awaitLineCount(50, Duration.ofSeconds(10));
            assertEquals(50, lines.size(), String.join("\n", lines));
            // syslogtag|hostname|app-name|procid|msgid|structured-data|msg|pri; SeverityValue unset: notice
            assertEquals("my_app[4242]:|host-a|my_app|4242|-|-| seq 0|13", lines.get(0));
            assertTrue(new Sequences(lines).complete(50));
        }
    }

    @Test
    void shouldDeliverIetfSyslogWithOctetCounting() throws Exception {
        int port = Rsyslog.freePort();
        try (Rsyslog receiver = Rsyslog.tcp(directory.resolve("rsyslog"), port)) {
            harness().runOneshot(config("$SyslogFacility = 'local4'; $SyslogSeverityValue = 3; "
                    + "$MessageID = 'ID1'; $Message = $raw_event + \" with\\nnewline\"; to_syslog_ietf();",
                    "Module om_tcp\nHost 127.0.0.1\nPort " + port + "\nOutputType Syslog_TLS"));
            List<String> lines = receiver.awaitLineCount(50, Duration.ofSeconds(10));
            assertEquals(50, lines.size(), String.join("\n", lines));
            String[] fields = lines.get(7).split("\\|");
            assertEquals("my_app[4242]", fields[0]);
            assertEquals("host-a", fields[1]);
            assertEquals("my_app", fields[2]);
            assertEquals("4242", fields[3]);
            assertEquals("ID1", fields[4]);
            assertTrue(fields[5].startsWith("[NXLOG@14506 "), fields[5]);
            assertTrue(fields[5].contains(" Seq=\"7\""), fields[5]);
            assertTrue(fields[5].contains("SourceModuleName=\"sequence\""), fields[5]);
            assertEquals("seq 7 with newline", fields[6]);
            assertEquals(String.valueOf(20 * 8 + 3), fields[7]);
        }
    }

    @Test
    void shouldDeliverSnareLinesOverTcp() throws Exception {
        int port = Rsyslog.freePort();
        try (Rsyslog receiver = Rsyslog.tcp(directory.resolve("rsyslog"), port)) {
            harness().runOneshot(config("$EventTime = 2024-01-05 10:00:00; $EventID = 4688; $Category = 'Process'; "
                    + "to_syslog_snare();", "Module om_tcp\nHost 127.0.0.1:" + port));
            List<String> lines = receiver.awaitLineCount(50, Duration.ofSeconds(10));
            assertEquals(50, lines.size(), String.join("\n", lines));
            for (int i = 0; i < lines.size(); i++) {
                String[] fields = lines.get(i).split("\\|");
                assertEquals("host-a", fields[1], lines.get(i));
                assertEquals("13", fields[7], lines.get(i));
                // rsyslog takes the body up to its first space as the tag and writes each TAB as #011
                String body = (fields[0] + fields[6]).replace("#011", "\t");
                assertEquals("MSWinEventLog\t1\tN/A\t" + (i + 1) + "\tFri Jan 05 10:00:00 2024\t4688\tmy app\tN/A\tN/A"
                        + "\tN/A\thost-a\tProcess\t\tseq " + i + "\tN/A", body);
            }
        }
    }

    @Test
    void shouldDeliverJsonLinesOverTcp() throws Exception {
        int port = Rsyslog.freePort();
        try (Rsyslog receiver = Rsyslog.tcp(directory.resolve("rsyslog"), port)) {
            harness().runOneshot(config("$raw_event = '<13>' + to_json();",
                    "Module om_tcp\nHost [::ffff:127.0.0.1]:" + port));
            List<String> lines = receiver.awaitLineCount(50, Duration.ofSeconds(10));
            assertEquals(50, lines.size());
            assertTrue(lines.get(3).contains("{\"Seq\":3,\"EventReceivedTime\":\""), lines.get(3));
            assertTrue(lines.get(3).endsWith("\"SourceModuleName\":\"sequence\",\"SourceModuleType\":\"im_sequence\","
                    + "\"Hostname\":\"host-a\",\"SourceName\":\"my app\",\"ProcessID\":4242,\"Message\":\"seq 3\"}|13"),
                    lines.get(3));
        }
    }

    @Test
    void shouldDeliverDatagramsOverUdp() throws Exception {
        int port = Rsyslog.freeUdpPort();
        try (Rsyslog receiver = Rsyslog.udp(directory.resolve("rsyslog"), port)) {
            harness().runOneshot(config("to_syslog_ietf();", "Module om_udp\nHost 127.0.0.1:" + port));
            List<String> lines = receiver.awaitLineCount(50, Duration.ofSeconds(10));
            assertEquals(50, lines.size());
            assertTrue(lines.get(0).startsWith("my_app[4242]|host-a|my_app|4242|-|[NXLOG@14506 "), lines.get(0));
            assertTrue(new Sequences(lines).complete(50));
        }
    }

    @Test
    void shouldLoseNothingWhenTheReceiverRestartsMidStream() throws Exception {
        restartMidStream(false);
    }

    @Test
    void shouldLoseNothingWhenTheReceiverIsKilledMidStream() throws Exception {
        restartMidStream(true);
    }

    /** Stops (SIGTERM) or kills (SIGKILL) the receiver a quarter into a paced stream, then starts it again. */
    private void restartMidStream(boolean kill) throws Exception {
        int port = Rsyslog.freePort();
        int count = 20_000;
        try (Rsyslog receiver = Rsyslog.tcp(directory.resolve("rsyslog"), port)) {
            AgentRuntime runtime = harness().assemble(String.join("\n", "CacheDir " + directory,
                    "<Extension syslog>", "Module xm_syslog", "</Extension>",
                    "<Input sequence>", "Module im_sequence", "Count " + count, "PerCall 100", "PauseMillis 10",
                    "Exec $SourceName = 'gen'; $Message = $raw_event; to_syslog_bsd();", "</Input>",
                    "<Output out>", "Module om_tcp", "Host 127.0.0.1:" + port, "</Output>", ""), true);
            runtime.start();
            receiver.awaitLineCount(count / 4, Duration.ofSeconds(20));
            if (kill) {
                receiver.kill();
            } else {
                receiver.stop();
            }
            Thread.sleep(500);
            receiver.start();
            runtime.awaitCompletion();
            runtime.stop();
            List<String> lines = receiver.awaitLines(received -> new Sequences(received).complete(count),
                    Duration.ofSeconds(20));
            Sequences sequences = new Sequences(lines);
            assertTrue(sequences.complete(count), sequences.missing(count) + " of " + lines.size() + " lines"
                    + (lines.isEmpty() ? "" : ", the first: " + lines.get(0)));
        }
    }
}
