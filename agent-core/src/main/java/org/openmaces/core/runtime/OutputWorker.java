package org.openmaces.core.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.queue.RecordQueue;
import org.slf4j.Logger;

/**
 * An output's loop (config spec §6.1, §6.3): take a batch, run Exec on each record, write the survivors,
 * flush, and only then acknowledge the batch. A failing write or flush leaves the batch unacknowledged;
 * the same (already processed) records are written again after back-off, so nothing is lost and a record
 * may arrive twice (at-least-once). At shutdown it keeps delivering until the queue is empty, or until it
 * has made no progress for the drain timeout; what is left then is handed back for saving.
 */
final class OutputWorker extends Worker {
    private static final long POLL_NANOS = 100_000_000L;
    private final ModuleNode node;
    private final OutputInstance output;
    private final RecordQueue queue;
    private final Logger logger;
    private final ErrorThrottle errors;
    private final PriorityArbiter arbiter;
    private final long drainTimeoutMillis;
    private final LongAdder written;
    private final LongAdder droppedByExec;
    private final LongAdder failures;
    private LogRecord[] pending = new LogRecord[0];
    private int pendingCount;
    private volatile boolean gaveUp;

    OutputWorker(ModuleNode node, ErrorThrottle errors, PriorityArbiter arbiter, Duration drainTimeout) {
        this.node = node;
        this.output = (OutputInstance) node.instance();
        this.queue = node.queue();
        this.logger = node.context().logger();
        this.errors = errors;
        this.arbiter = arbiter;
        this.drainTimeoutMillis = drainTimeout.toMillis();
        this.written = node.counters().count("records written");
        this.droppedByExec = node.counters().count("records dropped by Exec");
        this.failures = node.counters().count("write failures");
    }

    @Override
    protected void wake() {
        queue.wakeConsumer();
    }

    /** Records taken from the queue but not delivered when the worker gave up at shutdown. */
    LogRecord[] undelivered() {
        return Arrays.copyOf(pending, pendingCount);
    }

    boolean gaveUp() {
        return gaveUp;
    }

    @Override
    public void run() {
        int batchSize = output.preferredBatchSize() > 0 ? output.preferredBatchSize() : node.definition().batchSize();
        LogRecord[] taken = new LogRecord[batchSize];
        pending = new LogRecord[batchSize];
        ExecutionContext context = new ExecutionContext(node.environment());
        CompiledStatements exec = node.exec();
        boolean runExec = exec != null && !exec.isEmpty();
        long fillNanos = output.batchFillNanos();
        Backoff backoff = new Backoff();
        long lastProgress = System.currentTimeMillis();
        try {
            while (true) {
                if (stopRequested && queue.size() == 0) {
                    break;
                }
                arbiter.yieldToMoreUrgent(node.priority());
                if (fillNanos > 0 && !stopRequested) {
                    awaitFill(taken, batchSize, fillNanos);
                }
                int count = queue.take(taken, batchSize, stopRequested ? 0 : POLL_NANOS);
                if (count == 0) {
                    continue;
                }
                pendingCount = 0;
                for (int i = 0; i < count; i++) {
                    LogRecord record = taken[i];
                    taken[i] = null;
                    if (runExec) {
                        context.beginRecord(record);
                        exec.execute(context);
                        if (context.isDropped()) {
                            droppedByExec.increment();
                            continue;
                        }
                    }
                    pending[pendingCount++] = record;
                }
                while (true) {
                    try {
                        for (int i = 0; i < pendingCount; i++) {
                            output.write(pending[i]);
                        }
                        output.flush();
                        backoff.reset();
                        break;
                    } catch (IOException | RuntimeException e) {
                        failures.increment();
                        long delay = backoff.nextDelayMillis();
                        errors.error(logger, "cannot write to " + output.destination() + ": " + InputWorker.describe(e)
                                + "; " + pendingCount + " records kept in the queue, retrying in " + delay / 1000 + " s");
                        if (!waitBeforeRetry(delay, lastProgress)) {
                            gaveUp = true;
                            return;
                        }
                    }
                }
                written.add(pendingCount);
                Arrays.fill(pending, 0, pendingCount, null);
                pendingCount = 0;
                queue.acknowledge(count);
                lastProgress = System.currentTimeMillis();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gaveUp = pendingCount > 0;
        } catch (Exception e) {
            gaveUp = pendingCount > 0;
            logger.error("output stopped after an unexpected failure: {}", InputWorker.describe(e), e);
        }
    }

    /**
     * Waits, for at most {@code fillNanos} after the first record is queued, until a full batch is queued.
     * An empty queue is first waited on with a take of no records, which blocks until a record arrives
     * (or the poll time passes) without taking it.
     */
    private void awaitFill(LogRecord[] into, int batchSize, long fillNanos) throws Exception {
        if (queue.size() == 0) {
            queue.take(into, 0, POLL_NANOS);
            if (queue.size() == 0) {
                return;
            }
        }
        long deadline = System.nanoTime() + fillNanos;
        while (!stopRequested && queue.size() < batchSize && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    /** Sleeps for the back-off; false when shutting down and no progress was made for the drain timeout. */
    private boolean waitBeforeRetry(long delayMillis, long lastProgress) throws InterruptedException {
        long deadline = System.currentTimeMillis() + delayMillis;
        while (System.currentTimeMillis() < deadline) {
            if (stopRequested && System.currentTimeMillis() - lastProgress >= drainTimeoutMillis) {
                return false;
            }
            Thread.sleep(Math.min(50, Math.max(1, deadline - System.currentTimeMillis())));
        }
        return !(stopRequested && System.currentTimeMillis() - lastProgress >= drainTimeoutMillis);
    }
}
