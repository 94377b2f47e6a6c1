package org.openmaces.core.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.testing.FakeLanguage;
import org.openmaces.core.testing.RuntimeHarness;

@Timeout(60)
class DoctorTest {
    private static final String ENTITLED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0"><dict>
            \t<key>com.apple.developer.endpoint-security.client</key>
            \t<true/>
            </dict></plist>
            """;

    @TempDir
    Path directory;
    private String output;

    private int doctor(FakeHost host, String config) throws Exception {
        Path file = directory.resolve("nxlog.conf");
        Files.writeString(file, config);
        RuntimeHarness harness = new RuntimeHarness(directory, new FakeLanguage());
        DiagnosingModules.all().forEach(harness::withModule);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Doctor(host, harness.loader(), settings -> new FakeLanguage(), harness.options(false),
                Duration.ofSeconds(2)).run(file, new PrintStream(out, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8);
        return status;
    }

    private String probeConfig(String probe) {
        return "CacheDir " + directory + "\n<Input gen>\n Module im_testgen\n MaxCount 1\n</Input>\n"
                + "<Output out>\n Module om_probe\n" + probe + "\n</Output>\n";
    }

    private void assertReported(String status, String text, String fix) {
        int at = output.indexOf(text);
        assertTrue(at >= 0, "no '" + text + "' in:\n" + output);
        int lineStart = output.lastIndexOf('\n', at) + 1;
        assertTrue(output.startsWith(status, lineStart), "'" + text + "' is not reported as " + status + ":\n" + output);
        if (fix != null) {
            int nextLine = output.indexOf('\n', at);
            String following = output.substring(nextLine + 1, output.indexOf('\n', nextLine + 1));
            assertTrue(following.contains("fix: ") && following.contains(fix), "no fix '" + fix + "' after '" + text
                    + "':\n" + output);
        }
    }

    @Test
    void shouldReportWhatLinuxLacksWithFixesAndExitZeroWhenNothingIsAProblem() throws Exception {
        FakeHost host = FakeHost.linux();
        host.uid = 1000;
        assertEquals(Doctor.EXIT_OK, doctor(host, probeConfig(" Directory " + directory)), output);
        assertReported("WARNING", "root: running as uid 1000, not root", "run doctor with sudo");
        assertReported("WARNING", "Endpoint Security: Endpoint Security exists only on macOS", "collect live events on a Mac");
        assertReported("WARNING", "eslogger: /usr/bin/eslogger does not exist", "macOS 13 or later");
        assertReported("OK", "configuration: " + directory.resolve("nxlog.conf") + " is valid", null);
        assertReported("OK", "output 'out' (om_probe): directory: " + directory + " is writable", null);
        assertTrue(output.endsWith("no problems, 3 warnings.\n"), output);
    }

    @Test
    void shouldReportEveryConfigurationErrorWithItsFileAndLine() throws Exception {
        String config = "<Input gen>\n Module im_testgen\n MaxCount ten\n</Input>\n<Output out>\n Module om_nul\n</Output>\n";
        assertEquals(Doctor.EXIT_PROBLEMS, doctor(FakeHost.linux(), config), output);
        Path file = directory.resolve("nxlog.conf");
        assertReported("PROBLEM", "configuration: " + file + ":3: invalid value 'ten' for MaxCount", "correct " + file + " line 3");
        assertReported("PROBLEM", "configuration: " + file + ":6: unknown module 'om_nul'",
                "nxlog -v -c " + file);
        assertTrue(output.contains("problems, "), output);
        assertTrue(output.endsWith("until the problems are fixed.\n"), output);
    }

    @Test
    void shouldReportAnUnreachableTcpDestinationWithItsFix() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertEquals(Doctor.EXIT_PROBLEMS, doctor(FakeHost.linux(), probeConfig(" Host 127.0.0.1\n Port " + port)), output);
        assertReported("PROBLEM", "output 'out' (om_probe): destination: cannot connect to 127.0.0.1:" + port,
                "start the receiver on 127.0.0.1:" + port + ", or correct Host and Port");
    }

    @Test
    void shouldReportAReachableTcpDestinationAsOk() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(Doctor.EXIT_OK, doctor(FakeHost.linux(),
                    probeConfig(" Host 127.0.0.1\n Port " + listening.getLocalPort())), output);
            assertReported("OK", "destination: connected to 127.0.0.1:" + listening.getLocalPort(), null);
        }
    }

    @Test
    void shouldReportAnUnwritableFileDirectoryWithItsFix() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("a-file"), "x");
        assertEquals(Doctor.EXIT_PROBLEMS, doctor(FakeHost.linux(), probeConfig(" Directory " + notADirectory + "/logs")),
                output);
        assertReported("PROBLEM", "directory: cannot create " + notADirectory + "/logs: " + notADirectory
                + " is not a directory", "an existing directory");
    }

    @Test
    void shouldExplainFullDiskAccessWhenTheInputReportsNotPermitted() throws Exception {
        FakeHost host = FakeHost.mac(14);
        host.codesign = new Host.CommandResult(0, ENTITLED);
        host.fullDiskAccess = false;
        String config = "CacheDir " + directory + "\n<Input es>\n Module im_maces\n Result ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED\n"
                + "</Input>\n<Output out>\n Module om_null\n</Output>\n";
        assertEquals(Doctor.EXIT_PROBLEMS, doctor(host, config), output);
        assertReported("OK", "entitlement: /opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog is signed with"
                + " com.apple.developer.endpoint-security.client", null);
        assertEquals(java.util.List.of("codesign", "-d", "--entitlements", ":-",
                "/opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog"), host.commands.get(0));
        assertReported("PROBLEM", "input 'es' (im_maces): Endpoint Security client: es_new_client returned"
                + " ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED", null);
        assertReported("PROBLEM", "input 'es' (im_maces): Full Disk Access: es_new_client returned"
                + " ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED (4): macOS has not given Full Disk Access", "nxlog-full-disk-access.mobileconfig");
        assertTrue(output.contains("Full Disk Access > + > /opt/nxlog/lib/nxlog.app"), output);
        assertReported("WARNING", "Full Disk Access: this process cannot read /Library/Application Support/com.apple.TCC/TCC.db",
                "grant Full Disk Access to /opt/nxlog/lib/nxlog.app");
        assertTrue(output.contains("sudo launchctl kickstart -k system/com.nxlog"), output);
    }

    @Test
    void shouldExplainTheEntitlementWhenTheInputReportsNotEntitled() throws Exception {
        FakeHost host = FakeHost.mac(13);
        host.codesign = new Host.CommandResult(0, "<plist><dict></dict></plist>");
        String config = "CacheDir " + directory + "\n<Input es>\n Module im_maces\n Result ES_NEW_CLIENT_RESULT_ERR_NOT_ENTITLED\n"
                + "</Input>\n<Output out>\n Module om_null\n</Output>\n";
        assertEquals(Doctor.EXIT_PROBLEMS, doctor(host, config), output);
        assertReported("WARNING", "entitlement: /opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog is not signed with",
                "entitlements/codesign.sh");
        assertReported("PROBLEM", "Endpoint Security entitlement: es_new_client returned ES_NEW_CLIENT_RESULT_ERR_NOT_ENTITLED (3)",
                "eslogger source");
    }

    @Test
    void shouldMakeNotRootAProblemOnAMacThatRunsImMaces() throws Exception {
        FakeHost host = FakeHost.mac(12);
        host.uid = 501;
        host.codesign = new Host.CommandResult(1, "/opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog: code object is not signed at all\n");
        String config = "CacheDir " + directory + "\n<Input es>\n Module im_maces\n</Input>\n<Output out>\n Module om_null\n</Output>\n";
        assertEquals(Doctor.EXIT_PROBLEMS, doctor(host, config), output);
        assertReported("PROBLEM", "root: running as uid 501, not root", "sudo /opt/nxlog/bin/nxlog doctor");
        assertReported("WARNING", "entitlement: codesign could not read the signature of", "entitlements/codesign.sh");
        assertTrue(output.contains("code object is not signed at all"), output);
        assertReported("WARNING", "eslogger: /usr/bin/eslogger does not exist: it comes with macOS 13", "only the native source");
        assertReported("OK", "Full Disk Access: this process can read", null);
    }

    @Test
    void shouldReportAModuleWhoseChecksHangAndGoOn() throws Exception {
        String config = "CacheDir " + directory + "\n<Input es>\n Module im_maces\n Result HANG\n</Input>\n"
                + "<Output out>\n Module om_probe\n Directory " + directory + "\n</Output>\n";
        doctor(FakeHost.linux(), config);
        assertReported("WARNING", "input 'es' (im_maces): diagnosis: its checks did not finish within 2 s", "run doctor again");
        assertReported("OK", "output 'out' (om_probe): directory:", null);
    }
}
