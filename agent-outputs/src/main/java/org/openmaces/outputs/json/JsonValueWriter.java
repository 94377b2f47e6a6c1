package org.openmaces.outputs.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.outputs.framing.SinkOutputStream;

/**
 * Jackson's generator writing single JSON values, each appended to the sink at once, so that a writer that
 * puts the punctuation of an object into the same sink itself can leave every escaping to Jackson. The
 * values are written at the generator's root, one after another without separators. One per thread.
 */
final class JsonValueWriter {
    private final SinkOutputStream stream = new SinkOutputStream();
    private JsonGenerator generator;

    /** Where the following values go. */
    void target(ByteSink sink) {
        stream.target(sink);
    }

    /** Appends {@code text} as a JSON string, exactly as the generator escapes it inside an object. */
    void writeString(String text) throws IOException {
        JsonGenerator values = generator();
        values.writeString(text);
        // Invariant: nothing stays in the generator's buffer between calls, so the sink's bytes are in order.
        values.flush();
    }

    /** Forgets the generator after a failed write (it may hold part of a value). */
    void reset() {
        generator = null;
    }

    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = JsonEncoder.FACTORY.createGenerator(stream);
            generator.setRootValueSeparator(null);
        }
        return generator;
    }
}
