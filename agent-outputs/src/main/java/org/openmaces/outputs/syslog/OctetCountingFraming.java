package org.openmaces.outputs.syslog;

import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;

/**
 * OutputType {@code Syslog_TLS} (RFC 5425/6587 octet counting): the byte length of {@code $raw_event} in
 * decimal, one space, then those bytes, with no terminator. Works on any byte stream (TCP, TLS, files).
 */
final class OctetCountingFraming implements RecordFraming {
    static final String NAME = "Syslog_TLS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void frame(LogRecord record, ByteSink out) {
        byte[] raw = record.getStringUtf8(CoreFields.RAW_EVENT);
        out.writeDecimal(raw == null ? 0 : raw.length).write(' ');
        if (raw != null) {
            out.write(raw);
        }
    }
}
