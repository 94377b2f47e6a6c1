package org.openmaces.outputs.syslog;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Snare's event counter for each instance whose Exec calls {@code to_syslog_snare()}: how many records that
 * instance has formatted, 1 for the first. NXLog writes the calling module's received-event count there;
 * counting the formatted records gives the same sequence when every record is formatted, and gaps in it
 * then mean lost records, which is what a Snare receiver uses the counter for. Starts again at 1 when the
 * agent starts. Thread-safe.
 */
final class SnareEventCounters {
    private final ConcurrentMap<String, AtomicLong> countersByInstance = new ConcurrentHashMap<>();

    /** The next number for the instance named {@code instanceName}. */
    long next(String instanceName) {
        return countersByInstance.computeIfAbsent(instanceName, name -> new AtomicLong()).incrementAndGet();
    }
}
