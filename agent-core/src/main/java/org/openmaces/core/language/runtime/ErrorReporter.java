package org.openmaces.core.language.runtime;

import java.util.HashMap;
import java.util.Map;
import org.openmaces.core.language.ExecutionEnvironment;

/**
 * Logs run-time errors of one compiled program without flooding the log: the first occurrence of an
 * error (same place, same message) is logged at once; repeats within {@link #WINDOW_MICROSECONDS} are
 * counted, and the count is logged with the next occurrence after the window. Thread-safe; only the error
 * path takes its lock.
 */
public final class ErrorReporter {
    static final long WINDOW_MICROSECONDS = 10_000_000L;
    private static final int MAX_DISTINCT_ERRORS = 1000;

    private final Map<String, Occurrences> byKey = new HashMap<>();

    /** Reports {@code message} raised at {@code location} by the Exec of the environment's instance. */
    public void report(ExecutionEnvironment environment, SourceLocation location, String message) {
        long now = nowMicroseconds(environment);
        String key = location.describe() + '\0' + message;
        long suppressed;
        long sinceMicroseconds;
        synchronized (byKey) {
            Occurrences occurrences = byKey.get(key);
            if (occurrences == null) {
                if (byKey.size() >= MAX_DISTINCT_ERRORS) {
                    byKey.clear();
                }
                byKey.put(key, new Occurrences(now));
                suppressed = 0;
                sinceMicroseconds = now;
            } else if (now - occurrences.loggedAt < WINDOW_MICROSECONDS) {
                occurrences.suppressed++;
                return;
            } else {
                suppressed = occurrences.suppressed;
                sinceMicroseconds = occurrences.loggedAt;
                occurrences.loggedAt = now;
                occurrences.suppressed = 0;
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(environment.instanceName()).append(": Exec failed at ").append(location.describe()).append(": ")
                .append(message).append("; statement execution has been aborted");
        if (suppressed > 0) {
            text.append(" (the same error occurred ").append(suppressed).append(" more times in the last ")
                    .append((now - sinceMicroseconds) / 1_000_000L).append(" s)");
        }
        environment.log(ExecutionEnvironment.LogLevel.ERROR, text.toString());
    }

    private static long nowMicroseconds(ExecutionEnvironment environment) {
        java.time.Instant instant = environment.clock().instant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private static final class Occurrences {
        long loggedAt;
        long suppressed;

        Occurrences(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }
}
