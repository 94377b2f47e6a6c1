package org.openmaces.core.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where senders with flow control wait for their destinations to drain (config spec §6.2). Queues call
 * {@link #signalDrained()} when they drop below their low-water mark; a waiting sender re-checks its own
 * condition under the same lock, so no wake-up is lost.
 */
final class FlowControlGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();

    void signalDrained() {
        lock.lock();
        try {
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code resumed} is true or {@code stop} is; both are evaluated under the lock the drain
     * signal takes. The periodic timeout only guards against a stop request that does not signal.
     */
    void await(BooleanSupplier resumed, BooleanSupplier stop) throws InterruptedException {
        lock.lock();
        try {
            while (!resumed.getAsBoolean() && !stop.getAsBoolean()) {
                drained.await(100, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
