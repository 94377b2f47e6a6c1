package org.openmaces.core.language.runtime;

/**
 * One statistical counter with NXLog CE's algorithm (language spec §7): on every add and every read at
 * time t, if {@code t - windowStart >= interval} the closed window (of length {@code L = t - windowStart})
 * updates the value and a new window starts at t; an add then goes into the new window. Nothing is
 * recomputed by a timer. Thread-safe (the instance's Exec and Schedules share it).
 */
final class Statistic {
    private final StatisticType type;
    private final long intervalMicros;
    private final long expiryMicros;
    private long windowStart;
    /** COUNT*: the running total since creation; others: the sum of the current window. */
    private long accumulator;
    private Long value;
    private long previousRate;

    Statistic(StatisticType type, long intervalMicros, long startMicros, long expiryMicros) {
        this.type = type;
        this.intervalMicros = intervalMicros;
        this.windowStart = startMicros;
        this.expiryMicros = expiryMicros;
        this.value = type == StatisticType.COUNT ? Long.valueOf(0) : null;
    }

    boolean isExpired(long nowMicros) {
        return nowMicros >= expiryMicros;
    }

    synchronized void add(long amount, long timeMicros) {
        update(timeMicros);
        accumulator += amount;
        if (type == StatisticType.COUNT) {
            value = accumulator;
        }
    }

    synchronized Long get(long timeMicros) {
        update(timeMicros);
        return value;
    }

    private void update(long time) {
        if (type == StatisticType.COUNT) {
            value = accumulator;
            return;
        }
        long length = time - windowStart;
        if (length < intervalMicros) {
            return;
        }
        switch (type) {
            case COUNTMIN -> value = value == null ? accumulator : Math.min(value, accumulator);
            case COUNTMAX -> value = value == null ? accumulator : Math.max(value, accumulator);
            case RATE -> value = closeRate(length);
            case RATEMIN -> value = minimum(closeRate(length));
            case RATEMAX -> value = maximum(closeRate(length));
            case AVG -> value = closeRate(length) / 2;
            case AVGMIN -> value = minimum(closeRate(length) / 2);
            case AVGMAX -> value = maximum(closeRate(length) / 2);
            case GRAD -> value = closeGradient(length);
            case GRADMIN -> value = minimum(closeGradient(length));
            case GRADMAX -> value = maximum(closeGradient(length));
            default -> throw new IllegalStateException(type.name());
        }
        windowStart = time;
    }

    /** The window's sum normalised to one interval; resets the sum. */
    private long closeRate(long length) {
        long rate = length == 0 ? accumulator : accumulator * intervalMicros / length;
        accumulator = 0;
        return rate;
    }

    private long closeGradient(long length) {
        long rate = closeRate(length);
        long gradient = rate - previousRate;
        previousRate = rate;
        return gradient;
    }

    private long minimum(long candidate) {
        return value == null ? candidate : Math.min(value, candidate);
    }

    private long maximum(long candidate) {
        return value == null ? candidate : Math.max(value, candidate);
    }
}
