package org.openmaces.outputs.framing;

import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.RecordFraming;

/**
 * A framing that wraps each batch of records (one HTTP request body, one flush of a file or stream):
 * the xm_json OutputType writes a batch as one JSON array. Stream and HTTP outputs call {@link #begin},
 * then {@link #frameInBatch} per record with {@link #separator} between records, then {@link #end};
 * outputs that frame record by record (datagrams) use {@link RecordFraming#frame}.
 */
public interface BatchFraming extends RecordFraming {

    void begin(ByteSink out);

    void separator(ByteSink out);

    /** The record as a batch element (without the separator). */
    void frameInBatch(org.openmaces.core.record.LogRecord record, ByteSink out);

    void end(ByteSink out);
}
