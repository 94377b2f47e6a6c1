package org.openmaces.core.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.module.DoctorFinding;

class ProbesTest {
    @TempDir
    Path directory;

    @Test
    void shouldFindAnExistingDirectoryWritable() {
        DoctorFinding finding = Probes.writableDirectory("directory", directory, false);
        assertEquals(DoctorFinding.Status.OK, finding.status(), finding.toString());
        try (var left = Files.list(directory)) {
            assertEquals(List.of(), left.toList(), "the probe file is removed");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldCheckTheParentOfADirectoryTheModuleWouldCreate() {
        DoctorFinding finding = Probes.writableDirectory("directory", directory.resolve("a/b"), true);
        assertEquals(DoctorFinding.Status.OK, finding.status(), finding.toString());
        assertTrue(finding.detail().contains("does not exist yet; " + directory + ", where it will be created, is writable"),
                finding.detail());
        assertTrue(Files.notExists(directory.resolve("a")), "the probe creates nothing");
    }

    @Test
    void shouldReportAMissingDirectoryThatWillNotBeCreated() {
        DoctorFinding finding = Probes.writableDirectory("directory", directory.resolve("missing"), false);
        assertEquals(DoctorFinding.Status.PROBLEM, finding.status());
        assertTrue(finding.fix().contains("CreateDir TRUE"), finding.fix());
    }

    @Test
    void shouldReportADirectoryWhereAFileIs() throws Exception {
        Path file = Files.writeString(directory.resolve("file"), "x");
        DoctorFinding finding = Probes.writableDirectory("directory", file, true);
        assertEquals(DoctorFinding.Status.PROBLEM, finding.status());
        assertTrue(finding.detail().endsWith("exists but is not a directory"), finding.detail());
    }

    @Test
    void shouldReportAReadOnlyDirectory() throws Exception {
        // root may write anywhere a permission bit forbids; /proc refuses new files even to root
        Path readOnly = Files.isDirectory(Path.of("/proc/self")) ? Path.of("/proc/self") : null;
        org.junit.jupiter.api.Assumptions.assumeTrue(readOnly != null, "needs /proc");
        DoctorFinding finding = Probes.writableDirectory("directory", readOnly, false);
        assertEquals(DoctorFinding.Status.PROBLEM, finding.status(), finding.toString());
        assertTrue(finding.detail().startsWith("cannot write in /proc/self: "), finding.detail());
        assertTrue(finding.fix().contains("writable by the agent's user"), finding.fix());
    }

    @Test
    void shouldTellATrueEntitlementFromAFalseOne() {
        assertTrue(HostChecks.hasTrueEntitlement("<key>com.apple.developer.endpoint-security.client</key>\n\t<true/>"));
        assertEquals(false, HostChecks.hasTrueEntitlement("<key>com.apple.developer.endpoint-security.client</key><false/>"));
        assertEquals(false, HostChecks.hasTrueEntitlement("<dict/>"));
    }
}
