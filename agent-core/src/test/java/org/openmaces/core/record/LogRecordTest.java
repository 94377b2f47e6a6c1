package org.openmaces.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.framing.CoreFramings;
import org.openmaces.core.framing.RecordFraming;

/** A deferred string value reads as its String everywhere; only a Utf8Text's bytes come out as they are. */
class LogRecordTest {
    private static final FieldName RAW_EVENT = CoreFields.RAW_EVENT;
    private static final String TEXT = "{\"Message\":\"caf\u00e9 \u2603 \ud83d\ude00\"}";

    private static Utf8Text utf8(String text) {
        return Utf8Text.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldHandOutTheStoredBytesThemselvesUntilTheFieldIsRead() {
        LogRecord record = new LogRecord();
        Utf8Text value = utf8(TEXT);
        record.setDeferredString(RAW_EVENT, value);

        assertSame(value.bytes(), record.getStringUtf8(RAW_EVENT));
    }

    @Test
    void shouldReadAsTheDecodedStringThroughEveryAccessorAndKeepIt() {
        LogRecord record = new LogRecord();
        record.setString(FieldName.of("Before"), "b");
        record.setDeferredString(RAW_EVENT, utf8(TEXT));

        Object first = record.get(RAW_EVENT);
        assertEquals(TEXT, first);
        assertSame(first, record.get(RAW_EVENT), "decoded once, then the String takes the slot");
        assertSame(first, record.getString(RAW_EVENT));
        assertSame(first, record.valueAt(1));
        assertEquals(ValueType.STRING, ValueType.of(record.valueAt(1)));
        assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_8), record.getStringUtf8(RAW_EVENT));
    }

    @Test
    void shouldResolveAnyDeferredStringOnceOnItsFirstRead() {
        int[] resolutions = {0};
        DeferredString counted = new DeferredString() {
            @Override
            public String resolve() {
                resolutions[0]++;
                return "caf\u00e9";
            }
        };
        LogRecord record = new LogRecord();
        record.setDeferredString(RAW_EVENT, counted);
        assertEquals(0, resolutions[0], "not made when stored");

        assertArrayEquals("caf\u00e9".getBytes(StandardCharsets.UTF_8), record.getStringUtf8(RAW_EVENT));
        assertEquals("caf\u00e9", record.get(RAW_EVENT));
        assertEquals("caf\u00e9", record.valueAt(0));
        assertEquals(1, resolutions[0]);
    }

    @Test
    void shouldShowTheTextWhenPrinted() {
        LogRecord record = new LogRecord();
        record.setDeferredString(RAW_EVENT, utf8("line"));

        assertEquals("{raw_event=line}", record.toString());
    }

    @Test
    void shouldGiveEachCopyTheSameText() {
        LogRecord record = new LogRecord();
        record.setDeferredString(RAW_EVENT, utf8(TEXT));
        LogRecord copy = record.copy();

        assertEquals(TEXT, record.getString(RAW_EVENT));
        assertEquals(TEXT, copy.getString(RAW_EVENT));
    }

    @Test
    void shouldReplaceTheBytesWhenTheFieldIsSetAgain() {
        LogRecord record = new LogRecord();
        record.setDeferredString(RAW_EVENT, utf8("old"));
        record.setString(RAW_EVENT, "new");

        assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), record.getStringUtf8(RAW_EVENT));
        assertEquals(1, record.size());
    }

    @Test
    void shouldEncodeOtherStringsAndGiveNothingForOtherTypesOrAbsentFields() {
        LogRecord record = new LogRecord();
        record.setString(FieldName.of("Text"), "\u00e9");
        record.setInteger(FieldName.of("Number"), 7);
        record.set(FieldName.of("Undef"), null);

        assertArrayEquals(new byte[]{(byte) 0xc3, (byte) 0xa9}, record.getStringUtf8(FieldName.of("Text")));
        assertNull(record.getStringUtf8(FieldName.of("Number")));
        assertNull(record.getStringUtf8(FieldName.of("Undef")));
        assertNull(record.getStringUtf8(FieldName.of("Absent")));
    }

    @Test
    void shouldFrameTheBytesAndTheStringAlike() {
        LogRecord bytes = new LogRecord();
        bytes.setDeferredString(RAW_EVENT, utf8(TEXT));
        LogRecord text = new LogRecord();
        text.setString(RAW_EVENT, TEXT);

        for (RecordFraming framing : new RecordFraming[]{CoreFramings.LINE_BASED, CoreFramings.DGRAM}) {
            ByteSink fromBytes = new ByteSink();
            ByteSink fromText = new ByteSink();
            framing.frame(bytes, fromBytes);
            framing.frame(text, fromText);
            assertArrayEquals(fromText.toByteArray(), fromBytes.toByteArray(), framing.name());
        }
    }

    /** A value made from the record's Count field, counting how often it is made. */
    private static final class CountText extends RecordDerivedString {
        int made;

        CountText(LogRecord record) {
            super(record);
        }

        @Override
        public String resolve() {
            made++;
            return "count=" + record().get(FieldName.of("Count"));
        }

        @Override
        public void writeUtf8(ByteSink out) {
            out.writeUtf8(resolve());
        }

        @Override
        public DeferredString settle() {
            return utf8(resolve());
        }
    }

    @Test
    void shouldMakeADerivedValueFromTheRecordOnlyWhenItIsRead() {
        LogRecord record = new LogRecord();
        record.setInteger(FieldName.of("Count"), 1);
        CountText value = new CountText(record);
        record.setDeferredString(RAW_EVENT, value);
        assertEquals(0, value.made);
        ByteSink line = new ByteSink();
        CoreFramings.LINE_BASED.frame(record, line);
        assertEquals("count=1\n", line.toString());
        assertEquals(1, value.made, "written straight into the sink");
    }

    @Test
    void shouldSettleADerivedValueBeforeAnyChangeCopyOrHandOver() {
        for (int change = 0; change < 8; change++) {
            LogRecord record = new LogRecord();
            FieldName count = FieldName.of("Count");
            record.setInteger(count, 1);
            CountText value = new CountText(record);
            record.setDeferredString(RAW_EVENT, value);
            LogRecord copy = null;
            switch (change) {
                case 0 -> record.setInteger(count, 2);
                case 1 -> record.append(FieldName.of("Other"), 2L);
                case 2 -> record.setIfAbsent(FieldName.of("Other"), 2L);
                case 3 -> record.remove(count);
                case 4 -> record.rename(count, FieldName.of("Renamed"));
                case 5 -> record.setValueAt(record.indexOf(count), 2L);
                case 6 -> copy = record.copy();
                default -> record.settle();
            }
            assertEquals(1, value.made, "settled at change " + change);
            if (copy != null) {
                copy.setInteger(count, 3);
                assertEquals("count=1", copy.getString(RAW_EVENT));
            }
            record.setInteger(count, 4);
            assertEquals("count=1", record.getString(RAW_EVENT), "change " + change);
            assertEquals(1, value.made, "made once, change " + change);
        }
    }

    @Test
    void shouldRefuseAValueDerivedFromAnotherRecord() {
        LogRecord record = new LogRecord();
        assertThrows(IllegalArgumentException.class,
                () -> record.setDeferredString(RAW_EVENT, new CountText(new LogRecord())));
        assertEquals(0, record.size(), "nothing stored");
    }
}

