package org.openmaces.maces.module;

import java.nio.file.Path;
import java.util.List;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.core.testing.RuntimeHarness;

/** Runs an im_maces instance in the real runtime, collecting what it delivers. */
final class MacesHarness {
    private final RuntimeHarness harness;

    MacesHarness(Path directory) {
        harness = new RuntimeHarness(directory, new NxlogLanguage());
    }

    RuntimeHarness runtime() {
        return harness;
    }

    /** Runs {@code inputBlock} (the body of an Input block) to its end and returns what reached the output. */
    List<LogRecord> replay(String inputBlock) throws Exception {
        String sink = "sink" + System.nanoTime();
        CollectingOutput.Sink collected = CollectingOutput.sink(sink);
        harness.runOneshot("<Input in>\n    Module im_maces\n" + inputBlock + "\n</Input>\n"
                + "<Output out>\n    Module om_collect\n    Sink " + sink + "\n</Output>\n"
                + "<Route r>\n    Path in => out\n</Route>\n");
        return collected.records();
    }

    static Object field(LogRecord record, String name) {
        return record.get(FieldName.of(name));
    }
}
