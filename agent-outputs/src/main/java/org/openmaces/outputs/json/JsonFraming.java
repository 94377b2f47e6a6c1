package org.openmaces.outputs.json;

import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.record.LogRecord;
import org.openmaces.outputs.framing.BatchFraming;

/**
 * The OutputType named after an xm_json instance: records as the elements of a JSON array. Batch-aware
 * outputs (om_file, om_tcp, om_ssl, om_http) write each batch as one array ({@code [{...},{...}]}, and
 * a newline after it on streams); an output that frames record by record (om_udp) sends each record as
 * its own one-element array.
 */
final class JsonFraming implements BatchFraming {
    private final String name;
    private final JsonEncoder encoder;
    private final boolean newlineAfterBatch;

    JsonFraming(String name, JsonEncoder encoder, boolean newlineAfterBatch) {
        this.name = name;
        this.encoder = encoder;
        this.newlineAfterBatch = newlineAfterBatch;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void frame(LogRecord record, ByteSink out) {
        out.write('[');
        encoder.write(record, out);
        out.write(']');
    }

    @Override
    public void begin(ByteSink out) {
        out.write('[');
    }

    @Override
    public void separator(ByteSink out) {
        out.write(',');
    }

    @Override
    public void frameInBatch(LogRecord record, ByteSink out) {
        encoder.write(record, out);
    }

    @Override
    public void end(ByteSink out) {
        out.write(']');
        if (newlineAfterBatch) {
            out.write('\n');
        }
    }

    @Override
    public boolean isMessageOriented() {
        return false;
    }
}
