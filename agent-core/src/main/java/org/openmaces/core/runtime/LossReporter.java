package org.openmaces.core.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every loss visible: each time it runs, it warns about every loss counter that grew since the last
 * run (with the increase and the total), and at shutdown it summarises all non-zero ones.
 */
final class LossReporter {
    private static final Logger LOG = LoggerFactory.getLogger("loss");
    private final List<ModuleNode> nodes;
    private final Map<String, Long> lastReported = new HashMap<>();

    LossReporter(List<ModuleNode> nodes) {
        this.nodes = nodes;
    }

    synchronized void reportIncreases() {
        for (ModuleNode node : nodes) {
            node.counters().lossSnapshot().forEach((what, total) -> {
                String key = node.name() + '\0' + what;
                long previous = lastReported.getOrDefault(key, 0L);
                if (total > previous) {
                    lastReported.put(key, total);
                    node.context().logger().warn("{} lost since the last report: {} ({} in total)",
                            total - previous, what, total);
                }
            });
        }
    }

    synchronized void reportTotals() {
        reportIncreases();
        for (ModuleNode node : nodes) {
            node.counters().lossSnapshot().forEach((what, total) -> {
                if (total > 0) {
                    LOG.warn("{} lost {} records or events in total: {}", node, total, what);
                }
            });
        }
    }
}
