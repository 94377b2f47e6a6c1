package org.openmaces.core.runtime;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.queue.RecordQueue;

/**
 * The queues one sender (an input or a processor) delivers to, with NXLog's copy and flow-control rules
 * (config spec §6.1–6.2): each destination gets its own copy; with flow control, a destination at
 * capacity pauses the sender until every destination is below 70 %; without, a full destination loses
 * its copy and the loss is counted per destination.
 *
 * <p>Records are staged per destination and offered a batch at a time. Confined to the sender's thread.
 *
 * <p>A queue that cannot be written (a persistent queue on a full disk) throws from {@link #add} and
 * {@link #flush}, which leave everything as it was, so calling them again neither loses nor repeats a
 * record; {@link #addRetrying} and {@link #flushRetrying} do that with back-off, pausing the sender as a
 * full queue under flow control would.
 */
final class Destinations {
    private final RecordQueue[] queues;
    private final String[] names;
    private final LongAdder[] dropCounters;
    private final boolean flowControl;
    private final boolean dropOldest;
    private final FlowControlGate gate;
    private final LogRecord[][] staging;
    private final int[] staged;
    private final LongAdder pauses;
    private final LongAdder notQueued;

    /**
     * @param queues       destination queues in route order (a queue appears once per route that leads there)
     * @param names        the destination instances' names, for loss messages
     * @param dropCounters per destination, counts copies dropped without flow control
     * @param batchSize    how many records to stage per destination before offering
     * @param notQueued    counts records still staged when the sender stopped while a queue could not be written
     */
    Destinations(RecordQueue[] queues, String[] names, LongAdder[] dropCounters, boolean flowControl,
                 boolean dropOldest, FlowControlGate gate, int batchSize, LongAdder pauses, LongAdder notQueued) {
        this.queues = queues;
        this.names = names;
        this.dropCounters = dropCounters;
        this.flowControl = flowControl;
        this.dropOldest = dropOldest;
        this.gate = gate;
        this.pauses = pauses;
        this.notQueued = notQueued;
        staging = new LogRecord[queues.length][Math.max(1, batchSize)];
        staged = new int[queues.length];
    }

    boolean isEmpty() {
        return queues.length == 0;
    }

    int count() {
        return queues.length;
    }

    String name(int index) {
        return names[index];
    }

    /** Stages {@code record} for every destination: copies for all but the last, which takes the original. */
    void add(LogRecord record) throws IOException {
        // Offer every full staging area first and stage the record only then: a failed offer leaves the
        // record unstaged everywhere, so the caller can simply add it again.
        for (int i = 0; i < queues.length; i++) {
            if (staged[i] == staging[i].length) {
                offer(i);
            }
        }
        // A value derived from the record's fields is made here, on the sender's thread, where it was asked for.
        record.settle();
        int last = queues.length - 1;
        for (int i = 0; i <= last; i++) {
            staging[i][staged[i]++] = i == last ? record : record.copy();
        }
    }

    /**
     * {@link #add}, again and again with back-off while a destination queue cannot be written, each failure
     * reported through {@code report}. False when {@code stop} became true first: the record and everything
     * staged are then counted as not queued and discarded.
     */
    boolean addRetrying(LogRecord record, BooleanSupplier stop, Consumer<String> report) throws InterruptedException {
        return retry(() -> add(record), stop, report, 1);
    }

    /** {@link #flush}, retried as {@link #addRetrying} does. */
    boolean flushRetrying(BooleanSupplier stop, Consumer<String> report) throws InterruptedException {
        return retry(this::flush, stop, report, 0);
    }

    /** Counts records a sender drops because it stopped while a destination queue could not be written. */
    void countNotQueued(long records) {
        notQueued.add(records);
    }

    private interface Offer {
        void run() throws IOException;
    }

    private boolean retry(Offer offer, BooleanSupplier stop, Consumer<String> report, int pending)
            throws InterruptedException {
        Backoff backoff = null;
        while (true) {
            try {
                offer.run();
                return true;
            } catch (IOException e) {
                if (stop.getAsBoolean()) {
                    long lost = pending;
                    for (int i = 0; i < queues.length; i++) {
                        lost += staged[i];
                        java.util.Arrays.fill(staging[i], 0, staged[i], null);
                        staged[i] = 0;
                    }
                    notQueued.add(lost);
                    report.accept("cannot queue records: " + InputWorker.describe(e) + "; stopping with " + lost
                            + " records not queued (counted as lost)");
                    return false;
                }
                backoff = backoff == null ? new Backoff() : backoff;
                long delay = backoff.nextDelayMillis();
                report.accept("cannot queue records: " + InputWorker.describe(e) + "; waiting, retrying in "
                        + delay / 1000 + " s");
                long deadline = System.currentTimeMillis() + delay;
                while (!stop.getAsBoolean() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(Math.min(50, Math.max(1, deadline - System.currentTimeMillis())));
                }
            }
        }
    }

    /** Offers everything staged. */
    void flush() throws IOException {
        for (int i = 0; i < queues.length; i++) {
            offer(i);
        }
    }

    private void offer(int index) throws IOException {
        int count = staged[index];
        if (count == 0) {
            return;
        }
        if (flowControl) {
            queues[index].offer(staging[index], count);
        } else {
            int dropped = queues[index].offerOrDrop(staging[index], count, dropOldest);
            if (dropped > 0) {
                dropCounters[index].add(dropped);
            }
        }
        java.util.Arrays.fill(staging[index], 0, count, null);
        staged[index] = 0;
    }

    /** True when flow control must pause the sender: some destination has reached its capacity. */
    boolean mustPause() {
        if (!flowControl) {
            return false;
        }
        for (RecordQueue queue : queues) {
            if (queue.waiting() >= queue.capacity()) {
                return true;
            }
        }
        return false;
    }

    /** Pauses while {@link #mustPause()} until every destination is below 70 % or {@code stop} is true. */
    void awaitCapacity(BooleanSupplier stop) throws InterruptedException {
        if (!mustPause()) {
            return;
        }
        pauses.increment();
        gate.await(this::allBelowLowWater, stop);
    }

    private boolean allBelowLowWater() {
        for (RecordQueue queue : queues) {
            if (queue.waiting() >= Math.max(1, queue.capacity() * 7 / 10)) {
                return false;
            }
        }
        return true;
    }
}
