package org.openmaces.outputs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.Binary;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

class JsonEncoderTest {
    private static final Conversions PLUS_ONE = Conversions.of(
            new LanguageSettings(null, false, false, ZoneOffset.ofHours(1)));
    // 2024-01-02T03:04:05.123456Z
    private static final Datetime TIME = Datetime.ofMicroseconds(1704164645123456L);

    private static LogRecord record(Object... namesAndValues) {
        LogRecord record = new LogRecord();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.set(FieldName.of((String) namesAndValues[i]), namesAndValues[i + 1]);
        }
        return record;
    }

    private static JsonSettings settings(boolean detectNested, boolean unflatten, boolean hidden) {
        return new JsonSettings(JsonSettings.DEFAULT_DATE_FORMAT, detectNested, false, unflatten, true, false, hidden);
    }

    @Test
    void shouldWriteFieldsInOrderWithTheirTypes() {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        LogRecord record = record("raw_event", "line", "Message", "a \"quoted\" é\n", "SeverityValue", 2L,
                "Ok", true, "EventTime", TIME, "Nothing", null, "Data", Binary.of(new byte[]{1, (byte) 0xab}));
        assertEquals("{\"Message\":\"a \\\"quoted\\\" é\\n\",\"SeverityValue\":2,\"Ok\":true,"
                + "\"EventTime\":\"2024-01-02T04:04:05.123456+01:00\",\"Nothing\":null,\"Data\":\"01ab\"}",
                encoder.toJson(record));
    }

    @Test
    void shouldLeaveOutHiddenFieldsUnlessAskedTo() {
        LogRecord record = record("a", 1L, "_private", 2L, ".dot", 3L);
        assertEquals("{\"a\":1}", new JsonEncoder(JsonSettings.defaults(), PLUS_ONE).toJson(record));
        assertEquals("{\"a\":1,\"_private\":2,\".dot\":3}",
                new JsonEncoder(settings(true, false, true), PLUS_ONE).toJson(record));
    }

    @Test
    void shouldEmbedNestedJsonOnlyWhenDetectionIsOn() {
        LogRecord record = record("nested", "{ \"k\" : [1, 2] }", "broken", "{not json}");
        assertEquals("{\"nested\":{\"k\":[1,2]},\"broken\":\"{not json}\"}",
                new JsonEncoder(JsonSettings.defaults(), PLUS_ONE).toJson(record));
        assertEquals("{\"nested\":\"{ \\\"k\\\" : [1, 2] }\",\"broken\":\"{not json}\"}",
                new JsonEncoder(settings(false, false, false), PLUS_ONE).toJson(record));
    }

    /**
     * What DetectNestedJSON is meant to write: the value copied token by token through one UTF-8
     * generator (which, unlike a Writer-based one, writes characters outside the BMP as \\u escapes).
     */
    private static String copiedThroughOneGenerator(String name, String nestedJson) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator generator = JsonEncoder.FACTORY.createGenerator(bytes);
             com.fasterxml.jackson.core.JsonParser parser = JsonEncoder.FACTORY.createParser(nestedJson)) {
            generator.writeStartObject();
            generator.writeFieldName("before");
            generator.writeNumber(1);
            generator.writeFieldName(name);
            parser.nextToken();
            generator.copyCurrentStructure(parser);
            generator.writeFieldName("after");
            generator.writeString("x");
            generator.writeEndObject();
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteNestedJsonAsCopyingItThroughTheGeneratorWould() throws Exception {
        // Escapes, non-ASCII, numbers of every kind, deep and empty structures, whitespace.
        String[] nested = {
            "[\"/fake/bin/tool\",\"--arg=va lue\",\"a\\/b\",\"\\u00e9 é \\ud83d\\ude00\",\"tab\\there\"]",
            "{ \"a\" : [ 1, -2, 3.5, 1e3, 18446744073709551615, true, false, null ], \"b\" : { } }",
            "[[[[[]]]],{\"k\":{\"k\":{\"k\":[]}}}]",
            "[]",
            "{}",
        };
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        for (String json : nested) {
            for (int round = 0; round < 2; round++) {
                assertEquals(copiedThroughOneGenerator("nested", json),
                        encoder.toJson(record("before", 1L, "nested", json, "after", "x")), json);
            }
        }
    }

    @Test
    void shouldWriteTextThatIsNotExactlyOneJsonValueAsAStringAndCarryOn() {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        // Each fails at a different point: after a whole value, inside an array, inside an object, at the end.
        String[] broken = {"[1] [2]", "[1] x]", "[1, [2, {\"a\":]", "{\"a\":1}}", "[\"unterminated]", "{\"a\" 1}"};
        for (String text : broken) {
            // A failure must leave nothing behind: the next record's nested value is written whole.
            assertEquals("{\"text\":" + quoted(text) + ",\"next\":[1,{\"b\":2}]}",
                    encoder.toJson(record("text", text, "next", "[1,{\"b\":2}]")), text);
            assertEquals("{\"first\":{\"c\":[3]},\"text\":" + quoted(text) + "}",
                    encoder.toJson(record("first", "{\"c\":[3]}", "text", text)), text);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void shouldWriteSeveralNestedValuesInOneRecordAndInsideUnflattenedObjects() {
        LogRecord record = record("a.args", "[\"x\"]", "a.env", "{\"HOME\":\"/root\"}", "b", "[]");
        assertEquals("{\"a\":{\"args\":[\"x\"],\"env\":{\"HOME\":\"/root\"}},\"b\":[]}",
                new JsonEncoder(settings(true, true, false), PLUS_ONE).toJson(record));
        assertEquals("{\"a.args\":[\"x\"],\"a.env\":{\"HOME\":\"/root\"},\"b\":[]}",
                new JsonEncoder(JsonSettings.defaults(), PLUS_ONE).toJson(record));
    }

    @Test
    void shouldIndentNestedJsonAtItsDepthWithPrettyPrint() {
        JsonSettings pretty = new JsonSettings(JsonSettings.DEFAULT_DATE_FORMAT, true, false, false, true, true, false);
        String json = new JsonEncoder(pretty, PLUS_ONE).toJson(record("args", "[\"x\",\"y\"]", "broken", "[1"));
        assertEquals("{\n  \"args\" : [ \"x\", \"y\" ],\n  \"broken\" : \"[1\"\n}", json);
    }

    @Test
    void shouldNestDottedNamesWithUnFlatten() {
        LogRecord record = record("a.b", 1L, "c", "x", "a.d.e", true, "a.b.f", 2L);
        assertEquals("{\"a\":{\"b\":1,\"d\":{\"e\":true},\"b.f\":2},\"c\":\"x\"}",
                new JsonEncoder(settings(true, true, false), PLUS_ONE).toJson(record));
    }

    @Test
    void shouldHonourDateFormatAndGenerateDateInUtc() {
        Conversions utc = Conversions.of(new LanguageSettings(null, true, false, ZoneOffset.ofHours(1)));
        LogRecord record = record("EventTime", TIME);
        assertEquals("{\"EventTime\":\"2024-01-02T03:04:05.123456+00:00\"}",
                new JsonEncoder(JsonSettings.defaults(), utc).toJson(record));
        JsonSettings plain = new JsonSettings("YYYY-MM-DD hh:mm:ss", true, false, false, true, false, false);
        assertEquals("{\"EventTime\":\"2024-01-02 04:04:05\"}", new JsonEncoder(plain, PLUS_ONE).toJson(record));
    }

    @Test
    void shouldWriteRecordsBackToBackWithoutSeparators() {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        ByteSink sink = new ByteSink();
        encoder.write(record("a", 1L), sink);
        encoder.write(record("b", 2L), sink);
        assertEquals("{\"a\":1}{\"b\":2}", sink.toString());
    }

    @Test
    void shouldFrameBatchesAsJsonArrays() {
        JsonFraming framing = new JsonFraming("json", new JsonEncoder(JsonSettings.defaults(), PLUS_ONE), true);
        ByteSink sink = new ByteSink();
        framing.begin(sink);
        framing.frameInBatch(record("a", 1L), sink);
        framing.separator(sink);
        framing.frameInBatch(record("a", 2L), sink);
        framing.end(sink);
        framing.frame(record("a", 3L), sink);
        assertEquals("[{\"a\":1},{\"a\":2}]\n[{\"a\":3}]", sink.toString());
    }

    @Test
    void shouldIndentWithPrettyPrint() {
        JsonSettings pretty = new JsonSettings(JsonSettings.DEFAULT_DATE_FORMAT, true, false, false, true, true, false);
        assertEquals("{\n  \"a\" : 1\n}", new JsonEncoder(pretty, PLUS_ONE).toJson(record("a", 1L)));
    }

    @Test
    void shouldWriteTheSameBytesForAValueSeenAgainChangedOrCopied() {
        // Values that repeat as the same instance are escaped once and reused (EscapedStringCache): the
        // output must not tell.
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        String path = "/Applications/A \"quoted\" app/\u00e9\u20ac\t\\";
        String expectedPath = "\"/Applications/A \\\"quoted\\\" app/\u00e9\u20ac\\t\\\\\"";
        LogRecord record = record("Path", path, "Other", "x");
        for (int i = 0; i < 3; i++) {
            assertEquals("{\"Path\":" + expectedPath + ",\"Other\":\"x\"}", encoder.toJson(record), "round " + i);
        }
        record.set(FieldName.of("Path"), "changed\n");
        assertEquals("{\"Path\":\"changed\\n\",\"Other\":\"x\"}", encoder.toJson(record));
        record.set(FieldName.of("Path"), new String(path.toCharArray()));
        for (int i = 0; i < 3; i++) {
            assertEquals("{\"Path\":" + expectedPath + ",\"Other\":\"x\"}", encoder.toJson(record), "copy, round " + i);
        }
    }

    @Test
    void shouldKeepEscapingSurrogatesWhenAValueRepeats() {
        // Jackson's generator writes surrogates as \\u escapes; a SerializedString would write UTF-8 instead.
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        LogRecord record = record("Name", "smile \uD83D\uDE00");
        for (int i = 0; i < 3; i++) {
            assertEquals("{\"Name\":\"smile \\uD83D\\uDE00\"}", encoder.toJson(record), "round " + i);
        }
    }

    @Test
    void shouldNeverWriteARepeatedNestedJsonValueAsAString() {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        LogRecord record = record("nested", "{\"k\":1}", "broken", "{not json}");
        for (int i = 0; i < 3; i++) {
            assertEquals("{\"nested\":{\"k\":1},\"broken\":\"{not json}\"}", encoder.toJson(record), "round " + i);
        }
    }

    @Test
    void shouldWriteEachRecordsOwnSpellingOfAFieldAndLeaveOutTheSameFieldsEveryTime() {
        // Names are escaped once per field id; spellings that differ in case share an id.
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        for (int i = 0; i < 3; i++) {
            assertEquals("{\"Message\":\"a\"}", encoder.toJson(record("Message", "a", "_hidden", 1L, "raw_event", "r")));
            assertEquals("{\"message\":\"b\"}", encoder.toJson(record("message", "b", "_hidden", 1L)));
            assertEquals("{\"MESSAGE\":\"c\",\"visible\":2}", encoder.toJson(record("MESSAGE", "c", "visible", 2L)));
        }
    }

    /**
     * The encoder writes a record without indentation by itself, with Jackson's escaping and number
     * formatting but not its generator's object handling. Whatever the record, the bytes must be the ones
     * the generator writes for the same fields: this test writes random records both ways. Strings come
     * from a pool, so the same instances come back as they do from im_maces (and reach the escaped-value
     * cache), or are made afresh.
     */
    @Test
    void shouldWriteExactlyWhatJacksonsGeneratorWritesForRandomRecords() throws IOException {
        String[] names = {"EventType", "Message", "N\u00e9v", "with \"quote\"", "Path", "_hidden", ".dot", "raw_event",
            "Count", "EventTime"};
        String[] strings = {"", "plain", "a \"quoted\" \\ back/slash", "tab\tnew\nline\r\u0000\u001f\u007f",
            "\u00e9\u20ac\u4e2d", "smile \uD83D\uDE00", "unpaired \uD800 high", "unpaired \uDC00 low",
            "{\"k\":[1,2,{\"x\":null}]}", "[\"a\", 1.5e3, true]", "{not json}", "[1] [2]", "{} ", " []",
            "x".repeat(600) + "\n", "/usr/bin/\u00e9".repeat(40)};
        SplittableRandom random = new SplittableRandom(11);
        for (JsonSettings settings : new JsonSettings[]{JsonSettings.defaults(), settings(false, false, true),
            new JsonSettings("YYYY-MM-DD hh:mm:ss", true, false, false, true, false, false)}) {
            JsonEncoder encoder = new JsonEncoder(settings, PLUS_ONE);
            for (int round = 0; round < 3000; round++) {
                LogRecord record = new LogRecord();
                for (int field = random.nextInt(12); field > 0; field--) {
                    String name = names[random.nextInt(names.length)] + (random.nextInt(4) == 0 ? random.nextInt(3) : "");
                    record.set(FieldName.of(name), randomValue(random, strings));
                }
                assertEquals(throughTheGenerator(record, settings), encoder.toJson(record), record::toString);
            }
        }
    }

    private static Object randomValue(SplittableRandom random, String[] strings) {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3) == 0 ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong();
            case 3 -> (long) random.nextInt(-1000, 1000);
            case 4 -> Datetime.ofMicroseconds(1_700_000_000_000_000L + random.nextLong(0, 5_000_000L));
            case 5 -> Binary.of(new byte[]{(byte) random.nextInt(), 0x2f});
            case 6 -> new String(strings[random.nextInt(strings.length)].toCharArray());
            default -> strings[random.nextInt(strings.length)];
        };
    }

    /** The record written field by field through Jackson's UTF-8 generator, as the encoder is to write it. */
    private static String throughTheGenerator(LogRecord record, JsonSettings settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonEncoder.FACTORY.createGenerator(bytes)) {
            generator.writeStartObject();
            for (int i = 0; i < record.size(); i++) {
                String name = record.nameAt(i).spelling();
                boolean hidden = name.startsWith("_") || name.startsWith(".");
                if (name.equalsIgnoreCase("raw_event") || (hidden && !settings.includeHiddenFields())) {
                    continue;
                }
                generator.writeFieldName(name);
                Object value = record.valueAt(i);
                if (value == null) {
                    generator.writeNull();
                } else if (value instanceof String text) {
                    boolean nested = settings.detectNestedJson() && text.length() >= 2
                            && ((text.startsWith("{") && text.endsWith("}")) || (text.startsWith("[") && text.endsWith("]")))
                            && JsonEncoder.isJson(text);
                    if (nested) {
                        try (JsonParser parser = JsonEncoder.FACTORY.createParser(text)) {
                            parser.nextToken();
                            generator.copyCurrentStructure(parser);
                        }
                    } else {
                        generator.writeString(text);
                    }
                } else if (value instanceof Long number) {
                    generator.writeNumber(number);
                } else if (value instanceof Boolean flag) {
                    generator.writeBoolean(flag);
                } else if (value instanceof Datetime datetime) {
                    generator.writeString(PLUS_ONE.formatter(settings.dateFormat()).format(datetime));
                } else {
                    generator.writeString(PLUS_ONE.string(value));
                }
            }
            generator.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldLeaveNothingInTheSinkWhenARecordCannotBeWritten() {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(), PLUS_ONE);
        ByteSink sink = new ByteSink();
        encoder.write(record("a", 1L), sink);
        LogRecord unwritable = record("b", 2L, "c", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        });
        assertThrows(RuntimeException.class, () -> encoder.write(unwritable, sink));
        encoder.write(record("d", 3L), sink);
        assertEquals("{\"a\":1}{\"d\":3}", sink.toString());
    }
}

