package org.openmaces.outputs.json;

import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.record.DeferredString;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.RecordDerivedString;

/**
 * The {@code $raw_event} that the procedure {@code to_json()} sets: the record's JSON, made when it is
 * read. In an output's Exec, the usual place, the output's line framing then has it written straight into
 * its buffer; the record settles it into bytes first if anything changes the record, copies it or queues it
 * (see {@link RecordDerivedString}), so the text is always the JSON of the record at the call.
 *
 * <p>The encoder leaves {@code $raw_event} out of the JSON, so making the text never reads this value.
 */
final class RecordJson extends RecordDerivedString {
    private final JsonEncoder encoder;

    RecordJson(JsonEncoder encoder, LogRecord record) {
        super(record);
        this.encoder = encoder;
    }

    @Override
    public String resolve() {
        return encoder.toJson(record());
    }

    @Override
    public void writeUtf8(ByteSink out) {
        encoder.write(record(), out);
    }

    @Override
    public DeferredString settle() {
        return encoder.toJsonUtf8(record());
    }
}
