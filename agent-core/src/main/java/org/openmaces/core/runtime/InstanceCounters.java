package org.openmaces.core.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Named counters of one instance: losses (every one is reported) and plain counts (shown in status
 * reports). Thread-safe; counters are created at setup and incremented on hot paths.
 */
final class InstanceCounters {
    private final Map<String, LongAdder> losses = new LinkedHashMap<>();
    private final Map<String, LongAdder> counts = new LinkedHashMap<>();

    synchronized LongAdder loss(String what) {
        return losses.computeIfAbsent(what, name -> new LongAdder());
    }

    synchronized LongAdder count(String what) {
        return counts.computeIfAbsent(what, name -> new LongAdder());
    }

    /** The current value of a plain count, or -1 when the instance has none of that name. */
    synchronized long countOrMinusOne(String what) {
        LongAdder counter = counts.get(what);
        return counter == null ? -1 : counter.sum();
    }

    /** A snapshot of the loss counters, in creation order. */
    synchronized Map<String, Long> lossSnapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        losses.forEach((name, counter) -> snapshot.put(name, counter.sum()));
        return snapshot;
    }

    synchronized Map<String, Long> countSnapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        counts.forEach((name, counter) -> snapshot.put(name, counter.sum()));
        return snapshot;
    }
}
