package org.openmaces.outputs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

class JsonDecoderTest {
    private static final Conversions UTC = Conversions.of(new LanguageSettings(null, false, false, ZoneOffset.UTC));

    private static Object field(LogRecord record, String name) {
        return record.get(FieldName.of(name));
    }

    @Test
    void shouldTurnTopLevelKeysIntoTypedFields() throws ExecutionException {
        LogRecord record = new LogRecord();
        record.set(FieldName.of("raw_event"), "kept");
        record.set(FieldName.of("Other"), "untouched");
        new JsonDecoder(JsonSettings.defaults(), UTC).parse("{\"s\":\"x\",\"i\":-5,\"big\":123456789012345678901234,"
                + "\"f\":1.75,\"t\":true,\"n\":null,\"o\":{\"a\": [1, 2]},\"raw_event\":\"ignored\" /* comment */}", record);
        assertEquals("x", field(record, "s"));
        assertEquals(-5L, field(record, "i"));
        assertEquals("123456789012345678901234", field(record, "big"));
        assertEquals(1L, field(record, "f"));
        assertEquals(Boolean.TRUE, field(record, "t"));
        assertTrue(record.contains(FieldName.of("n")));
        assertNull(field(record, "n"));
        assertEquals("{\"a\":[1,2]}", field(record, "o"));
        assertEquals("kept", field(record, "raw_event"));
        assertEquals("untouched", field(record, "Other"));
    }

    @Test
    void shouldFlattenNestedObjectsWhenAskedTo() throws ExecutionException {
        JsonSettings flatten = new JsonSettings(JsonSettings.DEFAULT_DATE_FORMAT, true, true, false, true, false, false);
        LogRecord record = new LogRecord();
        new JsonDecoder(flatten, UTC).parse("{\"a\":{\"b\":{\"c\":1},\"d\":[true]}}", record);
        assertEquals(1L, field(record, "a.b.c"));
        assertEquals("[true]", field(record, "a.d"));
    }

    @Test
    void shouldParseTimestampsWithParseDate() throws ExecutionException {
        LogRecord record = new LogRecord();
        new JsonDecoder(JsonSettings.defaults(), UTC).parse("{\"t1\":\"2024-01-02T04:04:05.123456+01:00\","
                + "\"t2\":\"2024-01-02 03:04:05\",\"nt\":\"2024-01-02 and more\"}", record);
        assertEquals(Datetime.ofMicroseconds(1704164645123456L), field(record, "t1"));
        assertEquals(Datetime.ofMicroseconds(1704164645000000L), field(record, "t2"));
        assertEquals("2024-01-02 and more", field(record, "nt"));
    }

    @Test
    void shouldKeepFieldsParsedBeforeAnError() {
        LogRecord record = new LogRecord();
        ExecutionException error = assertThrows(ExecutionException.class,
                () -> new JsonDecoder(JsonSettings.defaults(), UTC).parse("{\"a\":1,\"b\":", record));
        assertTrue(error.getMessage().startsWith("failed to parse json string"), error.getMessage());
        assertEquals(1L, field(record, "a"));
    }

    @Test
    void shouldRefuseWhatIsNotAnObjectAndOverlongKeys() {
        JsonDecoder decoder = new JsonDecoder(JsonSettings.defaults(), UTC);
        assertThrows(ExecutionException.class, () -> decoder.parse("[1]", new LogRecord()));
        assertThrows(ExecutionException.class, () -> decoder.parse("{\"" + "k".repeat(500) + "\":1}", new LogRecord()));
    }

    @Test
    void shouldRoundTripThroughToJson() throws ExecutionException {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), UTC);
        LogRecord original = new LogRecord();
        original.set(FieldName.of("EventTime"), Datetime.ofMicroseconds(1704164645123456L));
        original.set(FieldName.of("n"), 7L);
        original.set(FieldName.of("nested"), "{\"x\":[1,{\"y\":null}]}");
        LogRecord parsed = new LogRecord();
        new JsonDecoder(JsonSettings.defaults(), UTC).parse(encoder.toJson(original), parsed);
        assertEquals(encoder.toJson(original), encoder.toJson(parsed));
        assertEquals(original.get(FieldName.of("EventTime")), parsed.get(FieldName.of("EventTime")));
    }
}
