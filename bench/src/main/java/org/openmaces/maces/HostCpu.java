package org.openmaces.maces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from {@code /proc/stat} (Linux): how much of it the hypervisor gave to other
 * guests ("steal") and how much was idle. On a shared virtual machine the same run of the same jar varies
 * by a third from one hour to the next; printing the steal beside each figure tells a slow host from a
 * slow agent.
 */
final class HostCpu {
    private final long[] ticks;

    private HostCpu(long[] ticks) {
        this.ticks = ticks;
    }

    static HostCpu now() throws IOException {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] ticks = new long[8];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Long.parseLong(fields[i + 1]);
        }
        return new HostCpu(ticks);
    }

    /** One line: the shares of all CPUs' time since {@code start} that were stolen and idle (idle counts iowait). */
    String since(HostCpu start) {
        long total = 0;
        long[] used = new long[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            used[i] = ticks[i] - start.ticks[i];
            total += used[i];
        }
        if (total == 0) {
            return "host: no CPU time elapsed";
        }
        return String.format("host: %.0f %% of the CPUs' time stolen by the hypervisor, %.0f %% idle",
                100.0 * used[7] / total, 100.0 * (used[3] + used[4]) / total);
    }
}
