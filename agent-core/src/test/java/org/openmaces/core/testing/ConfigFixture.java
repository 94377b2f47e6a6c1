package org.openmaces.core.testing;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.module.ModuleRegistry;

/** Loads config text or files with a chosen module registry and reports what happened. */
public final class ConfigFixture {
    private final ConfigurationLoader loader;
    private Diagnostics diagnostics = new Diagnostics();

    public ConfigFixture(ModuleRegistry registry, Path workingDirectory, Map<String, String> environment) {
        loader = new ConfigurationLoader(registry, workingDirectory, new ByteArrayInputStream(new byte[0]),
                environment, ZoneId.of("UTC"));
    }

    public static ConfigFixture withFakeModules(Path workingDirectory) {
        return new ConfigFixture(FakeModules.registry(), workingDirectory, Map.of());
    }

    /** Loads {@code text} as if it were {@code /test/nxlog.conf}; strict (as -v). */
    public AgentConfiguration load(String text) {
        diagnostics = new Diagnostics();
        return loader.loadText(Path.of("/test/nxlog.conf"), text, true, diagnostics);
    }

    public AgentConfiguration loadLenient(String text) {
        diagnostics = new Diagnostics();
        return loader.loadText(Path.of("/test/nxlog.conf"), text, false, diagnostics);
    }

    public AgentConfiguration loadFile(Path file) {
        diagnostics = new Diagnostics();
        return loader.load(file, true, diagnostics);
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Every error, formatted, one per line. */
    public String errors() {
        return diagnostics.errors().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    public String warnings() {
        return diagnostics.warnings().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
