package org.openmaces.core.runtime;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs a repeating error once, then at most once per interval with how often it recurred meanwhile, so a
 * dead destination produces a few lines a minute, not thousands. Keyed by message text. Thread-safe.
 */
final class ErrorThrottle {
    private static final int MAX_KEYS = 256;
    private final Clock clock;
    private final long intervalMillis;
    private final Map<String, long[]> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_KEYS;
        }
    };

    ErrorThrottle(Clock clock, long intervalMillis) {
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    /** Logs {@code message} at ERROR unless it was logged within the interval; then it is only counted. */
    void error(Logger logger, String message) {
        String suppressed = admit(message);
        if (suppressed != null) {
            logger.error(message + suppressed);
        }
    }

    void warn(Logger logger, String message) {
        String suppressed = admit(message);
        if (suppressed != null) {
            logger.warn(message + suppressed);
        }
    }

    /** Null when the message must be suppressed; else a suffix telling how many were suppressed. */
    private synchronized String admit(String message) {
        long now = clock.millis();
        long[] state = seen.get(message);
        if (state == null) {
            seen.put(message, new long[] {now, 0});
            return "";
        }
        if (now - state[0] < intervalMillis) {
            state[1]++;
            return null;
        }
        long repeats = state[1];
        state[0] = now;
        state[1] = 0;
        return repeats == 0 ? "" : " (repeated " + repeats + " times since last reported)";
    }
}
