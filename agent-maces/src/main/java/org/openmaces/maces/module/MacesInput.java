package org.openmaces.maces.module;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.language.InstanceState;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.module.InputInstance;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.RecordBatch;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.loss.LossAccounting;
import org.openmaces.maces.mapping.FieldMapper;
import org.openmaces.maces.mapping.MacesFields;
import org.openmaces.maces.module.MacesModule.MacesSettings;
import org.openmaces.maces.nativeapi.NativeShim;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.MalformedRecordException;
import org.openmaces.maces.record.RecordDecoder;
import org.openmaces.maces.ring.RecordHandler;
import org.openmaces.maces.source.EsloggerSource;
import org.openmaces.maces.source.EventSource;
import org.openmaces.maces.source.NativeSource;
import org.openmaces.maces.source.ReplaySource;
import org.openmaces.maces.source.SourceSupport;

/**
 * One im_maces instance: reads records from its source, drops what the current selection does not
 * want (types not subscribed, muted executables), maps the rest to documented fields, accounts
 * for every loss. Runs on the input thread; procedures change the selection from Exec.
 */
final class MacesInput implements InputInstance, RecordHandler {
    /** Statistics Exec can read with get_stat(). */
    static final String STAT_LOST_RING = "im_maces.lost.ring";
    static final String STAT_LOST_SEQUENCE = "im_maces.lost.sequence";
    static final String STAT_MALFORMED = "im_maces.malformed";

    static final String LOSS_RING = "events dropped in the ring buffer (the agent read too slowly)";
    static final String LOSS_MALFORMED = "malformed eslogger lines skipped";
    static final String LOSS_MALFORMED_RECORDS = "malformed records skipped (a bug: please report it)";

    private final ModuleContext context;
    private final MacesSettings settings;
    final Selection selection = new Selection();
    private final RecordDecoder decoder = new RecordDecoder();
    private final FieldMapper mapper;
    private final LossAccounting loss;
    private final LongAdder ringLoss;
    private final LongAdder sequenceLoss;
    private final LongAdder malformedLines;
    private final LongAdder eventsRead;
    private final LongAdder eventsFiltered;
    private final EventSource source;
    private final Set<EsEvent> reportedUnsupported = EnumSet.noneOf(EsEvent.class);
    private final ArrayDeque<LogRecord> overflow = new ArrayDeque<>();

    // The batch being filled and, per slot, the event type of its record (-1: gap record); read by admit().
    private RecordBatch batch;
    private LogRecord[] slotRecords = new LogRecord[0];
    private int[] slotTypes = new int[0];
    private int slots;
    private int admitCursor;
    private long narrowingsAtProduce;
    private boolean ended;

    private final java.util.concurrent.atomic.LongAdder malformedRecords;
    private InstanceState stats;
    private final long[] published = new long[3];

    MacesInput(ModuleContext context, MacesSettings settings) {
        this.context = context;
        this.settings = settings;
        this.mapper = new FieldMapper(MacesInput::aclText);
        this.ringLoss = context.lossCounter(LOSS_RING);
        String sequenceWhat = switch (settings.source()) {
            case MacesModule.SOURCE_ESLOGGER -> "events missing from eslogger's output (sequence gaps)";
            case MacesModule.SOURCE_REPLAY -> "events missing from the replayed capture (sequence gaps)";
            default -> "events dropped by Endpoint Security before they reached the agent (sequence gaps)";
        };
        this.sequenceLoss = context.lossCounter(sequenceWhat);
        this.malformedLines = context.lossCounter(LOSS_MALFORMED);
        this.malformedRecords = context.lossCounter(LOSS_MALFORMED_RECORDS);
        this.eventsRead = context.counter("events read");
        this.eventsFiltered = context.counter("events not delivered: unsubscribed or muted");
        this.loss = new LossAccounting(ringLoss, sequenceLoss, settings.gapRecords());
        SourceSupport support = new SourceSupport(malformedLines, context.counter("events of types im_maces does not collect"),
                context.logger(), context.clock());
        this.source = switch (settings.source()) {
            case MacesModule.SOURCE_ESLOGGER -> new EsloggerSource(settings.esloggerPath(), loss, support,
                    context.counter("eslogger restarts"));
            case MacesModule.SOURCE_REPLAY -> new ReplaySource(settings.replayFiles(), context.spoolDirectory(), loss,
                    support);
            default -> new NativeSource(settings.ringSize(), loss, context.logger(),
                    context.lossCounter("events left unread in the ring at shutdown"));
        };
    }

    private static String aclText(byte[] external) {
        return NativeShim.isAvailable() ? NativeShim.aclToText(external) : null;
    }

    EventSource source() {
        return source;
    }

    @Override
    public void start() throws Exception {
        stats = context.newExecutionContext().environment().state();
        long now = context.clock().millis() * 1000L;
        for (String name : List.of(STAT_LOST_RING, STAT_LOST_SEQUENCE, STAT_MALFORMED)) {
            stats.createStat(name, "COUNT", 0, now, InstanceState.NEVER, now);
        }
        source.start();
        for (String path : settings.mutedLiterals()) {
            mute(path, false);
        }
        for (String path : settings.mutedPrefixes()) {
            mute(path, true);
        }
        for (EsEvent event : settings.events()) {
            subscribe(event);
        }
        context.logger().info("collecting {} through the {} source", describeSubscriptions(), source.name());
    }

    private String describeSubscriptions() {
        StringBuilder text = new StringBuilder();
        for (EsEvent event : EsEvent.values()) {
            if (selection.isSubscribed(event.type())) {
                text.append(text.length() == 0 ? "" : ", ").append(event.eventName());
            }
        }
        return text.length() == 0 ? "no events yet" : text.toString();
    }

    // ---- control, called by the procedures (any thread) and at start

    /** Subscribes when the running system has the event; otherwise says so once, at info level. */
    void subscribe(EsEvent event) {
        if (!source.isSupported(event)) {
            synchronized (reportedUnsupported) {
                if (reportedUnsupported.add(event)) {
                    context.logger().info("{} is not available on this macOS (it needs macOS {}); not collected",
                            event.eventName(), EsEvent.macosText(event.firstMacos()));
                }
            }
            return;
        }
        if (selection.setSubscribed(event, true)) {
            source.subscribe(event);
        }
    }

    void subscribeAll() {
        for (EsEvent event : EsEvent.values()) {
            subscribe(event);
        }
    }

    void unsubscribe(EsEvent event) {
        if (selection.setSubscribed(event, false)) {
            source.unsubscribe(event);
        }
    }

    void unsubscribeAll() {
        for (EsEvent event : EsEvent.values()) {
            selection.setSubscribed(event, false);
        }
        source.unsubscribeAll();
    }

    void mute(String path, boolean prefix) {
        if (selection.mute(path, prefix)) {
            source.mute(path, prefix);
        }
    }

    void unmuteAllPaths() {
        selection.unmuteAll();
        source.unmuteAllPaths();
    }

    /** The event type of a record this input produced in the current batch, or -1. */
    int eventTypeOf(LogRecord record) {
        for (int i = 0; i < slots; i++) {
            if (slotRecords[i] == record) {
                return slotTypes[i];
            }
        }
        return -1;
    }

    // ---- the input thread

    @Override
    public int produce(RecordBatch target) throws Exception {
        batch = target;
        slots = 0;
        admitCursor = 0;
        narrowingsAtProduce = selection.narrowings();
        if (slotRecords.length < target.capacity()) {
            slotRecords = new LogRecord[target.capacity()];
            slotTypes = new int[target.capacity()];
        }
        while (!overflow.isEmpty() && !target.isFull()) {
            LogRecord record = overflow.poll();
            add(record, record.contains(MacesFields.LOST_EVENTS) ? -1 : eventTypeOfMapped(record));
        }
        if (!ended && !target.isFull()) {
            int read = source.read(this, target.remaining());
            if (read == EventSource.END) {
                ended = true;
            }
        }
        publishStatistics();
        if (ended && target.size() == 0 && overflow.isEmpty()) {
            return END_OF_INPUT;
        }
        return target.size();
    }

    private static int eventTypeOfMapped(LogRecord record) {
        String name = record.getString(MacesFields.EVENT_TYPE);
        EsEvent event = name == null ? null : org.openmaces.maces.event.EventCatalog.find(name);
        return event == null ? -1 : event.type();
    }

    /**
     * One record from the source. A record that breaks the format (only a bug in the shim or the converter can
     * make one: both are fuzzed) is counted and skipped here; thrown on, it would have failed the whole batch
     * being produced, with the records already in it, and paused the input for a back-off.
     */
    @Override
    public void onRecord(ByteBuffer buffer, int offset, int length) {
        try {
            handle(buffer, offset);
        } catch (MalformedRecordException e) {
            malformedRecords.increment();
            if (malformedRecords.sum() <= 10) {
                context.logger().error("skipped a malformed record of {} bytes: {}", length, e.getMessage());
            }
        }
    }

    private void handle(ByteBuffer buffer, int offset) {
        decoder.wrap(buffer, offset);
        int type = decoder.eventType();
        eventsRead.increment();
        loss.observe(type, decoder.messageVersion(), decoder.seqNum(), decoder.globalSeqNum(), decoder.timeNanos());
        if (settings.gapRecords()) {
            LossAccounting.Gap gap;
            while ((gap = loss.pollGap()) != null) {
                emit(gapRecord(gap), -1);
            }
        }
        if (!selection.isSubscribed(type)) {
            eventsFiltered.increment();
            return;
        }
        if (selection.hasMutes() && decoder.has(FieldTag.PROCESS_EXECUTABLE)
                && selection.isMuted(decoder.buffer(), decoder.valueOffset(FieldTag.PROCESS_EXECUTABLE),
                        decoder.valueLength(FieldTag.PROCESS_EXECUTABLE))) {
            eventsFiltered.increment();
            return;
        }
        LogRecord record = mapper.map(decoder);
        if (record != null) {
            emit(record, type);
        }
    }

    private void emit(LogRecord record, int type) {
        if (batch.isFull() || !overflow.isEmpty()) {
            overflow.add(record);
        } else {
            add(record, type);
        }
    }

    private void add(LogRecord record, int type) {
        batch.add(record);
        slotRecords[slots] = record;
        slotTypes[slots] = type;
        slots++;
    }

    private LogRecord gapRecord(LossAccounting.Gap gap) {
        LogRecord record = new LogRecord(8);
        record.append(MacesFields.EVENT_TYPE, "lost");
        record.append(MacesFields.EVENT_TIME, Datetime.ofMicroseconds(Math.floorDiv(gap.timeNanos(), 1000L)));
        record.append(MacesFields.LOST_EVENT_TYPE, gap.event().eventName());
        record.append(MacesFields.LOST_EVENTS, gap.count());
        record.append(MacesFields.LOST_SEQUENCE_FIRST, gap.firstMissing());
        record.append(MacesFields.LOST_SEQUENCE_LAST, gap.lastMissing());
        record.append(MacesFields.LOST_REASON, "seq_num gap");
        record.append(MacesFields.RAW_EVENT, "EventType=lost LostEventType=" + gap.event().eventName() + " LostEvents="
                + gap.count() + " LostSequenceFirst=" + gap.firstMissing() + " LostSequenceLast=" + gap.lastMissing());
        return record;
    }

    /**
     * Asked before each record's Exec: a record produced before a procedure narrowed the selection
     * (unsubscribe, mute) and that the selection no longer wants is not delivered.
     */
    @Override
    public boolean admit(LogRecord record) {
        if (selection.narrowings() == narrowingsAtProduce) {
            return true;
        }
        while (admitCursor < slots && slotRecords[admitCursor] != record) {
            admitCursor++;
        }
        if (admitCursor == slots) {
            return true;
        }
        int type = slotTypes[admitCursor];
        if (type < 0) {
            return true;
        }
        if (!selection.isSubscribed(type)) {
            eventsFiltered.increment();
            return false;
        }
        if (selection.hasMutes()) {
            String executable = record.getString(MacesFields.PROCESS.executable);
            if (executable != null && selection.isMuted(executable)) {
                eventsFiltered.increment();
                return false;
            }
        }
        return true;
    }

    private void publishStatistics() {
        publish(0, STAT_LOST_RING, ringLoss);
        publish(1, STAT_LOST_SEQUENCE, sequenceLoss);
        publish(2, STAT_MALFORMED, malformedLines);
    }

    private void publish(int slot, String name, LongAdder counter) {
        long total = counter.sum();
        if (total != published[slot] && stats != null) {
            long now = context.clock().millis() * 1000L;
            try {
                stats.addStat(name, total - published[slot], now, now);
            } catch (org.openmaces.core.language.ExecutionException e) {
                context.logger().debug("statistic {}: {}", name, e.getMessage());
            }
            published[slot] = total;
        }
    }

    @Override
    public void stop() {
        source.stop();
        publishStatistics();
    }

    @Override
    public List<DoctorFinding> diagnose() {
        return source.diagnose();
    }

    LossAccounting loss() {
        return loss;
    }
}
