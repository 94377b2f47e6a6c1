package org.openmaces.outputs.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

class SyslogFormatterTest {
    private static final Conversions PLUS_ONE = Conversions.of(
            new LanguageSettings(null, false, false, ZoneOffset.ofHours(1)));
    /** 2024-01-05T09:00:00.000042Z, 10:00 at +01:00. */
    private static final Datetime TIME = Datetime.ofMicroseconds(1704445200000042L);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static SyslogFormatter formatter(boolean gmt) {
        return new SyslogFormatter(new SyslogSettings(gmt, " "), PLUS_ONE, CLOCK, () -> "localhost");
    }

    private static LogRecord record(Object... namesAndValues) {
        LogRecord record = new LogRecord();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.set(FieldName.of((String) namesAndValues[i]), namesAndValues[i + 1]);
        }
        return record;
    }

    @Test
    void shouldWriteTheSpecExampleAsBsd() {
        LogRecord record = record("Hostname", "h1", "SourceName", "app", "ProcessID", 42L, "Message", "hi",
                "SeverityValue", 2L, "EventTime", TIME);
        assertEquals("<14>Jan  5 10:00:00 h1 app[42]: hi", formatter(false).bsd(record));
    }

    @Test
    void shouldLeaveOutTheTagWithoutSourceNameAndUseRawEventAndLocalHost() {
        LogRecord record = record("raw_event", "line one\nline two", "EventTime", TIME);
        assertEquals("<13>Jan  5 10:00:00 localhost line one line two", formatter(false).bsd(record));
    }

    @Test
    void shouldTakeSyslogFieldsBeforeNormalizedSeverity() {
        LogRecord record = record("Message", "m", "SyslogFacility", "local3", "SyslogSeverityValue", 3L,
                "SeverityValue", 5L, "SourceName", "my app", "EventTime", TIME, "Hostname", "h");
        assertEquals("<155>Jan  5 10:00:00 h my_app: m", formatter(false).bsd(record));
    }

    @Test
    void shouldWriteIetfWithStructuredDataOfTheOtherFields() {
        LogRecord record = record("EventReceivedTime", TIME, "Hostname", "h1", "SourceName", "app",
                "ProcessID", 42L, "MessageID", "ID7", "Message", "hello", "SeverityValue", 4L, "EventTime", TIME,
                "Quote", "a\"b]c\\", "Undefined", null, "my field", 5L);
        assertEquals("<11>1 2024-01-05T10:00:00.000042+01:00 h1 app 42 ID7 [NXLOG@14506 "
                + "EventReceivedTime=\"2024-01-05 10:00:00\" Quote=\"a\\\"b\\]c\\\\\" my_field=\"5\"] hello",
                formatter(false).ietf(record));
    }

    @Test
    void shouldWriteNilFieldsAndUtcTimestamps() {
        LogRecord record = record("Message", "x", "EventTime", TIME, "Hostname", "h");
        assertEquals("<13>1 2024-01-05T09:00:00.000042Z h - - - - x", formatter(true).ietf(record));
    }

    @Test
    void shouldUseNowWithoutEventTime() {
        assertEquals("<13>Jun  1 01:00:00 h x", formatter(false).bsd(record("Message", "x", "Hostname", "h")));
    }

    @Test
    void shouldPrefixOctetCounts() {
        OctetCountingFraming framing = new OctetCountingFraming();
        ByteSink sink = new ByteSink(16);
        sink.writeUtf8("before|");
        framing.frame(record("raw_event", "<13>1 - h - - - - é"), sink);
        framing.frame(record("raw_event", ""), sink);
        assertEquals("before|20 <13>1 - h - - - - é0 ", sink.toString());
    }
}
