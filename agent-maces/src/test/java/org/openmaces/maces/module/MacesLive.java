package org.openmaces.maces.module;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.runtime.AgentRuntime;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.core.testing.RuntimeHarness;

/** A running agent with one im_maces input (any config text) and a collecting output named {@code out}. */
final class MacesLive implements AutoCloseable {
    final CollectingOutput.Sink sink;
    final AgentRuntime runtime;

    MacesLive(Path directory, String inputConfig) throws Exception {
        String name = "live" + System.nanoTime();
        sink = CollectingOutput.sink(name);
        RuntimeHarness harness = new RuntimeHarness(directory, new NxlogLanguage());
        runtime = harness.assemble(inputConfig + "\n<Output out>\n    Module om_collect\n    Sink " + name
                + "\n</Output>\n", false);
        runtime.start();
    }

    List<LogRecord> records() {
        return sink.records();
    }

    /** Waits up to 10 s for the condition. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the sink has had no new record for 300 ms. */
    void settle() throws InterruptedException {
        int last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 300_000_000L) {
            int now = sink.size();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
