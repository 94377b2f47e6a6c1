package org.openmaces.outputs.testing;

import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.InputInstance;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.RecordBatch;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * im_sequence, for tests: {@code Count} records whose {@code $raw_event} is {@code seq N} and {@code $Seq}
 * is N (0-based), at most {@code PerCall} per call with {@code PauseMillis} between calls, so a test can
 * stretch a stream over time and check delivery by sequence number.
 */
public final class SequenceInput implements ModuleProvider {
    public static final FieldName SEQ = FieldName.of("Seq");

    @Override
    public String name() {
        return "im_sequence";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.INPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.required("Count", DirectiveType.INTEGER, "records to make"),
                DirectiveSpec.optional("PerCall", DirectiveType.INTEGER, "100", "records per produce call"),
                DirectiveSpec.optional("PauseMillis", DirectiveType.INTEGER, "0", "pause between calls"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        long count = context.configuration().getInteger("Count");
        long perCall = context.configuration().getInteger("PerCall", 100);
        long pause = context.configuration().getInteger("PauseMillis", 0);
        return new InputInstance() {
            private long next;

            @Override
            public int produce(RecordBatch batch) throws InterruptedException {
                if (next >= count) {
                    return END_OF_INPUT;
                }
                if (pause > 0 && next > 0) {
                    Thread.sleep(pause);
                }
                int added = 0;
                while (next < count && added < perCall && !batch.isFull()) {
                    LogRecord record = new LogRecord();
                    record.set(CoreFields.RAW_EVENT, "seq " + next);
                    record.set(SEQ, next);
                    batch.add(record);
                    next++;
                    added++;
                }
                return added;
            }
        };
    }
}
