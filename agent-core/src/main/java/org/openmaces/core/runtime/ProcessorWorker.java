package org.openmaces.core.runtime;

import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.module.ProcessorInstance;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.queue.RecordQueue;
import org.slf4j.Logger;

/**
 * A processor's loop: take a batch, run Exec and the module's processing, forward to the next processor or
 * the route's outputs, and acknowledge once forwarded. Flow control pauses it like an input.
 */
final class ProcessorWorker extends Worker {
    private static final long POLL_NANOS = 100_000_000L;
    private final ModuleNode node;
    private final ProcessorInstance processor;
    private final RecordQueue queue;
    private final Logger logger;
    private final ErrorThrottle errors;
    private final PriorityArbiter arbiter;
    private final LongAdder droppedByExec;

    ProcessorWorker(ModuleNode node, ErrorThrottle errors, PriorityArbiter arbiter) {
        this.node = node;
        this.processor = (ProcessorInstance) node.instance();
        this.queue = node.queue();
        this.logger = node.context().logger();
        this.errors = errors;
        this.arbiter = arbiter;
        this.droppedByExec = node.counters().count("records dropped by Exec");
    }

    @Override
    protected void wake() {
        queue.wakeConsumer();
    }

    @Override
    public void run() {
        int batchSize = node.definition().batchSize();
        LogRecord[] taken = new LogRecord[batchSize];
        ExecutionContext context = new ExecutionContext(node.environment());
        CompiledStatements exec = node.exec();
        boolean runExec = exec != null && !exec.isEmpty();
        Destinations destinations = node.destinations();
        try {
            while (true) {
                if (stopRequested && queue.size() == 0) {
                    break;
                }
                arbiter.yieldToMoreUrgent(node.priority());
                int count = queue.take(taken, batchSize, stopRequested ? 0 : POLL_NANOS);
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
                    boolean keep;
                    try {
                        keep = processor.process(record);
                    } catch (Exception e) {
                        errors.error(logger, "processing failed: " + InputWorker.describe(e) + "; the record is forwarded unchanged");
                        keep = true;
                    }
                    if (keep && !destinations.addRetrying(record, () -> stopRequested, this::queueError)) {
                        for (int rest = i + 1; rest < count; rest++) {
                            taken[rest] = null;
                        }
                        destinations.countNotQueued(count - i - 1);
                        break;
                    }
                }
                destinations.flushRetrying(() -> stopRequested, this::queueError);
                if (count > 0) {
                    queue.acknowledge(count);
                }
                destinations.awaitCapacity(() -> stopRequested);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            logger.error("processor stopped after an unexpected failure: {}", InputWorker.describe(e), e);
        }
    }

    private void queueError(String message) {
        errors.error(logger, message);
    }
}
