package org.openmaces.core.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openmaces.core.runtime.InstanceLoggers;

/**
 * The agent's own log line, as NXLog writes it: {@code YYYY-MM-DD hh:mm:ss LEVEL message} in local time,
 * with CR and LF in the message replaced by {@code ;} so one event stays one line. Messages from a module
 * instance are prefixed with its name: {@code WARNING [out] cannot write to ...}. Stack traces are printed
 * only at DEBUG, because a user needs the message, not the trace.
 */
final class AgentLogLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final ZoneId zone;
    private final boolean debug;

    AgentLogLayout(ZoneId zone, boolean debug) {
        this.zone = zone;
        this.debug = debug;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(FORMAT.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)));
        line.append(' ').append(NxlogLevels.name(event)).append(' ');
        String instance = InstanceLoggers.instanceOf(event.getLoggerName());
        if (instance != null) {
            line.append('[').append(instance).append("] ");
        }
        appendSingleLine(line, event.getFormattedMessage());
        IThrowableProxy failure = event.getThrowableProxy();
        if (failure != null && debug) {
            line.append(';');
            appendSingleLine(line, ThrowableProxyUtil.asString(failure));
        }
        return line.append('\n').toString();
    }

    private static void appendSingleLine(StringBuilder line, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                line.append(';');
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                line.append(c);
            }
        }
    }
}
