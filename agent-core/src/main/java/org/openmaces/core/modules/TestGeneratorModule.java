package org.openmaces.core.modules;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;

/**
 * im_testgen (modules spec §1.2): generates {@code <counter>@<ctime>} records as fast as the route takes
 * them, {@code MaxCount} of them (0 = forever). A finite generator ends its input, which {@code --oneshot}
 * waits for.
 */
public final class TestGeneratorModule implements ModuleProvider {
    static final String MAX_COUNT = "MaxCount";

    @Override
    public String name() {
        return "im_testgen";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.INPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.optional(MAX_COUNT, DirectiveType.INTEGER, "0",
                "stop after this many records (0: unlimited)"));
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                new FieldSpec("raw_event", ValueType.STRING, "<counter>@<ctime>"),
                new FieldSpec("EventTime", ValueType.DATETIME, "generation time"),
                new FieldSpec("SeverityValue", ValueType.INTEGER, "always 2 (INFO)"),
                new FieldSpec("SourceName", ValueType.STRING, "always nxlog"),
                new FieldSpec("ProcessID", ValueType.INTEGER, "the agent's process id"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        long maxCount = context.configuration().getInteger(MAX_COUNT);
        if (maxCount < 0) {
            context.configurationError(MAX_COUNT, "MaxCount must be 0 (unlimited) or positive, not " + maxCount);
        }
        return new Generator(maxCount, context.clock(), context.logger());
    }

    /** Produces whole batches; the ctime text is formatted once per second, not per record. */
    static final class Generator implements InputInstance {
        private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.US);
        private static final Long SEVERITY_INFO = 2L;
        private static final String SOURCE_NAME = "nxlog";
        private final long maxCount;
        private final Clock clock;
        private final org.slf4j.Logger logger;
        private final Long processId = ProcessHandle.current().pid();
        private long counter;
        private long cachedSecond = Long.MIN_VALUE;
        private String cachedCtime;

        Generator(long maxCount, Clock clock, org.slf4j.Logger logger) {
            this.maxCount = maxCount;
            this.clock = clock;
            this.logger = logger;
        }

        @Override
        public int produce(RecordBatch batch) {
            if (maxCount > 0 && counter >= maxCount) {
                logger.info("maxcount {} reached", maxCount);
                return END_OF_INPUT;
            }
            Instant now = clock.instant();
            Datetime eventTime = Datetime.ofInstant(now);
            if (now.getEpochSecond() != cachedSecond) {
                cachedSecond = now.getEpochSecond();
                cachedCtime = CTIME.format(now.atZone(ZoneId.systemDefault()));
            }
            String suffix = "@" + cachedCtime;
            int count = batch.remaining();
            if (maxCount > 0) {
                count = (int) Math.min(count, maxCount - counter);
            }
            for (int i = 0; i < count; i++) {
                LogRecord record = new LogRecord(12);
                record.append(CoreFields.RAW_EVENT, (counter++) + suffix);
                record.append(CoreFields.EVENT_TIME, eventTime);
                record.append(CoreFields.SEVERITY_VALUE, SEVERITY_INFO);
                record.append(CoreFields.SOURCE_NAME, SOURCE_NAME);
                record.append(CoreFields.PROCESS_ID, processId);
                batch.add(record);
            }
            return count;
        }
    }
}
