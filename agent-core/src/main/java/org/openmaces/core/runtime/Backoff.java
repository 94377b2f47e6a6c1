package org.openmaces.core.runtime;

/** NXLog's reconnect delays: 1, 2, 4, … seconds, capped at 200 s; reset after a success. */
final class Backoff {
    static final long FIRST_MILLIS = 1000;
    static final long MAXIMUM_MILLIS = 200_000;
    private long nextMillis = FIRST_MILLIS;

    /** The delay to wait now; doubles the next one. */
    long nextDelayMillis() {
        long delay = nextMillis;
        nextMillis = Math.min(MAXIMUM_MILLIS, nextMillis * 2);
        return delay;
    }

    void reset() {
        nextMillis = FIRST_MILLIS;
    }
}
