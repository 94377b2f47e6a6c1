package org.openmaces.outputs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;

/** Mistakes in output sections are reported at FILE:LINE with what to change. */
class ConfigurationErrorsTest {
    @TempDir
    Path directory;

    private String errors(String output) {
        RuntimeHarness harness = new RuntimeHarness(directory, new NxlogLanguage());
        Diagnostics diagnostics = new Diagnostics();
        String text = String.join("\n", "CacheDir " + directory, "<Input in>", "Module im_testgen", "MaxCount 1",
                "</Input>", "<Output out>", output, "</Output>", "");
        AgentConfiguration configuration = harness.loader().loadText(directory.resolve("nxlog.conf"), text, true,
                diagnostics);
        if (configuration != null) {
            new AgentRuntime(configuration, settings -> new NxlogLanguage(), harness.options(true))
                    .assemble(diagnostics, true);
        }
        StringBuilder all = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics.all()) {
            all.append(diagnostic.format()).append('\n');
        }
        return all.toString();
    }

    @Test
    void shouldReportBadPortsAndHosts() {
        String errors = errors("Module om_tcp\nHost 127.0.0.1:99999");
        assertTrue(errors.contains("nxlog.conf:8: Host invalid port: 99999"), errors);
        errors = errors("Module om_udp\nHost h\nPort 0");
        assertTrue(errors.contains("nxlog.conf:9: invalid port: 0"), errors);
    }

    @Test
    void shouldReportMissingTlsFilesAndHttpsDirectivesOnPlainUrls() {
        String errors = errors("Module om_ssl\nHost h\nCAFile " + directory.resolve("none.pem"));
        assertTrue(errors.contains("nxlog.conf:9: CAFile " + directory.resolve("none.pem") + ": no such file"), errors);
        errors = errors("Module om_http\nURL http://h/\nHTTPSCAFile /x.pem");
        assertTrue(errors.contains("nxlog.conf:9: 'HTTPSCAFile' is only valid for HTTPS URLs"), errors);
        errors = errors("Module om_ssl\nHost h\nCertFile /c.pem");
        assertTrue(errors.contains("CertFile and CertKeyFile go together"), errors);
    }

    @Test
    void shouldReportBadUrlsHeadersAndModes() {
        String errors = errors("Module om_http\nURL ftp://h/\nAddHeader NoColon");
        assertTrue(errors.contains("must look like http://"), errors);
        assertTrue(errors.contains("AddHeader 'NoColon' must be 'Name: value'"), errors);
        errors = errors("Module om_http\nURL http://h/\nBatchMode lines");
        assertTrue(errors.contains("nxlog.conf:9: invalid value 'lines' for BatchMode"), errors);
        errors = errors("Module om_http\nURL http://h/\nAddHeader Host: x");
        assertTrue(errors.contains("AddHeader cannot set Host"), errors);
        errors = errors("Module om_http\nURL http://h/\nAddHeader Bad Name: x");
        assertTrue(errors.contains("AddHeader 'Bad Name: x' is not a valid HTTP header"), errors);
    }

    @Test
    void shouldReportBadPerms() {
        String errors = errors("Module om_file\nFile 'x'\nPerms 99");
        assertTrue(errors.contains("nxlog.conf:9"), errors);
    }
}
