package org.openmaces.outputs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.language.runtime.DateFormatter;
import org.openmaces.core.record.Datetime;

/** The cache writes every datetime exactly as the generator writes the language's formatted text. */
class DatetimeCacheTest {
    @Test
    void shouldWriteExactlyWhatTheLanguageFormatsAcrossSecondsAndOffsetChanges() throws IOException {
        // Europe/Berlin: 2024-03-31 01:00:00Z the offset changes from +01:00 to +02:00.
        long changeMicros = 1711846800L * 1_000_000L;
        SplittableRandom random = new SplittableRandom(7);
        for (String format : new String[]{"YYYY-MM-DDThh:mm:ss.sTZ", "YYYY-MM-DD hh:mm:ss", "YYYY-MM-DDThh:mm:ss.sUTC",
            "%Y %m %d"}) {
            DateFormatter formatter = DateFormatter.of(format, ZoneId.of("Europe/Berlin"));
            DatetimeCache cache = new DatetimeCache(formatter);
            for (int i = 0; i < 2000; i++) {
                long micros = changeMicros + random.nextLong(-3_000_000L, 3_000_000L);
                Datetime datetime = Datetime.ofMicroseconds(micros);
                String expected = json(formatter.format(datetime));
                assertEquals(expected, json(cache, datetime), format + " at " + micros);
                assertEquals(expected, appended(cache, datetime), format + " at " + micros + ", appended to a sink");
            }
        }
    }

    @Test
    void shouldEscapeWhatTheFormatsLiteralTextNeeds() throws IOException {
        // A quote and a backslash in the format's literal text must be escaped on the cached path too.
        DateFormatter formatter = DateFormatter.of("YYYY-MM-DD\"hh:mm:ss.s\\TZ", ZoneId.of("UTC"));
        DatetimeCache cache = new DatetimeCache(formatter);
        for (long micros = 1_700_000_000_000_000L; micros < 1_700_000_003_000_000L; micros += 123_457L) {
            Datetime datetime = Datetime.ofMicroseconds(micros);
            String written = json(cache, datetime);
            assertEquals(json(formatter.format(datetime)), written);
            assertEquals(written, appended(cache, datetime));
            assertTrue(written.contains("\\\"") && written.contains("\\\\"), written);
        }
    }

    @Test
    void shouldLeaveTextWithSurrogatesToTheGenerator() throws IOException {
        // Jackson's generator escapes surrogates; the cache's escaping would write them as UTF-8.
        DateFormatter formatter = DateFormatter.of("YYYY-MM-DD\uD83D\uDE00hh:mm:ss.s", ZoneId.of("UTC"));
        DatetimeCache cache = new DatetimeCache(formatter);
        Datetime datetime = Datetime.ofMicroseconds(1_700_000_000_123_456L);
        for (int i = 0; i < 2; i++) {
            assertEquals(json(formatter.format(datetime)), json(cache, datetime));
            assertEquals(json(formatter.format(datetime)), appended(cache, datetime));
        }
    }

    /** What Jackson's UTF-8 generator, the one the encoder uses, writes for the text. */
    private static String json(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonEncoder.FACTORY.createGenerator(out)) {
            generator.writeString(text);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String json(DatetimeCache cache, Datetime datetime) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonEncoder.FACTORY.createGenerator(out)) {
            cache.write(datetime, generator);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String appended(DatetimeCache cache, Datetime datetime) throws IOException {
        ByteSink sink = new ByteSink();
        sink.write('x');
        JsonValueWriter values = new JsonValueWriter();
        values.target(sink);
        cache.write(datetime, sink, values);
        String written = sink.toString();
        assertEquals('x', written.charAt(0));
        return written.substring(1);
    }
}
