package org.openmaces.outputs.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;

/** What nxlog doctor hears from each output: reachability and writability, with the fix. */
class OutputDiagnosisTest {
    @TempDir
    Path directory;

    private List<DoctorFinding> diagnose(String outputs) {
        AgentRuntime runtime = new RuntimeHarness(directory, new NxlogLanguage()).assemble("CacheDir " + directory + "\n"
                + "<Input in>\nModule im_testgen\n</Input>\n" + outputs, false);
        List<DoctorFinding> findings = new ArrayList<>();
        runtime.forEachInstance((definition, instance) -> findings.addAll(instance.diagnose()));
        return findings;
    }

    @Test
    void shouldReportAnUnreachableTcpDestinationAndAReachableOne() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (ServerSocket listening = new ServerSocket(0)) {
            List<DoctorFinding> findings = diagnose("<Output down>\nModule om_tcp\nHost 127.0.0.1:" + closedPort + "\n</Output>\n"
                    + "<Output up>\nModule om_tcp\nHost 127.0.0.1:" + listening.getLocalPort() + "\n</Output>\n");
            DoctorFinding down = findings.stream().filter(f -> f.detail().contains(":" + closedPort)).findFirst().orElseThrow();
            assertEquals(DoctorFinding.Status.PROBLEM, down.status());
            assertTrue(down.fix().contains("start the receiver on 127.0.0.1:" + closedPort), down.fix());
            DoctorFinding up = findings.stream().filter(f -> f.detail().contains(":" + listening.getLocalPort())).findFirst().orElseThrow();
            assertEquals(DoctorFinding.Status.OK, up.status(), up.toString());
        }
    }

    @Test
    void shouldReportAFileDirectoryThatDoesNotExistWithoutCreateDir() throws Exception {
        Path missing = directory.resolve("missing/dir/out.log");
        List<DoctorFinding> findings = diagnose("<Output file>\nModule om_file\nFile \"" + missing + "\"\n</Output>\n");
        assertEquals(1, findings.size());
        assertEquals(DoctorFinding.Status.PROBLEM, findings.get(0).status());
        assertTrue(findings.get(0).fix().contains("CreateDir TRUE"), findings.get(0).fix());

        Files.createDirectories(directory.resolve("present"));
        List<DoctorFinding> fine = diagnose("<Output file>\nModule om_file\nFile \"" + directory.resolve("present/out.log")
                + "\"\n</Output>\n");
        assertEquals(DoctorFinding.Status.OK, fine.get(0).status(), fine.toString());
    }

    @Test
    void shouldSayThatUdpCannotBeConfirmed() {
        List<DoctorFinding> findings = diagnose("<Output udp>\nModule om_udp\nHost 127.0.0.1:514\n</Output>\n");
        assertEquals(DoctorFinding.Status.WARNING, findings.get(0).status());
        assertTrue(findings.get(0).detail().contains("no delivery confirmation"));
    }
}
