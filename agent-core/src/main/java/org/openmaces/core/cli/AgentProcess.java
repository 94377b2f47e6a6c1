package org.openmaces.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.config.GlobalSettings;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.Language;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.logging.AgentLogging;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.runtime.RuntimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a process: verifies or runs a configuration, and reacts to stop, reload and status
 * requests (which {@link Main} wires to signals and tests call directly). A reload with an invalid new
 * configuration reports every problem and keeps the running one.
 */
public final class AgentProcess {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CONFIGURATION_ERROR = 1;
    public static final int EXIT_RUNTIME_FAILURE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(AgentProcess.class);

    private final Path configFile;
    private final boolean foreground;
    private final ConfigurationLoader loader;
    private final Function<LanguageSettings, Language> language;
    private final RuntimeOptions options;
    private final PrintStream errorStream;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private AgentRuntime runtime;
    private GlobalSettings globals;
    private Path pidFile;

    public AgentProcess(Path configFile, boolean foreground, ConfigurationLoader loader, Function<LanguageSettings, Language> language,
                        RuntimeOptions options, PrintStream errorStream) {
        this.configFile = configFile;
        this.foreground = foreground;
        this.loader = loader;
        this.language = language;
        this.options = options;
        this.errorStream = errorStream;
    }

    /** {@code -v}: loads strictly, creates every instance in verify mode, compiles every Exec; prints all problems. */
    public int verify(PrintStream out) {
        Diagnostics diagnostics = new Diagnostics();
        AgentConfiguration configuration = loader.load(configFile, true, diagnostics);
        boolean ok = configuration != null;
        if (ok) {
            AgentRuntime candidate = new AgentRuntime(configuration, language, options.withVerifyOnly(true));
            ok = candidate.assemble(diagnostics, true);
        }
        print(diagnostics, errorStream);
        if (ok && !diagnostics.hasErrors()) {
            out.println("configuration OK");
            return EXIT_OK;
        }
        errorStream.println(diagnostics.errorCount() + (diagnostics.errorCount() == 1 ? " error" : " errors")
                + " in " + configFile + "; nothing was started");
        return EXIT_CONFIGURATION_ERROR;
    }

    /**
     * Runs until {@link #requestStop()} (or, with {@code --oneshot}, until every input ended and every queue
     * is flushed). Returns the exit status.
     */
    public int run() {
        Diagnostics diagnostics = new Diagnostics();
        AgentConfiguration configuration = loader.load(configFile, false, diagnostics);
        if (configuration == null) {
            print(diagnostics, errorStream);
            return EXIT_CONFIGURATION_ERROR;
        }
        try {
            configureLogging(configuration.globals());
        } catch (IOException e) {
            print(diagnostics, errorStream);
            errorStream.println("cannot open the log: " + e.getMessage());
            return EXIT_CONFIGURATION_ERROR;
        }
        AgentRuntime started;
        synchronized (lifecycle) {
            AgentRuntime candidate = new AgentRuntime(configuration, language, options);
            boolean assembled = candidate.assemble(diagnostics, !configuration.globals().ignoreErrors());
            logDiagnostics(diagnostics);
            if (!assembled) {
                if (!foreground && configuration.globals().logFile() != null) {
                    print(diagnostics, errorStream);
                }
                return EXIT_CONFIGURATION_ERROR;
            }
            try {
                writePidFile(configuration.globals().pidFile());
                candidate.start();
            } catch (AgentRuntime.RuntimeFailure | IOException e) {
                LOG.error("cannot start: {}", e.getMessage());
                removePidFile();
                return EXIT_RUNTIME_FAILURE;
            }
            runtime = candidate;
            globals = configuration.globals();
            started = candidate;
        }
        try {
            if (options.oneshot()) {
                started.awaitCompletion();
            } else {
                stopRequested.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lifecycle) {
            runtime.stop();
            runtime = null;
        }
        removePidFile();
        LOG.info("stopped");
        return EXIT_OK;
    }

    /** Graceful stop: returns at once; {@link #run()} returns once queues are flushed or saved. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /**
     * SIGHUP: reads the configuration again; when it has no error at all, stops the running configuration
     * (saving queues) and starts the new one; otherwise logs every problem and keeps running as before.
     *
     * @return true when the new configuration is running
     */
    public boolean reload() {
        synchronized (lifecycle) {
            if (runtime == null) {
                return false;
            }
            LOG.info("reloading the configuration from {}", configFile);
            // Strict whatever IgnoreErrors says: a reload must not silently leave out a module that runs now.
            Diagnostics diagnostics = new Diagnostics();
            AgentConfiguration configuration = loader.load(configFile, true, diagnostics);
            AgentRuntime candidate = null;
            if (configuration != null) {
                candidate = new AgentRuntime(configuration, language, options);
                if (!candidate.assemble(diagnostics, true)) {
                    candidate = null;
                }
            }
            logDiagnostics(diagnostics);
            if (candidate == null) {
                LOG.error("the new configuration has errors (see above); the running configuration stays in effect");
                return false;
            }
            runtime.stop();
            try {
                configureLogging(configuration.globals());
                candidate.start();
            } catch (AgentRuntime.RuntimeFailure | IOException e) {
                LOG.error("the new configuration could not start: {}; stopping", e.getMessage());
                runtime = null;
                requestStop();
                return false;
            }
            runtime = candidate;
            globals = configuration.globals();
            LOG.info("configuration reloaded");
            return true;
        }
    }

    /** SIGUSR1: the status of every module instance. */
    public String status() {
        synchronized (lifecycle) {
            return runtime == null ? "not running" : runtime.statusReport();
        }
    }

    private void configureLogging(GlobalSettings settings) throws IOException {
        AgentLogging.configure(settings.logLevel(), settings.logFile(), foreground, settings.suppressRepeatingLogs());
    }

    private static void logDiagnostics(Diagnostics diagnostics) {
        for (Diagnostic diagnostic : diagnostics.all()) {
            if (diagnostic.severity() == Diagnostic.Severity.ERROR) {
                LOG.error(diagnostic.format());
            } else {
                LOG.warn(diagnostic.format());
            }
        }
    }

    static void print(Diagnostics diagnostics, PrintStream stream) {
        for (Diagnostic diagnostic : diagnostics.all()) {
            stream.println(diagnostic.format());
        }
    }

    private void writePidFile(Path file) throws IOException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Written beside it and renamed into place: whoever reads the PidFile (a test, a script running
        // kill -USR1 $(cat ...)) sees either no file or the whole PID, never an empty or partial one.
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, ProcessHandle.current().pid() + "\n");
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        pidFile = file;
    }

    private void removePidFile() {
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                LOG.warn("cannot remove the PidFile {}: {}", pidFile, e.getMessage());
            }
            pidFile = null;
        }
    }

    /** The settings of the running configuration, or null. */
    GlobalSettings globals() {
        synchronized (lifecycle) {
            return globals;
        }
    }
}
