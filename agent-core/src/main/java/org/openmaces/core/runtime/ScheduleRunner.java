package org.openmaces.core.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openmaces.core.language.ExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code <Schedule>} Exec code and the runtime's periodic chores on one thread. Scheduled Exec runs
 * with no current record; its run-time errors are logged by the language and the schedule goes on.
 */
final class ScheduleRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private volatile boolean stopped;

    ScheduleRunner(Clock clock) {
        this.clock = clock;
    }

    /** Starts running one Schedule block of a started instance. */
    void add(ModuleNode node, ModuleNode.CompiledSchedule schedule) {
        ExecutionContext context = new ExecutionContext(node.environment());
        scheduleNext(node, schedule, context, true);
    }

    private void scheduleNext(ModuleNode node, ModuleNode.CompiledSchedule schedule, ExecutionContext context,
                              boolean firstCall) {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        Instant next = schedule.definition().timing().nextRun(now, ZoneId.systemDefault(), firstCall);
        if (next == null) {
            LOG.info("{}: the Schedule at {} will not run again", node, schedule.definition().location());
            return;
        }
        long delay = Math.max(0, Duration.between(now, next).toMillis());
        executor.schedule(() -> {
            try {
                context.beginRecord(null);
                schedule.program().execute(context);
            } catch (RuntimeException e) {
                LOG.error("{}: the Schedule at {} failed: {}", node, schedule.definition().location(), e.toString());
            }
            scheduleNext(node, schedule, context, false);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code chore} every {@code period} until stopped. */
    void every(Duration period, Runnable chore) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                chore.run();
            } catch (RuntimeException e) {
                LOG.error("periodic task failed: {}", e.toString(), e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        stopped = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
