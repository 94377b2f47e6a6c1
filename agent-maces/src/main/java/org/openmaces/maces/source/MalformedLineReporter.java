package org.openmaces.maces.source;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * Counts malformed eslogger lines and warns about them, naming where each was, at most
 * {@value #WARNINGS_PER_MINUTE} times a minute; the ones not named are summarised with the next
 * warning. Thread-safe.
 */
final class MalformedLineReporter {
    static final int WARNINGS_PER_MINUTE = 10;

    private final LongAdder lost;
    private final Logger logger;
    private final Clock clock;
    private long windowStart = Long.MIN_VALUE;
    private int warnedInWindow;
    private long unwarned;

    MalformedLineReporter(LongAdder lost, Logger logger, Clock clock) {
        this.lost = lost;
        this.logger = logger;
        this.clock = clock;
    }

    synchronized void malformed(String where, long line, String why) {
        lost.increment();
        long now = clock.millis();
        if (now - windowStart >= 60_000) {
            windowStart = now;
            warnedInWindow = 0;
        }
        if (warnedInWindow < WARNINGS_PER_MINUTE) {
            warnedInWindow++;
            String more = unwarned > 0 ? " (" + unwarned + " more malformed lines were skipped without a warning)" : "";
            unwarned = 0;
            logger.warn("{} line {}: skipped a line that is not an eslogger event: {}{}", where, line, why, more);
        } else {
            unwarned++;
        }
    }
}
