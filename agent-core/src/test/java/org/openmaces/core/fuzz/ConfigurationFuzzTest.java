package org.openmaces.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.module.ModuleRegistry;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.runtime.RuntimeOptions;

/**
 * Any text as nxlog.conf: loading, creating instances in verify mode and compiling every Exec must end in
 * a configuration or in diagnostics, never in an exception. Without {@code JAZZER_FUZZ=1} this runs the
 * inputs in {@code ConfigurationFuzzTestInputs/} (seeds and every crash ever found) as regression tests.
 */
class ConfigurationFuzzTest {
    private static final ConfigurationLoader LOADER = new ConfigurationLoader(ModuleRegistry.discover(),
            Path.of("/nonexistent-fuzz-directory"), new ByteArrayInputStream(new byte[0]), Map.of(), ZoneId.of("UTC"));

    @FuzzTest(maxDuration = "60s")
    void shouldReportProblemsInsteadOfFailing(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        // include_stdout would run programs; the fuzzer must not.
        if (text.toLowerCase(java.util.Locale.ROOT).contains("include_stdout")) {
            return;
        }
        Diagnostics diagnostics = new Diagnostics();
        AgentConfiguration configuration = LOADER.loadText(Path.of("/fuzz/nxlog.conf"), text, true, diagnostics);
        if (configuration != null) {
            new AgentRuntime(configuration, NxlogLanguage::new, RuntimeOptions.defaults().withVerifyOnly(true))
                    .assemble(diagnostics, true);
        }
        for (Diagnostic diagnostic : diagnostics.all()) {
            diagnostic.format();
        }
    }
}
