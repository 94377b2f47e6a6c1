package org.openmaces.outputs;

import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.InputInstance;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.RecordBatch;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * im_benchgen: {@code Count} records shaped like an Endpoint Security exec event (eleven fields: strings,
 * integers, a boolean, a datetime), made as fast as the route takes them.
 */
final class BenchInput implements ModuleProvider {
    private static final FieldName EVENT_TYPE = FieldName.of("EventType");
    private static final FieldName PROCESS_PATH = FieldName.of("ProcessExecutable");
    private static final FieldName PARENT_ID = FieldName.of("ParentProcessID");
    private static final FieldName USER_ID = FieldName.of("UserID");
    private static final FieldName SIGNING_ID = FieldName.of("SigningID");
    private static final FieldName PLATFORM_BINARY = FieldName.of("PlatformBinary");
    private static final FieldName COMMAND_LINE = FieldName.of("CommandLine");
    private static final FieldName SEQUENCE = FieldName.of("SequenceNumber");

    @Override
    public String name() {
        return "im_benchgen";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.INPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.required("Count", DirectiveType.INTEGER, "records to make"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        long count = context.configuration().getInteger("Count");
        return new InputInstance() {
            private long next;

            @Override
            public int produce(RecordBatch batch) {
                if (next >= count) {
                    return END_OF_INPUT;
                }
                int added = 0;
                long now = System.currentTimeMillis() * 1000;
                while (next < count && !batch.isFull()) {
                    LogRecord record = new LogRecord(16);
                    record.append(CoreFields.RAW_EVENT, "exec /usr/bin/curl");
                    record.append(CoreFields.EVENT_TIME, Datetime.ofMicroseconds(now + next));
                    record.append(CoreFields.HOSTNAME, "mac-mini-17.example.com");
                    record.append(EVENT_TYPE, "exec");
                    record.append(CoreFields.PROCESS_ID, 40_000L + (next & 1023));
                    record.append(PARENT_ID, 1L);
                    record.append(USER_ID, 501L);
                    record.append(PROCESS_PATH, "/usr/bin/curl");
                    record.append(SIGNING_ID, "com.apple.curl");
                    record.append(PLATFORM_BINARY, Boolean.TRUE);
                    record.append(COMMAND_LINE, "curl -s https://example.com/install.sh -o /tmp/x");
                    record.append(SEQUENCE, next);
                    batch.add(record);
                    next++;
                    added++;
                }
                return added;
            }
        };
    }
}
