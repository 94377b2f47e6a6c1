package org.openmaces.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import org.openmaces.core.runtime.InstanceLoggers;

/** Publishes INFO and above to {@link InternalLogHub}, whatever LogLevel says (im_internal's contract). */
final class InternalLogAppender extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
        if (!InternalLogHub.hasListeners() || !event.getLevel().isGreaterOrEqual(Level.INFO)) {
            return;
        }
        String severity = NxlogLevels.name(event);
        InternalLogHub.publish(new InternalLogHub.Message(Instant.ofEpochMilli(event.getTimeStamp()), severity,
                NxlogLevels.normalizedValue(severity), event.getFormattedMessage(),
                InstanceLoggers.instanceOf(event.getLoggerName()), event.getLoggerName()));
    }
}
