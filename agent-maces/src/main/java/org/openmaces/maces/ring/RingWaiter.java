package org.openmaces.maces.ring;

/**
 * Sleeps until the producer commits a record or the time-out passes; the shim implements it
 * with a futex (macOS: a semaphore), so an idle reader costs no CPU and wakes at once.
 */
@FunctionalInterface
public interface RingWaiter {
    /** @return true when a record is available */
    boolean await(long timeoutMillis);
}
