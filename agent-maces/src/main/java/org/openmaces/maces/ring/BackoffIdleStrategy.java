package org.openmaces.maces.ring;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then sleeps: on a {@link RingWaiter} when one is given (the producer wakes
 * it, so idle costs no CPU), otherwise parked for a period that doubles up to a bound (which is
 * then the worst-case wake-up latency).
 */
public final class BackoffIdleStrategy implements IdleStrategy {
    /** Sleeps for a number of nanoseconds; {@code LockSupport::parkNanos} unless a test injects one. */
    @FunctionalInterface
    public interface Parker {
        void park(long nanos);
    }

    private final int maxSpins;
    private final int maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;
    private final RingWaiter waiter;
    private final long waitMillis;
    private final Parker parker;
    private int spins;
    private int yields;
    private long parkNanos;

    /**
     * @param waiter the shim's wait, or {@code null} to park instead
     * @param waitMillis how long one wait may sleep before the reader looks again (shutdown checks)
     */
    public BackoffIdleStrategy(int maxSpins, int maxYields, long minParkNanos, long maxParkNanos, RingWaiter waiter,
            long waitMillis, Parker parker) {
        if (maxSpins < 0 || maxYields < 0 || minParkNanos < 1 || maxParkNanos < minParkNanos || waitMillis < 1) {
            throw new IllegalArgumentException("bad backoff: spins " + maxSpins + ", yields " + maxYields + ", park "
                    + minParkNanos + ".." + maxParkNanos + " ns, wait " + waitMillis + " ms");
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.waiter = waiter;
        this.waitMillis = waitMillis;
        this.parker = parker;
        reset();
    }

    /** 100 spins, 20 yields, then the shim's wait (100 ms slices). */
    public static BackoffIdleStrategy waitingOn(RingWaiter waiter) {
        return new BackoffIdleStrategy(100, 20, 1_000, 1_000_000, waiter, 100, LockSupport::parkNanos);
    }

    /** 100 spins, 20 yields, then parks of 1 µs doubling up to 1 ms: wakes within 1 ms. */
    public static BackoffIdleStrategy parking() {
        return new BackoffIdleStrategy(100, 20, 1_000, 1_000_000, null, 100, LockSupport::parkNanos);
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
            return;
        }
        if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else if (waiter != null) {
            waiter.await(waitMillis);
        } else {
            parker.park(parkNanos);
            parkNanos = Math.min(parkNanos * 2, maxParkNanos);
        }
    }

    @Override
    public void reset() {
        spins = 0;
        yields = 0;
        parkNanos = minParkNanos;
    }
}
