package org.openmaces.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Marker;

/**
 * SuppressRepeatingLogs: identical successive messages (same level, logger, text and arguments) are
 * counted instead of logged; when a different message comes, or the repetition has been quiet for a while
 * ({@link #flushIfQuiet}), one line says {@code last message repeated N times}.
 */
final class RepeatSuppressingFilter extends TurboFilter {
    private final org.slf4j.Logger summaryLogger;
    private String lastKey;
    private int repeats;
    private long lastTime;

    RepeatSuppressingFilter(org.slf4j.Logger summaryLogger) {
        this.summaryLogger = summaryLogger;
    }

    @Override
    public synchronized FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                           Throwable failure) {
        if (format == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        String key = level + "\0" + logger.getName() + "\0" + format + "\0" + Arrays.deepToString(params);
        if (Objects.equals(key, lastKey)) {
            repeats++;
            lastTime = System.currentTimeMillis();
            return FilterReply.DENY;
        }
        flushRepeats();
        lastKey = key;
        lastTime = System.currentTimeMillis();
        return FilterReply.NEUTRAL;
    }

    /** Logs the pending summary if the repetition has been quiet for {@code quietMillis}. */
    synchronized void flushIfQuiet(long nowMillis, long quietMillis) {
        if (repeats > 0 && nowMillis - lastTime >= quietMillis) {
            flushRepeats();
            lastKey = null;
        }
    }

    private void flushRepeats() {
        int count = repeats;
        repeats = 0;
        if (count > 0) {
            // Reset first: this call re-enters decide() with a different key.
            summaryLogger.info("last message repeated {} {}", count, count == 1 ? "time" : "times");
        }
    }
}
