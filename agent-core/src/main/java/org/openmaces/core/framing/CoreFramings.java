package org.openmaces.core.framing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;

/** The core OutputTypes (config spec §7) and the registry extensions add theirs to. */
public final class CoreFramings implements FramingRegistry {
    /** {@code $raw_event} and a newline; an undef or missing raw_event writes an empty line. */
    public static final RecordFraming LINE_BASED = new RecordFraming() {
        @Override
        public String name() {
            return "LineBased";
        }

        @Override
        public void frame(LogRecord record, ByteSink out) {
            record.writeStringUtf8(CoreFields.RAW_EVENT, out);
            out.write('\n');
        }
    };

    /** {@code $raw_event} as one datagram, no terminator. */
    public static final RecordFraming DGRAM = new RecordFraming() {
        @Override
        public String name() {
            return "Dgram";
        }

        @Override
        public void frame(LogRecord record, ByteSink out) {
            record.writeStringUtf8(CoreFields.RAW_EVENT, out);
        }

        @Override
        public boolean isMessageOriented() {
            return true;
        }
    };

    /** NXLog binary records: every field with its type. */
    public static final RecordFraming BINARY = new RecordFraming() {
        @Override
        public String name() {
            return "Binary";
        }

        @Override
        public void frame(LogRecord record, ByteSink out) {
            BinaryRecordFormat.write(record, out);
        }
    };

    private final Map<String, RecordFraming> byLowerName = new ConcurrentHashMap<>();

    public CoreFramings() {
        register(LINE_BASED);
        register(DGRAM);
        register(BINARY);
    }

    @Override
    public boolean register(RecordFraming framing) {
        return byLowerName.put(framing.name().toLowerCase(Locale.ROOT), framing) == null;
    }

    @Override
    public RecordFraming find(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }
}
