package org.openmaces.outputs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.runtime.DateFormatter;
import org.openmaces.core.record.Datetime;

class DatetimeCacheTest {
    @Test
    void shouldFormatExactlyAsTheLanguageDoesAcrossSecondsAndOffsetChanges() {
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
                assertEquals(formatter.format(datetime), cache.format(datetime), format + " at " + micros);
            }
        }
    }

    @Test
    void shouldWriteTheSameJsonStringAsTheFormattedText() throws IOException {
        // A quote and a backslash in the format's literal text must be escaped on the cached path too.
        DateFormatter formatter = DateFormatter.of("YYYY-MM-DD\"hh:mm:ss.s\\TZ", ZoneId.of("UTC"));
        DatetimeCache cache = new DatetimeCache(formatter);
        StringWriter expected = new StringWriter();
        StringWriter written = new StringWriter();
        try (JsonGenerator plain = JsonEncoder.FACTORY.createGenerator(expected);
             JsonGenerator cached = JsonEncoder.FACTORY.createGenerator(written)) {
            plain.writeStartArray();
            cached.writeStartArray();
            for (long micros = 1_700_000_000_000_000L; micros < 1_700_000_003_000_000L; micros += 123_457L) {
                Datetime datetime = Datetime.ofMicroseconds(micros);
                plain.writeString(formatter.format(datetime));
                cache.write(datetime, cached);
            }
            plain.writeEndArray();
            cached.writeEndArray();
        }
        assertEquals(expected.toString(), written.toString());
        assertTrue(written.toString().contains("\\\""), written.toString());
    }
}
