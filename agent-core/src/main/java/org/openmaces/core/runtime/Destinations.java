package org.openmaces.core.runtime;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.queue.RecordQueue;

/**
 * The queues one sender (an input or a processor) delivers to, with NXLog's copy and flow-control rules
 * (config spec §6.1–6.2): each destination gets its own copy; with flow control, a destination at
 * capacity pauses the sender until every destination is below 70 %; without, a full destination loses
 * its copy and the loss is counted per destination.
 *
 * <p>Records are staged per destination and offered a batch at a time. Confined to the sender's thread.
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

    /**
     * @param queues       destination queues in route order (a queue appears once per route that leads there)
     * @param names        the destination instances' names, for loss messages
     * @param dropCounters per destination, counts copies dropped without flow control
     * @param batchSize    how many records to stage per destination before offering
     */
    Destinations(RecordQueue[] queues, String[] names, LongAdder[] dropCounters, boolean flowControl,
                 boolean dropOldest, FlowControlGate gate, int batchSize, LongAdder pauses) {
        this.queues = queues;
        this.names = names;
        this.dropCounters = dropCounters;
        this.flowControl = flowControl;
        this.dropOldest = dropOldest;
        this.gate = gate;
        this.pauses = pauses;
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
        int last = queues.length - 1;
        for (int i = 0; i <= last; i++) {
            if (staged[i] == staging[i].length) {
                offer(i);
            }
            staging[i][staged[i]++] = i == last ? record : record.copy();
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
            if (queue.size() >= queue.capacity()) {
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
            if (queue.size() >= Math.max(1, queue.capacity() * 7 / 10)) {
                return false;
            }
        }
        return true;
    }
}
