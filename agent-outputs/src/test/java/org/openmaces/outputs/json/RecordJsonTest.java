package org.openmaces.outputs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.CoreFramings;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/** The procedure to_json()'s $raw_event, made when read: always the JSON of the record at the call. */
class RecordJsonTest {
    private static final JsonEncoder ENCODER = new JsonEncoder(JsonSettings.defaults(),
            Conversions.of(new LanguageSettings(null, false, false, ZoneOffset.UTC)));
    private static final FieldName MESSAGE = FieldName.of("Message");
    private static final FieldName COUNT = FieldName.of("Count");

    private static LogRecord record() {
        LogRecord record = new LogRecord();
        record.setString(MESSAGE, "caf\u00e9 \"quoted\"");
        record.setInteger(COUNT, 7);
        record.setString(CoreFields.RAW_EVENT, "the original line");
        return record;
    }

    /** What a line-based output writes for the record. */
    private static String line(LogRecord record) {
        ByteSink sink = new ByteSink();
        CoreFramings.LINE_BASED.frame(record, sink);
        return sink.toString();
    }

    @Test
    void shouldWriteTheJsonTheEncoderWritesAtTheCall() {
        LogRecord record = record();
        String atTheCall = ENCODER.toJson(record);
        record.setDeferredString(CoreFields.RAW_EVENT, new RecordJson(ENCODER, record));
        assertEquals(atTheCall + "\n", line(record));
        assertEquals(atTheCall + "\n", line(record), "written again, after a failed write");
        assertEquals(atTheCall, record.getString(CoreFields.RAW_EVENT));
    }

    @Test
    void shouldKeepTheJsonOfTheCallWhateverChangesTheRecordAfterwards() {
        List<Consumer<LogRecord>> changes = List.of(
                record -> record.setInteger(FieldName.of("After"), 1),
                record -> record.setInteger(COUNT, 8),
                record -> record.remove(MESSAGE),
                record -> record.rename(MESSAGE, FieldName.of("Text")),
                record -> record.setValueAt(record.indexOf(COUNT), 9L),
                record -> record.append(FieldName.of("Appended"), "x"),
                record -> record.setIfAbsent(FieldName.of("Absent"), "y"));
        for (Consumer<LogRecord> change : changes) {
            LogRecord record = record();
            String atTheCall = ENCODER.toJson(record);
            record.setDeferredString(CoreFields.RAW_EVENT, new RecordJson(ENCODER, record));
            change.accept(record);
            assertNotEquals(atTheCall, ENCODER.toJson(record), "the change changed the record");
            assertEquals(atTheCall + "\n", line(record));
            assertEquals(atTheCall, record.getString(CoreFields.RAW_EVENT));
        }
    }

    @Test
    void shouldGiveACopyAndTheOriginalTheJsonOfTheCall() {
        LogRecord record = record();
        String atTheCall = ENCODER.toJson(record);
        record.setDeferredString(CoreFields.RAW_EVENT, new RecordJson(ENCODER, record));
        LogRecord copy = record.copy();
        record.setInteger(COUNT, 100);
        copy.setInteger(COUNT, 200);
        assertEquals(atTheCall + "\n", line(record));
        assertEquals(atTheCall + "\n", line(copy));
    }

    @Test
    void shouldBeMadeWhenTheRecordIsSettledBeforeItLeavesItsThread() {
        LogRecord record = record();
        String atTheCall = ENCODER.toJson(record);
        record.setDeferredString(CoreFields.RAW_EVENT, new RecordJson(ENCODER, record));
        record.settle();
        record.setInteger(COUNT, 8);
        assertEquals(atTheCall, new String(record.getStringUtf8(CoreFields.RAW_EVENT), StandardCharsets.UTF_8));
    }

    @Test
    void shouldBeWrittenLaterOnlyWhenThatCannotFailOrDiffer() {
        assertTrue(ENCODER.canWriteLater(record()));
        LogRecord unpaired = record();
        unpaired.setInteger(FieldName.of("bad \uD800 name"), 1);
        assertFalse(ENCODER.canWriteLater(unpaired), "Jackson refuses the name: fail at the call");
        JsonSettings pretty = new JsonSettings(JsonSettings.DEFAULT_DATE_FORMAT, true, false, false, true, true, false);
        JsonEncoder prettyEncoder = new JsonEncoder(pretty, Conversions.of(new LanguageSettings(null, false, false, ZoneOffset.UTC)));
        assertFalse(prettyEncoder.canWriteLater(record()), "PrettyPrint goes through the generator");
    }
}
