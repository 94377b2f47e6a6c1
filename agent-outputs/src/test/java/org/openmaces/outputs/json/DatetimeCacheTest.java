package org.openmaces.outputs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
