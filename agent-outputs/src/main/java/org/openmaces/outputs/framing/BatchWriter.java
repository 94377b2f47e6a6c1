package org.openmaces.outputs.framing;

import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.record.LogRecord;

/**
 * Frames the records of one batch into a sink with a {@link RecordFraming}, adding the batch prefix,
 * separators and suffix when the framing is a {@link BatchFraming}. Not thread-safe.
 */
public final class BatchWriter {
    private final RecordFraming framing;
    private final BatchFraming batchFraming;
    private int records;

    public BatchWriter(RecordFraming framing) {
        this.framing = framing;
        this.batchFraming = framing instanceof BatchFraming batch ? batch : null;
    }

    public RecordFraming framing() {
        return framing;
    }

    /** Appends one record (and the batch prefix or a separator when needed). */
    public void add(LogRecord record, ByteSink out) {
        if (batchFraming == null) {
            framing.frame(record, out);
        } else {
            if (records == 0) {
                batchFraming.begin(out);
            } else {
                batchFraming.separator(out);
            }
            batchFraming.frameInBatch(record, out);
        }
        records++;
    }

    /** Number of records added since the batch began. */
    public int records() {
        return records;
    }

    /** Closes the batch (the suffix, when any record was added) and starts a new one. */
    public void finish(ByteSink out) {
        if (batchFraming != null && records > 0) {
            batchFraming.end(out);
        }
        records = 0;
    }

    /** Forgets the open batch without writing its suffix (the bytes are being discarded). */
    public void discard() {
        records = 0;
    }
}
