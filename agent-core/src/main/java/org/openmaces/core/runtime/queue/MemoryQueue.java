package org.openmaces.core.runtime.queue;

import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openmaces.core.record.LogRecord;

/**
 * An in-memory {@link RecordQueue}: a growable ring of records under one lock. Senders append whole
 * batches under one lock acquisition, so locking costs little per record.
 *
 * <p>Invariants (under {@link #lock}): the ring holds {@code queued} records from {@code head}; the
 * consumer holds {@code inFlight} more that it took but has not acknowledged; {@code size()} is their sum
 * and {@code waiting()} is {@code queued}.
 */
public final class MemoryQueue implements RecordQueue {
    private final int capacity;
    private final int lowWaterMark;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private LogRecord[] ring;
    private int head;
    private int queued;
    private int inFlight;
    private boolean wakeRequested;
    private volatile int size;
    private volatile int waiting;
    private volatile Runnable drainListener = () -> { };

    public MemoryQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.lowWaterMark = Math.max(1, capacity * 7 / 10);
        ring = new LogRecord[Integer.highestOneBit(Math.max(16, Math.min(capacity, 1 << 16)) * 2 - 1)];
    }

    @Override
    public void offer(LogRecord[] records, int count) {
        if (count == 0) {
            return;
        }
        lock.lock();
        try {
            ensureRoom(count);
            for (int i = 0; i < count; i++) {
                ring[(head + queued) & (ring.length - 1)] = records[i];
                queued++;
            }
            size = queued + inFlight;
            waiting = queued;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int offerOrDrop(LogRecord[] records, int count, boolean dropOldest) {
        if (count == 0) {
            return 0;
        }
        int dropped = 0;
        lock.lock();
        try {
            ensureRoom(count);
            for (int i = 0; i < count; i++) {
                if (queued >= capacity) {
                    if (!dropOldest || queued == 0) {
                        dropped++;
                        continue;
                    }
                    ring[head] = null;
                    head = (head + 1) & (ring.length - 1);
                    queued--;
                    dropped++;
                }
                ring[(head + queued) & (ring.length - 1)] = records[i];
                queued++;
            }
            size = queued + inFlight;
            waiting = queued;
            if (queued > 0) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
        return dropped;
    }

    private void ensureRoom(int count) {
        if (queued + count <= ring.length) {
            return;
        }
        int newLength = Integer.highestOneBit((queued + count) * 2 - 1) * 2;
        LogRecord[] grown = new LogRecord[newLength];
        for (int i = 0; i < queued; i++) {
            grown[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = grown;
        head = 0;
    }

    @Override
    public int take(LogRecord[] into, int max, long waitNanos) throws InterruptedException {
        boolean drained;
        int count;
        lock.lock();
        try {
            if (inFlight != 0) {
                throw new IllegalStateException("take() before the previous " + inFlight + " records were acknowledged");
            }
            long remaining = waitNanos;
            while (queued == 0 && !wakeRequested && remaining > 0) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            wakeRequested = false;
            count = Math.min(max, queued);
            int mask = ring.length - 1;
            for (int i = 0; i < count; i++) {
                into[i] = ring[head];
                ring[head] = null;
                head = (head + 1) & mask;
            }
            int before = queued;
            queued -= count;
            inFlight = count;
            waiting = queued;
            drained = count > 0 && (before >= lowWaterMark && queued < lowWaterMark || queued == 0);
        } finally {
            lock.unlock();
        }
        if (drained) {
            drainListener.run();
        }
        return count;
    }

    @Override
    public void acknowledge(int count) {
        lock.lock();
        try {
            if (count > inFlight) {
                throw new IllegalStateException("acknowledging " + count + " records but only " + inFlight + " are in flight");
            }
            inFlight -= count;
            size = queued + inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Removes everything still queued (not in flight), for saving at shutdown. */
    public LogRecord[] drainQueued() {
        lock.lock();
        try {
            LogRecord[] records = new LogRecord[queued];
            for (int i = 0; i < queued; i++) {
                records[i] = ring[(head + i) & (ring.length - 1)];
            }
            Arrays.fill(ring, null);
            head = 0;
            queued = 0;
            waiting = 0;
            size = inFlight;
            return records;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int waiting() {
        return waiting;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void wakeConsumer() {
        lock.lock();
        try {
            wakeRequested = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setDrainListener(Runnable listener) {
        drainListener = listener;
    }

    @Override
    public String describe() {
        return "memory queue";
    }

    @Override
    public void close() {
        // Nothing to release; records still queued are saved by the runtime before it closes the queue.
    }
}
