package org.openmaces.core.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line: {@code -c FILE}, {@code -f}, {@code -v}, {@code -h}, {@code --version},
 * {@code --oneshot}.
 *
 * @param configFile  the config file ({@code -} for standard input)
 * @param foreground  {@code -f}: also log to stderr (the agent never daemonizes itself)
 * @param verify      {@code -v}: check the configuration, print every problem, exit
 * @param help        {@code -h}
 * @param version     {@code --version}
 * @param oneshot     {@code --oneshot}: stop once every finite input ended and every queue is flushed
 * @param allowUnsafeConfig {@code --allow-unsafe-config}: as root, read config files others can modify
 * @param doctor      {@code doctor} as the first argument: check the machine, the configuration and what
 *                    each module needs, print every failure with its fix
 */
record CommandLine(Path configFile, boolean foreground, boolean verify, boolean help, boolean version,
                   boolean oneshot, boolean allowUnsafeConfig, boolean doctor) {
    /** Where NXLog Agent keeps its configuration on macOS; {@code -c} or the system property overrides it. */
    static final String DEFAULT_CONFIG = "/opt/nxlog/etc/nxlog.conf";

    static final String USAGE = """
            usage: nxlog [-f] [-c FILE] [--oneshot]
                   nxlog -v [-c FILE]
                   nxlog doctor [-c FILE]
                   nxlog -h | --version

              -c, --conf FILE  configuration file (default %s; '-' reads standard input)
              -f, --foreground log to standard error too (the agent always runs in the foreground;
                               launchd or systemd supervises it)
              -v, --verify     check the configuration, print every problem, and exit
                  --oneshot    stop once every finite input (im_testgen MaxCount, a replay) has ended
                               and every queue is flushed
                  --allow-unsafe-config
                               as root, read config files that are not root's or that others can write
                               (refused by default: whoever edits them controls a root process)
              doctor           check root, Endpoint Security, the entitlement, Full Disk Access,
                               eslogger, the configuration and every output's destination; print
                               each failure with its fix (exit 1 when there is a problem)
              -h, --help       this text
                  --version    print the version

            exit status: 0 success, 1 configuration error, 2 runtime failure
            signals: SIGTERM/SIGINT stop gracefully, SIGHUP reloads the configuration,
                     SIGUSR1 logs the status of every module instance
            """;

    /** @throws IllegalArgumentException with a message for the user */
    static CommandLine parse(List<String> arguments) {
        Path config = Path.of(System.getProperty("openmaces.config", DEFAULT_CONFIG));
        boolean foreground = false;
        boolean verify = false;
        boolean help = false;
        boolean version = false;
        boolean oneshot = false;
        boolean allowUnsafeConfig = false;
        boolean doctor = !arguments.isEmpty() && arguments.get(0).equals("doctor");
        for (int i = doctor ? 1 : 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "-c", "--conf" -> {
                    if (i + 1 >= arguments.size()) {
                        throw new IllegalArgumentException(argument + " needs a file name");
                    }
                    config = Path.of(arguments.get(++i));
                }
                case "-f", "--foreground" -> foreground = true;
                case "-v", "--verify" -> verify = true;
                case "-h", "--help" -> help = true;
                case "--version" -> version = true;
                case "--oneshot" -> oneshot = true;
                case "--allow-unsafe-config" -> allowUnsafeConfig = true;
                default -> {
                    if (argument.startsWith("-c") && argument.length() > 2) {
                        config = Path.of(argument.substring(2));
                    } else {
                        throw new IllegalArgumentException("unknown option '" + argument + "'");
                    }
                }
            }
        }
        return new CommandLine(config, foreground, verify, help, version, oneshot, allowUnsafeConfig, doctor);
    }
}
