package org.openmaces.core.framing;

import org.openmaces.core.record.LogRecord;

/**
 * How an output turns a record into bytes: an OutputType ({@code LineBased}, {@code Dgram},
 * {@code Binary}, {@code Syslog_TLS}, an xm_json instance). A pure codec: no I/O, no state between
 * records, safe to share between threads.
 */
public interface RecordFraming {

    /** The OutputType name as users write it, e.g. {@code LineBased}. */
    String name();

    /** Appends the framed bytes of {@code record} to {@code out}. */
    void frame(LogRecord record, ByteSink out);

    /** True when each frame is one datagram or message on its own (Dgram); false for byte streams. */
    default boolean isMessageOriented() {
        return false;
    }
}
