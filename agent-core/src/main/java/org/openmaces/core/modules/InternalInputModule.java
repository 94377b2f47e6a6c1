package org.openmaces.core.modules;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.logging.InternalLogHub;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.FieldSpec;
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
import org.openmaces.core.record.ValueType;

/**
 * im_internal (modules spec §1.1): the agent's own messages, INFO and above whatever LogLevel says, as
 * records. Messages wait in a bounded queue ({@code LogqueueSize}); when it is full the oldest is dropped
 * and counted as a loss (which the loss reporter logs, so the loss is visible without looping).
 */
public final class InternalInputModule implements ModuleProvider {
    static final FieldName MODULE_NAME = FieldName.of("ModuleName");
    static final FieldName MODULE_TYPE = FieldName.of("ModuleType");
    private static final String LOGQUEUE_SIZE = "LogqueueSize";

    @Override
    public String name() {
        return "im_internal";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.INPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.optional(LOGQUEUE_SIZE, DirectiveType.INTEGER, "1000",
                "messages kept while the input is paused; the oldest are dropped beyond this"));
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                new FieldSpec("raw_event", ValueType.STRING, "YYYY-MM-DD hh:mm:ss HOSTNAME LEVEL message"),
                new FieldSpec("Message", ValueType.STRING, "the message text"),
                new FieldSpec("EventTime", ValueType.DATETIME, "time of the message"),
                new FieldSpec("Severity", ValueType.STRING, "INFO, WARNING, ERROR or CRITICAL"),
                new FieldSpec("SeverityValue", ValueType.INTEGER, "2 INFO to 5 CRITICAL"),
                new FieldSpec("SourceName", ValueType.STRING, "always nxlog"),
                new FieldSpec("ProcessID", ValueType.INTEGER, "the agent's process id"),
                new FieldSpec("Hostname", ValueType.STRING, "the local host name"),
                new FieldSpec("ModuleName", ValueType.STRING, "the instance that logged the message, when one did"),
                new FieldSpec("ModuleType", ValueType.STRING, "the module of that instance"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        long capacity = context.configuration().getInteger(LOGQUEUE_SIZE);
        if (capacity < 1) {
            context.configurationError(LOGQUEUE_SIZE, "LogqueueSize must be at least 1, not " + capacity);
            capacity = 1;
        }
        return new Internal((int) Math.min(capacity, 1_000_000), context.lossCounter(
                "internal log messages dropped because im_internal could not keep up"), hostname(),
                context.languageSettings().localZone());
    }

    private static String hostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** Subscribes to the log hub while running; the hub's threads enqueue, the input thread drains. */
    static final class Internal implements InputInstance, InternalLogHub.Listener {
        private static final java.time.format.DateTimeFormatter TIME =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        private final int capacity;
        private final LongAdder dropped;
        private final String hostname;
        private final java.time.ZoneId zone;
        private final Long processId = ProcessHandle.current().pid();
        private final ArrayDeque<InternalLogHub.Message> pending = new ArrayDeque<>();

        Internal(int capacity, LongAdder dropped, String hostname, java.time.ZoneId zone) {
            this.capacity = capacity;
            this.dropped = dropped;
            this.hostname = hostname;
            this.zone = zone;
        }

        @Override
        public void start() {
            InternalLogHub.subscribe(this);
        }

        @Override
        public void stop() {
            InternalLogHub.unsubscribe(this);
        }

        @Override
        public void onMessage(InternalLogHub.Message message) {
            synchronized (pending) {
                if (pending.size() >= capacity) {
                    pending.pollFirst();
                    dropped.increment();
                }
                pending.addLast(message);
                pending.notifyAll();
            }
        }

        @Override
        public int produce(RecordBatch batch) throws InterruptedException {
            int count = 0;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    pending.wait(100);
                }
                while (!pending.isEmpty() && !batch.isFull()) {
                    batch.add(toRecord(pending.pollFirst()));
                    count++;
                }
            }
            return count;
        }

        private LogRecord toRecord(InternalLogHub.Message message) {
            LogRecord record = new LogRecord(16);
            record.append(CoreFields.RAW_EVENT, TIME.format(message.time().atZone(zone)) + " " + hostname + " "
                    + message.severity() + " " + message.text());
            record.append(CoreFields.MESSAGE, message.text());
            record.append(CoreFields.EVENT_TIME, Datetime.ofInstant(message.time()));
            record.append(CoreFields.SEVERITY, message.severity());
            record.append(CoreFields.SEVERITY_VALUE, (long) message.severityValue());
            record.append(CoreFields.SOURCE_NAME, "nxlog");
            record.append(CoreFields.PROCESS_ID, processId);
            record.append(CoreFields.HOSTNAME, hostname);
            if (message.instanceName() != null) {
                record.append(MODULE_NAME, message.instanceName());
                String module = org.openmaces.core.runtime.InstanceLoggers.moduleOf(message.instanceName());
                if (module != null) {
                    record.append(MODULE_TYPE, module);
                }
            }
            return record;
        }
    }
}
