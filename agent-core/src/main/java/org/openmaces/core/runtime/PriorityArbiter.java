package org.openmaces.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.openmaces.core.runtime.queue.RecordQueue;

/**
 * Route Priority (config spec §5): when records wait in the queue of a more urgent (lower-numbered)
 * instance, a less urgent consumer steps back briefly before taking its next batch, so the urgent ones get
 * the CPU first. Each instance has its own thread here, so this is a bounded courtesy, not a strict order:
 * a less urgent consumer waits at most {@link #MAX_YIELD_NANOS} per batch, so it never starves.
 * Costs nothing when every route has the same priority.
 */
final class PriorityArbiter {
    static final long MAX_YIELD_NANOS = 2_000_000L;
    private final int[] priorities;
    private final RecordQueue[] queues;
    private final boolean active;

    PriorityArbiter(List<Integer> priorities, List<RecordQueue> queues) {
        this.priorities = priorities.stream().mapToInt(Integer::intValue).toArray();
        this.queues = new ArrayList<>(queues).toArray(new RecordQueue[0]);
        this.active = priorities.stream().distinct().count() > 1;
    }

    static PriorityArbiter inactive() {
        return new PriorityArbiter(List.of(), List.of());
    }

    void yieldToMoreUrgent(int priority) {
        if (!active) {
            return;
        }
        long deadline = System.nanoTime() + MAX_YIELD_NANOS;
        while (moreUrgentWork(priority) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000L);
        }
    }

    private boolean moreUrgentWork(int priority) {
        for (int i = 0; i < priorities.length; i++) {
            if (priorities[i] < priority && queues[i].size() > 0) {
                return true;
            }
        }
        return false;
    }
}
