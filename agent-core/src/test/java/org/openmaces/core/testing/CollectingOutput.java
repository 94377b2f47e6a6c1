package org.openmaces.core.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;

/**
 * om_collect: an output that keeps every record in a {@link Sink} named by its {@code Sink} directive, and
 * can be made to block or fail, so tests observe delivery, flow control and retries.
 */
public final class CollectingOutput implements ModuleProvider {
    private static final Map<String, Sink> SINKS = new ConcurrentHashMap<>();

    /** Records delivered to one sink, and switches that make the output misbehave. */
    public static final class Sink {
        private final List<LogRecord> records = new ArrayList<>();
        /** Each write takes a permit when blocking is on. */
        private final Semaphore permits = new Semaphore(0);
        private volatile boolean blocking;
        /** Remaining flushes that fail before one succeeds. */
        public final AtomicInteger failuresLeft = new AtomicInteger();
        private final List<LogRecord> unflushed = new ArrayList<>();
        /** Slows every flush down, to keep an unlimited generator from filling memory. */
        public volatile long delayMillisPerFlush;

        public synchronized List<LogRecord> records() {
            return new ArrayList<>(records);
        }

        public synchronized int size() {
            return records.size();
        }

        public void block() {
            blocking = true;
        }

        public void unblock() {
            blocking = false;
            permits.release(Integer.MAX_VALUE / 2);
        }

        void write(LogRecord record) throws IOException {
            if (blocking) {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            synchronized (this) {
                unflushed.add(record);
            }
        }

        void flush() throws IOException {
            if (delayMillisPerFlush > 0) {
                try {
                    Thread.sleep(delayMillisPerFlush);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (this) {
                if (failuresLeft.get() > 0) {
                    failuresLeft.decrementAndGet();
                    unflushed.clear();
                    throw new IOException("simulated failure");
                }
                records.addAll(unflushed);
                unflushed.clear();
            }
        }
    }

    /** A fresh sink under {@code name}. */
    public static Sink sink(String name) {
        Sink sink = new Sink();
        SINKS.put(name, sink);
        return sink;
    }

    @Override
    public String name() {
        return "om_collect";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.OUTPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.required("Sink", DirectiveType.STRING, "name of the test sink"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        String name = context.configuration().getString("Sink");
        Sink sink = SINKS.computeIfAbsent(name, ignored -> new Sink());
        return new OutputInstance() {
            @Override
            public void write(LogRecord record) throws IOException {
                sink.write(record);
            }

            @Override
            public void flush() throws IOException {
                sink.flush();
            }

            @Override
            public String destination() {
                return "test sink " + name;
            }
        };
    }
}
