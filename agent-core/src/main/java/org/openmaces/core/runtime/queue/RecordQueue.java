package org.openmaces.core.runtime.queue;

import java.io.IOException;
import org.openmaces.core.record.LogRecord;

/**
 * The queue in front of a processor or output (config spec §6.1). Many senders append; one consumer
 * takes batches and acknowledges them once they are done, so a record leaves the queue only after it was
 * written (at-least-once). Taken but unacknowledged records ("in flight") still count in {@link #size()}.
 *
 * <p>The capacity bounds the records {@linkplain #waiting() waiting} to be taken, as NXLog checks its
 * queue each time the consumer takes a record (config spec §6.2). The consumer's batch in flight is the
 * consumer's: counting it would keep the sender paused until the whole batch is written, and the consumer
 * would then find the queue empty while the sender makes its next batch. So at most a capacity's worth of
 * records waits, plus one batch in flight.
 *
 * <p>Senders with flow control use {@link #offer}, which always appends (the queue may exceed its
 * capacity by a batch; the sender then pauses). Senders without flow control use {@link #offerOrDrop},
 * which never lets more than the capacity wait and reports what it dropped.
 */
public interface RecordQueue extends AutoCloseable {

    /** Appends {@code records[0, count)} in order. */
    void offer(LogRecord[] records, int count) throws IOException;

    /**
     * Appends as many of {@code records[0, count)} as fit; when full, drops either the new records
     * ({@code dropOldest} false, NXLog CE) or the oldest queued ones that are not in flight. Returns the
     * number of records dropped.
     */
    int offerOrDrop(LogRecord[] records, int count, boolean dropOldest) throws IOException;

    /**
     * Moves up to {@code max} records from the head into {@code into}, waiting up to {@code waitNanos}
     * for the first one. Returns how many were taken (0 on timeout or when woken by {@link #wakeConsumer}).
     * The consumer must {@link #acknowledge} them before taking again. With {@code max} 0 it only waits for
     * a record to be queued, and takes none.
     */
    int take(LogRecord[] into, int max, long waitNanos) throws IOException, InterruptedException;

    /** The consumer has finished the records it took: they leave the queue for good. */
    void acknowledge(int count) throws IOException;

    /** Queued plus in-flight records. */
    int size();

    /** Records queued and not yet taken: what flow control compares with {@link #capacity()}. */
    int waiting();

    /** LogqueueSize, in records. */
    int capacity();

    /** Wakes a consumer blocked in {@link #take} (to stop it). */
    void wakeConsumer();

    /**
     * Called after a {@link #take} that brings {@link #waiting()} below the low-water mark (70 % of
     * capacity) or to zero; never under the queue's lock.
     */
    void setDrainListener(Runnable listener);

    /** What kind of queue, for messages: {@code memory} or the queue directory. */
    String describe();

    @Override
    void close() throws IOException;
}
