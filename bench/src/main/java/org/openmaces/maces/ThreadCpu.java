package org.openmaces.maces;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of every thread of this process, read from {@code /proc/self/task} (Linux), so that the
 * JVM's own threads (the collector's "VM Thread", the JIT compilers) and native threads (fake-es's
 * queue) are counted along with the agent's. Tells where the CPU time of a benchmark's events went.
 */
final class ThreadCpu {
    /** Linux reports thread times in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final double SECONDS_PER_TICK = 0.01;

    private final Map<String, Long> ticksByThread;

    private ThreadCpu(Map<String, Long> ticksByThread) {
        this.ticksByThread = ticksByThread;
    }

    static ThreadCpu now() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended between the listing and the read
                }
                // "tid (name) state ..." where the name may hold spaces and parentheses: fields follow the last ')'.
                int nameEnd = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, nameEnd) + " " + task.getFileName();
                String[] fields = stat.substring(nameEnd + 2).split(" ");
                // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
                ticks.put(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        }
        return new ThreadCpu(ticks);
    }

    /**
     * One line: CPU time per event in all and how many cores were busy, then the threads that used
     * at least 1 % of a core since {@code start}, busiest first.
     */
    String since(ThreadCpu start, long events, double seconds) {
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> thread : ticksByThread.entrySet()) {
            long ticks = thread.getValue() - start.ticksByThread.getOrDefault(thread.getKey(), 0L);
            total += ticks;
            if (ticks * SECONDS_PER_TICK >= 0.01 * seconds) {
                used.add(Map.entry(thread.getKey().replaceAll(" \\d+$", ""), ticks));
            }
        }
        used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder line = new StringBuilder(String.format("CPU: %.2f µs per event, %.2f cores busy;",
                perEventMicros(total, events), total * SECONDS_PER_TICK / seconds));
        for (Map.Entry<String, Long> thread : used) {
            line.append(String.format(" %s %.2f µs (%.0f%%)", thread.getKey(), perEventMicros(thread.getValue(), events),
                    100 * thread.getValue() * SECONDS_PER_TICK / seconds));
        }
        return line.toString();
    }

    private static double perEventMicros(long ticks, long events) {
        return events == 0 ? 0 : ticks * SECONDS_PER_TICK * 1e6 / events;
    }
}
