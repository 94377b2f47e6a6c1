package org.openmaces.core.runtime;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.queue.RecordQueue;

/**
 * Routes by exact name, for {@code reroute()} and {@code add_to_route()}: a record enters a route where its
 * inputs' records do (the first processor's queue, or every output's), without flow control; a full queue
 * does not take it and the loss is counted.
 */
final class RouteDirectory {
    private final Map<String, Entry> routes = new HashMap<>();

    private record Entry(RecordQueue[] queues, LongAdder drops) {
    }

    void add(String routeName, RecordQueue[] entryQueues, LongAdder drops) {
        routes.put(routeName, new Entry(entryQueues, drops));
    }

    void deliver(String routeName, LogRecord record, String function) throws ExecutionException {
        Entry entry = routes.get(routeName);
        if (entry == null) {
            throw new ExecutionException("invalid route name specified for " + function + "(): '" + routeName + "'");
        }
        record.settle(); // it leaves this thread: see LogRecord.settle
        try {
            for (int i = 0; i < entry.queues.length; i++) {
                LogRecord copy = i == entry.queues.length - 1 ? record : record.copy();
                int dropped = entry.queues[i].offerOrDrop(new LogRecord[] {copy}, 1, false);
                entry.drops.add(dropped);
            }
        } catch (IOException e) {
            throw new ExecutionException(function + "() could not queue the record: " + e.getMessage(), e);
        }
    }
}
