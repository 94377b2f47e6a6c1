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
        String raw = record.getString(CoreFields.RAW_EVENT);
        int lengthAt = out.length();
        // Write the message first, then move it right to make room for its length prefix: the UTF-8 length
        // is only known after encoding, and encoding twice costs more than one copy.
        if (raw != null) {
            out.writeUtf8(raw);
        }
        int messageLength = out.length() - lengthAt;
        byte[] prefix = (messageLength + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.ensure(prefix.length);
        byte[] array = out.array();
        System.arraycopy(array, lengthAt, array, lengthAt + prefix.length, messageLength);
        System.arraycopy(prefix, 0, array, lengthAt, prefix.length);
        out.truncate(lengthAt);
        out.write(array, lengthAt, prefix.length + messageLength);
    }
}
