package org.openmaces.core.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Polls a condition of a running agent until it holds; a test that waits longer than a minute fails. */
public final class Await {
    private Await() {
    }

    /** Waits until {@code condition} is true, checking every 20 ms; fails naming {@code what} after 60 s. */
    public static void until(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
