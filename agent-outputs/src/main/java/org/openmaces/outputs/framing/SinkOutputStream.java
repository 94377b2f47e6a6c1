package org.openmaces.outputs.framing;

import java.io.OutputStream;
import org.openmaces.core.framing.ByteSink;

/** An OutputStream that appends to a {@link ByteSink} chosen per use, so one encoder serves many sinks. */
public final class SinkOutputStream extends OutputStream {
    private ByteSink target;

    public void target(ByteSink sink) {
        target = sink;
    }

    @Override
    public void write(int value) {
        target.write(value);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        target.write(bytes, offset, count);
    }
}
