package org.openmaces.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.doctor.Doctor;
import org.openmaces.core.doctor.Host;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.RuntimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code bin/nxlog}: parses the command line, wires signals, and exits with the agent's status. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] arguments) {
        BundledNativeLibraries.configure();
        System.exit(run(List.of(arguments)));
    }

    static int run(List<String> arguments) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("nxlog: " + e.getMessage());
            System.err.print(String.format(CommandLine.USAGE, CommandLine.DEFAULT_CONFIG));
            return AgentProcess.EXIT_CONFIGURATION_ERROR;
        }
        if (commandLine.help()) {
            System.out.print(String.format(CommandLine.USAGE, CommandLine.DEFAULT_CONFIG));
            return AgentProcess.EXIT_OK;
        }
        if (commandLine.version()) {
            System.out.println("nxlog (OpenMacES) " + version());
            return AgentProcess.EXIT_OK;
        }
        AgentProcess process = new AgentProcess(commandLine.configFile(), commandLine.foreground(),
                ConfigurationLoader.forThisProcess(commandLine.allowUnsafeConfig()), NxlogLanguage::new,
                RuntimeOptions.defaults().withOneshot(commandLine.oneshot()), System.err);
        if (commandLine.doctor()) {
            return new Doctor(Host.system(), ConfigurationLoader.forThisProcess(commandLine.allowUnsafeConfig()),
                    NxlogLanguage::new, RuntimeOptions.defaults(), Duration.ofSeconds(30))
                    .run(commandLine.configFile(), System.out);
        }
        if (commandLine.verify()) {
            return process.verify(System.out);
        }
        installSignalHandlers(process);
        return process.run();
    }

    private static void installSignalHandlers(AgentProcess process) {
        Object termination = new Object();
        int[] terminations = {0};
        SignalHandler stop = signal -> {
            synchronized (termination) {
                terminations[0]++;
                boolean abort = terminations[0] > 1 && process.globals() != null && process.globals().abortOnDoubleSigterm();
                if (abort) {
                    LOG.warn("second SIG{} and AbortOnDoubleSigterm: exiting without flushing", signal.getName());
                    Runtime.getRuntime().halt(AgentProcess.EXIT_RUNTIME_FAILURE);
                }
            }
            LOG.info("SIG{} received, stopping", signal.getName());
            process.requestStop();
        };
        handle("TERM", stop);
        handle("INT", stop);
        handle("HUP", signal -> new Thread(process::reload, "reload").start());
        handle("USR1", signal -> LOG.info("status:\n{}", process.status()));
    }

    private static void handle(String name, SignalHandler handler) {
        try {
            Signal signal = new Signal(name);
            if (Signal.handle(signal, handler) != SignalHandler.SIG_IGN) {
                return;
            }
            // Ignored by whoever started the agent (a script's background job, nohup): the JVM installed
            // nothing. Reset the disposition and install again, as NXLog does; say so either way.
            if (SignalDispositions.resetToDefault(signal.getNumber())
                    && Signal.handle(signal, handler) != SignalHandler.SIG_IGN) {
                LOG.info("SIG{} was set to be ignored by the process that started the agent; the agent handles it", name);
            } else {
                LOG.warn("SIG{} is ignored (set so by the process that started the agent) and the agent could not"
                        + " take it back: it will not act on SIG{}", name, name);
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("signal {} is not available to the agent: {}", name, e.getMessage());
        }
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
