package org.openmaces.core.record;

import java.time.Instant;

/**
 * A datetime value: microseconds since the Unix epoch, UTC. Immutable.
 * A distinct class (not a {@link Long}) so that the run-time type of a value is its Java class.
 */
public final class Datetime implements Comparable<Datetime> {
    private final long microseconds;

    private Datetime(long microseconds) {
        this.microseconds = microseconds;
    }

    public static Datetime ofMicroseconds(long microseconds) {
        return new Datetime(microseconds);
    }

    public static Datetime ofMilliseconds(long milliseconds) {
        return new Datetime(Math.multiplyExact(milliseconds, 1000L));
    }

    public static Datetime ofInstant(Instant instant) {
        return new Datetime(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1000));
    }

    public long microseconds() {
        return microseconds;
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(Math.floorDiv(microseconds, 1_000_000L),
                Math.floorMod(microseconds, 1_000_000L) * 1000L);
    }

    @Override
    public int compareTo(Datetime other) {
        return Long.compare(microseconds, other.microseconds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Datetime datetime && datetime.microseconds == microseconds;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(microseconds);
    }

    /** ISO-8601 in UTC, for debugging; the language's string conversion is elsewhere (it depends on DateFormat). */
    @Override
    public String toString() {
        return toInstant().toString();
    }
}
