package org.openmaces.core.runtime;

import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.module.InputInstance;
import org.openmaces.core.module.RecordBatch;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.LogRecord;
import org.slf4j.Logger;

/**
 * An input's loop (config spec §6.1): produce a batch, set the core fields, run Exec, deliver to every
 * route. While flow control pauses it, it does not call {@link InputInstance#produce}: that is how the
 * input stops consuming its source.
 */
final class InputWorker extends Worker {
    private final ModuleNode node;
    private final InputInstance input;
    private final Runnable onEnd;
    private final Logger logger;
    private final ErrorThrottle errors;
    private final LongAdder received;
    private final LongAdder droppedByExec;
    private volatile boolean ended;

    InputWorker(ModuleNode node, Runnable onEnd, ErrorThrottle errors) {
        this.node = node;
        this.input = (InputInstance) node.instance();
        this.onEnd = onEnd;
        this.errors = errors;
        this.logger = node.context().logger();
        this.received = node.counters().count("records received");
        this.droppedByExec = node.counters().count("records dropped by Exec");
    }

    /** True once a finite input has given its last record. */
    boolean hasEnded() {
        return ended;
    }

    @Override
    public void run() {
        RecordBatch batch = new RecordBatch(node.definition().batchSize());
        ExecutionContext context = new ExecutionContext(node.environment());
        CompiledStatements exec = node.exec();
        boolean runExec = exec != null && !exec.isEmpty();
        String instanceName = node.definition().name();
        String moduleName = node.definition().provider().name();
        Destinations destinations = node.destinations();
        Backoff backoff = new Backoff();
        try {
            while (!stopRequested) {
                destinations.awaitCapacity(() -> stopRequested);
                if (stopRequested) {
                    break;
                }
                int produced;
                try {
                    produced = input.produce(batch);
                    backoff.reset();
                } catch (InterruptedException e) {
                    break;
                } catch (Exception e) {
                    batch.clear();
                    long delay = backoff.nextDelayMillis();
                    errors.error(logger, "input failed: " + describe(e) + "; retrying in " + delay / 1000 + " s");
                    sleepUnlessStopped(delay);
                    continue;
                }
                if (produced == InputInstance.END_OF_INPUT) {
                    logger.debug("input ended");
                    break;
                }
                int count = batch.size();
                if (count == 0) {
                    continue;
                }
                received.add(count);
                Datetime now = Datetime.ofInstant(node.clock().instant());
                for (int i = 0; i < count; i++) {
                    LogRecord record = batch.get(i);
                    if (!input.admit(record)) {
                        continue;
                    }
                    record.setIfAbsent(CoreFields.EVENT_RECEIVED_TIME, now);
                    record.setIfAbsent(CoreFields.SOURCE_MODULE_NAME, instanceName);
                    record.setIfAbsent(CoreFields.SOURCE_MODULE_TYPE, moduleName);
                    if (runExec) {
                        context.beginRecord(record);
                        exec.execute(context);
                        if (context.isDropped()) {
                            droppedByExec.increment();
                            continue;
                        }
                    }
                    if (!destinations.addRetrying(record, () -> stopRequested, this::queueError)) {
                        destinations.countNotQueued(count - i - 1);
                        break;
                    }
                }
                destinations.flushRetrying(() -> stopRequested, this::queueError);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            logger.error("input stopped after an unexpected failure: {}", describe(e), e);
        } finally {
            ended = true;
            onEnd.run();
        }
    }

    private void queueError(String message) {
        errors.error(logger, message);
    }

    private void sleepUnlessStopped(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!stopRequested && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, deadline - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
