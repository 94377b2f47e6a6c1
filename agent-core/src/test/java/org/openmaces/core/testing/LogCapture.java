package org.openmaces.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the agent logs while it is open, at every level down to TRACE, with messages formatted and stack
 * traces rendered as the agent's log would show them. For tests that check what is (or is not) logged.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previousLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
    }

    /** One line per event: {@code LEVEL [logger] message}, then the rendered stack trace, if any. */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : new ArrayList<>(appender.list)) {
            StringBuilder line = new StringBuilder().append(event.getLevel()).append(" [").append(event.getLoggerName())
                    .append("] ").append(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public String text() {
        return String.join("\n", lines());
    }

    /** True when a line at WARN or above contains {@code fragment}. */
    public boolean warned(String fragment) {
        for (ILoggingEvent event : new ArrayList<>(appender.list)) {
            if (event.getLevel().isGreaterOrEqual(Level.WARN) && event.getFormattedMessage().contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        appender.stop();
    }
}
