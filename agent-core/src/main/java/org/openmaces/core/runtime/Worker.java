package org.openmaces.core.runtime;

/** A module instance's thread: runs its records loop until asked to stop. */
abstract class Worker implements Runnable {
    protected volatile boolean stopRequested;
    private Thread thread;

    void start(String threadName) {
        thread = new Thread(this, threadName);
        thread.start();
    }

    /** Asks the loop to finish (inputs stop producing; queue consumers drain first). */
    void requestStop() {
        stopRequested = true;
        wake();
    }

    /** Wakes the thread if it waits for records. */
    protected void wake() {
    }

    boolean join(long millis) throws InterruptedException {
        if (thread == null) {
            return true;
        }
        thread.join(millis);
        return !thread.isAlive();
    }

    boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    void interrupt() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
