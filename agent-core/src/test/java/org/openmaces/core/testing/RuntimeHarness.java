package org.openmaces.core.testing;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.Language;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.ModuleRegistry;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.runtime.RuntimeOptions;

/**
 * Runs a configuration text in-process: every discovered module plus test modules, a chosen language,
 * and a short drain timeout. For runtime and module tests in every Maven module.
 */
public final class RuntimeHarness {
    private final Path workingDirectory;
    private final Language language;
    private final List<ModuleProvider> extraModules = new ArrayList<>();
    private Duration drainTimeout = Duration.ofSeconds(2);
    private Diagnostics diagnostics = new Diagnostics();
    private Map<String, String> environment = Map.of();

    public RuntimeHarness(Path workingDirectory, Language language) {
        this.workingDirectory = workingDirectory;
        this.language = language;
        extraModules.add(new CollectingOutput());
    }

    public RuntimeHarness withModule(ModuleProvider provider) {
        extraModules.add(provider);
        return this;
    }

    public RuntimeHarness withDrainTimeout(Duration timeout) {
        drainTimeout = timeout;
        return this;
    }

    /** The environment that {@code envvar} reads (none by default). */
    public RuntimeHarness withEnvironment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
        return this;
    }

    public ConfigurationLoader loader() {
        return new ConfigurationLoader(ModuleRegistry.discoverPlus(extraModules), workingDirectory,
                new ByteArrayInputStream(new byte[0]), environment, ZoneId.systemDefault());
    }

    public RuntimeOptions options(boolean oneshot) {
        return RuntimeOptions.defaults().withOneshot(oneshot).withDrainTimeout(drainTimeout);
    }

    /** Loads and assembles; fails the test with every diagnostic when that does not work. */
    public AgentRuntime assemble(String configText, boolean oneshot) {
        diagnostics = new Diagnostics();
        AgentConfiguration configuration = loader().loadText(workingDirectory.resolve("nxlog.conf"), configText, true,
                diagnostics);
        if (configuration == null) {
            throw new AssertionError("configuration failed:\n" + describe());
        }
        AgentRuntime runtime = new AgentRuntime(configuration, settings -> language, options(oneshot));
        if (!runtime.assemble(diagnostics, true)) {
            throw new AssertionError("assembly failed:\n" + describe());
        }
        return runtime;
    }

    /** Assembles, starts, waits for every input to end, stops (draining every queue). */
    public AgentRuntime runOneshot(String configText) throws Exception {
        AgentRuntime runtime = assemble(configText, true);
        runtime.start();
        runtime.awaitCompletion();
        runtime.stop();
        return runtime;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics.all()) {
            text.append(diagnostic.format()).append('\n');
        }
        return text.toString();
    }
}
