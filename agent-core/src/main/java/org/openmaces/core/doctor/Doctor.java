package org.openmaces.core.doctor;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.config.InstanceDefinition;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.Language;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.runtime.RuntimeOptions;

/**
 * {@code nxlog doctor}: checks the machine (root, Endpoint Security, the entitlement of the running binary,
 * eslogger), the configuration (every diagnostic of {@code nxlog -v}), then creates every module instance in
 * verify mode, as {@code -v} does, and asks each what it needs at run time ({@link ModuleInstance#diagnose()}):
 * whether im_maces can create an Endpoint Security client, whether an output's destination answers. A module
 * finding that names an {@code es_new_client} failure ({@code ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED}, ...) is
 * followed by what that failure means here and the fix (Full Disk Access for which binary, the entitlement,
 * root). Prints every finding with its fix; exits {@link #EXIT_PROBLEMS} when any finding is a PROBLEM.
 */
public final class Doctor {
    public static final int EXIT_OK = 0;
    public static final int EXIT_PROBLEMS = 1;

    private final Host host;
    private final ConfigurationLoader loader;
    private final Function<LanguageSettings, Language> language;
    private final RuntimeOptions options;
    private final Duration moduleTimeout;

    /**
     * @param moduleTimeout how long one instance's {@code diagnose()} may take before doctor reports it and
     *                      moves on
     */
    public Doctor(Host host, ConfigurationLoader loader, Function<LanguageSettings, Language> language,
                  RuntimeOptions options, Duration moduleTimeout) {
        this.host = host;
        this.loader = loader;
        this.language = language;
        this.options = options.withVerifyOnly(true);
        this.moduleTimeout = moduleTimeout;
    }

    /** Checks everything, prints the report to {@code out}, returns the exit status. */
    public int run(Path configFile, PrintStream out) {
        Report report = new Report();
        Diagnostics diagnostics = new Diagnostics();
        AgentConfiguration configuration = loader.load(configFile, true, diagnostics);
        boolean usesEndpointSecurity = configuration == null || configuration.instances().stream()
                .anyMatch(instance -> instance.provider().name().equalsIgnoreCase("im_maces"));
        new HostChecks(host).run(usesEndpointSecurity).forEach(finding -> report.add("agent", finding));

        List<Instance> instances = new ArrayList<>();
        if (configuration != null) {
            AgentRuntime runtime = new AgentRuntime(configuration, language, options);
            runtime.assemble(diagnostics, true);
            runtime.forEachInstance((definition, instance) -> instances.add(new Instance(definition, instance)));
        }
        addConfigurationFindings(configFile, diagnostics, report);
        for (Instance instance : instances) {
            String source = instance.describe();
            for (DoctorFinding finding : diagnose(instance)) {
                report.add(source, finding);
                interpret(finding, report, source);
            }
        }
        out.println("nxlog doctor: " + configFile + " on " + host.describe() + ", uid " + host.uid());
        out.println();
        return report.print(out);
    }

    private static void addConfigurationFindings(Path configFile, Diagnostics diagnostics, Report report) {
        if (!diagnostics.hasErrors()) {
            report.add("agent", DoctorFinding.ok("configuration", configFile + " is valid"));
        }
        for (Diagnostic diagnostic : diagnostics.all()) {
            String where = diagnostic.file() == null ? configFile.toString()
                    : diagnostic.file() + (diagnostic.line() > 0 ? " line " + diagnostic.line() : "");
            if (diagnostic.severity() == Diagnostic.Severity.ERROR) {
                report.add("agent", DoctorFinding.problem("configuration", diagnostic.format(),
                        "correct " + where + " as the message says, then check it with nxlog -v -c " + configFile));
            } else {
                report.add("agent", DoctorFinding.warning("configuration", diagnostic.format(),
                        "review " + where + "; the agent starts anyway"));
            }
        }
    }

    /** The instance's own findings; a diagnose() that throws or hangs becomes a finding too. */
    private List<DoctorFinding> diagnose(Instance instance) {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "doctor-" + instance.definition().name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<DoctorFinding>> result = executor.submit(instance.instance()::diagnose);
            List<DoctorFinding> findings = result.get(moduleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return findings == null ? List.of() : findings;
        } catch (TimeoutException e) {
            return List.of(DoctorFinding.warning("diagnosis", "its checks did not finish within "
                    + moduleTimeout.toSeconds() + " s", "run doctor again; if it hangs again, check what this"
                    + " module connects to"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return List.of(DoctorFinding.warning("diagnosis", "its checks failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), "report this with the doctor output"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            executor.shutdownNow();
        }
    }

    /** After a finding that names an es_new_client failure, what it means on this machine and the fix. */
    private void interpret(DoctorFinding finding, Report report, String source) {
        if (finding.status() == DoctorFinding.Status.OK) {
            return;
        }
        String text = finding.check() + " " + finding.detail() + " " + finding.fix();
        EsClientResult.findIn(text).ifPresent(result -> {
            boolean viaEslogger = text.toLowerCase(Locale.ROOT).contains("eslogger");
            report.add(source, result.interpret(host.executable().orElse(null), viaEslogger));
        });
    }

    private record Instance(InstanceDefinition definition, ModuleInstance instance) {
        String describe() {
            return definition.kind().blockName().toLowerCase(Locale.ROOT) + " '" + definition.name() + "' ("
                    + definition.provider().name() + ")";
        }
    }
}
