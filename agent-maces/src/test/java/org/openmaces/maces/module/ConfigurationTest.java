package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.module.ModuleRegistry;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.maces.testing.Fixtures;

/** What {@code nxlog -v} says about im_maces configurations: the samples in conf/, and every error a user can make. */
class ConfigurationTest {
    @TempDir
    Path directory;

    private Diagnostics verify(Path file) {
        RuntimeHarness harness = new RuntimeHarness(directory, new NxlogLanguage());
        Diagnostics diagnostics = new Diagnostics();
        AgentConfiguration configuration = harness.loader().load(file, true, diagnostics);
        if (configuration != null) {
            new AgentRuntime(configuration, settings -> new NxlogLanguage(), harness.options(false).withVerifyOnly(true))
                    .assemble(diagnostics, true);
        }
        return diagnostics;
    }

    private Diagnostics verify(String text) throws Exception {
        Path file = directory.resolve("nxlog.conf");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return verify(file);
    }

    private static String errors(Diagnostics diagnostics) {
        return diagnostics.errors().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    @TestFactory
    Stream<DynamicTest> shouldVerifyEverySampleConfiguration() throws Exception {
        Path conf = Fixtures.checkoutRoot().resolve("conf");
        List<Path> samples;
        try (Stream<Path> files = Files.walk(conf)) {
            samples = files.filter(file -> file.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(samples.size() >= 6, samples.toString());
        return samples.stream().map(sample -> DynamicTest.dynamicTest(conf.relativize(sample).toString(), () -> {
            String text = Files.readString(sample, StandardCharsets.UTF_8);
            // Modules of other parts of the agent (om_file, xm_json) are not on this module's classpath;
            // packaging's SampleConfigurationsTest verifies the samples with every module.
            ModuleRegistry registry = ModuleRegistry.discoverPlus(List.of());
            java.util.regex.Matcher modules = java.util.regex.Pattern.compile("(?m)^\\s*Module\\s+(\\S+)").matcher(text);
            while (modules.find()) {
                Assumptions.assumeTrue(registry.find(modules.group(1)) != null, modules.group(1) + " is not on this classpath");
            }
            Diagnostics diagnostics = verify(sample);
            assertEquals("", errors(diagnostics));
        }));
    }

    @Test
    void shouldNameTheLineOfAnUnknownEventAndTheNearestName() throws Exception {
        Diagnostics diagnostics = verify("<Input in>\n    Module im_maces\n    NotifyEvents exec, wrte, fork\n</Input>\n"
                + "<Output out>\n    Module om_null\n</Output>\n");
        String errors = errors(diagnostics);
        assertTrue(errors.contains("nxlog.conf:3:") && errors.contains("'wrte'") && errors.contains("did you mean 'write'"),
                errors);
    }

    @Test
    void shouldRefuseToAssignTheExecutableAlias() throws Exception {
        Diagnostics diagnostics = verify("<Input in>\n    Module im_maces\n    Exec $Executable = \"/bin/sh\";\n</Input>\n"
                + "<Output out>\n    Module om_null\n</Output>\n");
        assertTrue(errors(diagnostics).contains("read-only alias of $ProcessExecutable"), errors(diagnostics));
    }

    @Test
    void shouldReportBadSourceSettings() throws Exception {
        String errors = errors(verify("<Input in>\n    Module im_maces\n    Source replay\n    RingSize 1000\n</Input>\n"
                + "<Output out>\n    Module om_null\n</Output>\n"));
        assertTrue(errors.contains("nxlog.conf:3: Source replay needs at least one ReplayFile"), errors);
        assertTrue(errors.contains("nxlog.conf:4: RingSize 1000 must be a power of two"), errors);
        String source = errors(verify("<Input in>\n    Module im_maces\n    Source ebpf\n</Input>\n"
                + "<Output out>\n    Module om_null\n</Output>\n"));
        assertTrue(source.contains("nxlog.conf:3:") && source.contains("ebpf"), source);
    }

    @Test
    void shouldAcceptAllAndAnyCaseAndWarnAboutMisspeltFields() throws Exception {
        Diagnostics diagnostics = verify("<Input in>\n    Module im_maces\n    NotifyEvents All\n"
                + "    Exec if $ProcesPID == 1 drop();\n</Input>\n<Output out>\n    Module om_null\n</Output>\n");
        assertEquals("", errors(diagnostics));
        String warnings = diagnostics.warnings().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        assertTrue(warnings.contains("$ProcessPID"), warnings);
        assertFalse(errors(verify("<Input in>\n    Module im_maces\n    NotifyEvents EXEC, File_Provider_Update\n"
                + "</Input>\n<Output out>\n    Module om_null\n</Output>\n")).contains("unknown"));
    }
}
