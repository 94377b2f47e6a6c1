package org.openmaces.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Configures the agent's own logging (config spec §3): LogLevel, LogFile, SuppressRepeatingLogs, and the
 * feed to im_internal, which receives INFO and above whatever LogLevel says. Reconfigurable (SIGHUP).
 */
public final class AgentLogging {
    private static final long QUIET_MILLIS = 3000;
    private static final String INTERNAL_APPENDER = "im_internal";
    private static ScheduledExecutorService repeatFlusher;

    private AgentLogging() {
    }

    /**
     * @param logLevel       CRITICAL, ERROR, WARNING, INFO or DEBUG
     * @param logFile        LogFile, or null
     * @param toStandardError also write to stderr (foreground, or no LogFile)
     * @param suppressRepeats SuppressRepeatingLogs
     * @throws IOException when the LogFile cannot be created (the message names it)
     */
    public static synchronized void configure(String logLevel, Path logFile, boolean toStandardError,
                                              boolean suppressRepeats) throws IOException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Level threshold = NxlogLevels.forLogLevel(logLevel);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // im_internal must see INFO even when LogLevel is ERROR: the threshold is applied per appender.
        root.setLevel(threshold.isGreaterOrEqual(Level.INFO) ? Level.INFO : threshold);
        boolean debug = threshold == Level.DEBUG;
        if (toStandardError || logFile == null) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            attach(context, root, console, "stderr", threshold, debug);
        }
        if (logFile != null) {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(logFile)) {
                Files.createFile(logFile);
                try {
                    Files.setPosixFilePermissions(logFile, PosixFilePermissions.fromString("rw-r-----"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system.
                }
            } else if (!Files.isWritable(logFile)) {
                throw new IOException("LogFile " + logFile + " is not writable");
            }
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(logFile.toString());
            file.setAppend(true);
            attach(context, root, file, "logfile", threshold, debug);
        }
        ensureInternalFeed();
        if (repeatFlusher != null) {
            repeatFlusher.shutdownNow();
            repeatFlusher = null;
        }
        if (suppressRepeats) {
            RepeatSuppressingFilter filter = new RepeatSuppressingFilter(LoggerFactory.getLogger("repeat"));
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
            repeatFlusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "log-repeat-flusher");
                thread.setDaemon(true);
                return thread;
            });
            repeatFlusher.scheduleWithFixedDelay(() -> filter.flushIfQuiet(System.currentTimeMillis(), QUIET_MILLIS),
                    QUIET_MILLIS, QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Attaches the im_internal feed to the root logger unless it is there (also without configure()). */
    static synchronized void ensureInternalFeed() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(INTERNAL_APPENDER) != null) {
            return;
        }
        // im_internal receives INFO and above whatever the appenders' thresholds are.
        Level level = root.getLevel();
        if (level == null || level.isGreaterOrEqual(Level.WARN)) {
            root.setLevel(Level.INFO);
        }
        InternalLogAppender internal = new InternalLogAppender();
        internal.setContext(context);
        internal.setName(INTERNAL_APPENDER);
        internal.start();
        root.addAppender(internal);
    }

    private static void attach(LoggerContext context, Logger root, OutputStreamAppender<ILoggingEvent> appender,
                               String name, Level threshold, boolean debug) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        AgentLogLayout layout = new AgentLogLayout(ZoneId.systemDefault(), debug);
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.setContext(context);
        encoder.start();
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(threshold.levelStr);
        filter.start();
        appender.addFilter(filter);
        appender.setEncoder(encoder);
        appender.setContext(context);
        appender.setName(name);
        appender.start();
        root.addAppender(appender);
    }
}
