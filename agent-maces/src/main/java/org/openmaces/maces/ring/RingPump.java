package org.openmaces.maces.ring;

import java.util.Objects;

/**
 * The reader's duty cycle (as Agrona's {@code AgentRunner}): read a batch, idle when it was empty,
 * until stopped; then hand over what is still in the ring. Runs on one thread of the caller's
 * choosing ({@link #run()}).
 *
 * <p>Shutdown order with the native shim: {@link #stop()} (which wakes a sleeping reader through
 * {@code wake}), join the thread, and only then close the client: the ring's memory goes with it.
 */
public final class RingPump implements Runnable {
    private final RingReader reader;
    private final RecordHandler handler;
    private final IdleStrategy idle;
    private final int batchSize;
    private final Runnable wake;
    private volatile boolean running = true;
    private long records;

    /**
     * @param batchSize records per {@link RingReader#read} call (space is released per batch)
     * @param wake wakes a reader sleeping in the idle strategy (the native client's {@code wake});
     *     may do nothing for an idle strategy that only parks briefly
     */
    public RingPump(RingReader reader, RecordHandler handler, IdleStrategy idle, int batchSize, Runnable wake) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not at least 1");
        }
        this.reader = Objects.requireNonNull(reader, "reader");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.batchSize = batchSize;
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    @Override
    public void run() {
        while (running) {
            int read = reader.read(handler, batchSize);
            records += read;
            idle.idle(read);
        }
        int read;
        while ((read = reader.read(handler, batchSize)) > 0) {
            records += read;
        }
    }

    /** Asks {@link #run()} to return after handing over what the ring holds now. */
    public void stop() {
        running = false;
        wake.run();
    }

    /** Records handed to the handler so far (read it after the thread ended, or as an estimate). */
    public long records() {
        return records;
    }
}
