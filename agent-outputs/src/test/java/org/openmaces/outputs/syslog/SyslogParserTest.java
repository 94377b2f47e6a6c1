package org.openmaces.outputs.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

class SyslogParserTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final SyslogParser PARSER = new SyslogParser(
            Conversions.of(new LanguageSettings(null, false, false, ZoneOffset.UTC)), CLOCK, () -> "me");

    private static Object field(LogRecord record, String name) {
        return record.get(FieldName.of(name));
    }

    private static LogRecord parse(String text) {
        LogRecord record = new LogRecord();
        PARSER.parse(text, record);
        return record;
    }

    @Test
    void shouldParseBsdWithHostTagAndPid() {
        LogRecord record = parse("<38>Jan  5 10:00:00 host1 sshd[123]: Accepted password\n");
        assertEquals(4L, field(record, "SyslogFacilityValue"));
        assertEquals("AUTH", field(record, "SyslogFacility"));
        assertEquals(6L, field(record, "SyslogSeverityValue"));
        assertEquals("INFO", field(record, "SyslogSeverity"));
        assertEquals(2L, field(record, "SeverityValue"));
        assertEquals("INFO", field(record, "Severity"));
        assertEquals(Datetime.ofInstant(Instant.parse("2024-01-05T10:00:00Z")), field(record, "EventTime"));
        assertEquals("host1", field(record, "Hostname"));
        assertEquals("sshd", field(record, "SourceName"));
        assertEquals("123", field(record, "ProcessID"));
        assertEquals("Accepted password", field(record, "Message"));
    }

    @Test
    void shouldTakeTheTagWhenTheHostIsMissing() {
        LogRecord record = parse("<13>Jan  5 10:00:00 com.apple.xpc.launchd[1]: started");
        assertEquals("me", field(record, "Hostname"));
        assertEquals("com.apple.xpc.launchd", field(record, "SourceName"));
        assertEquals("started", field(record, "Message"));
    }

    @Test
    void shouldDefaultWhatIsMissing() {
        LogRecord record = parse("no header at all: here");
        assertEquals(1L, field(record, "SyslogFacilityValue"));
        assertEquals(5L, field(record, "SyslogSeverityValue"));
        assertEquals(Datetime.ofInstant(CLOCK.instant()), field(record, "EventTime"));
        assertEquals("me", field(record, "Hostname"));
        assertEquals("no header at all: here", field(record, "Message"));
        assertFalse(record.contains(FieldName.of("SourceName")));
    }

    @Test
    void shouldParseIetfWithStructuredData() {
        LogRecord record = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Appli\\\"cation\" eventID=\"1011\"][NXLOG@14506 x=\"y\"]"
                + " \uFEFFAn application event");
        assertEquals(20L, field(record, "SyslogFacilityValue"));
        assertEquals(5L, field(record, "SyslogSeverityValue"));
        assertEquals(Datetime.ofInstant(Instant.parse("2003-10-11T22:14:15.003Z")), field(record, "EventTime"));
        assertEquals("mymachine.example.com", field(record, "Hostname"));
        assertEquals("evntslog", field(record, "SourceName"));
        assertFalse(record.contains(FieldName.of("ProcessID")));
        assertEquals("ID47", field(record, "MessageID"));
        assertEquals("3", field(record, "exampleSDID.iut"));
        assertEquals("Appli\"cation", field(record, "exampleSDID.eventSource"));
        assertEquals("y", field(record, "x"));
        assertEquals("An application event", field(record, "Message"));
    }

    @Test
    void shouldIgnoreMalformedStructuredData() {
        LogRecord record = parse("<13>1 2003-10-11T22:14:15Z h app 1 - [bad x=unquoted] msg");
        assertFalse(record.contains(FieldName.of("bad.x")));
        assertEquals("msg", field(record, "Message"));
    }

    @Test
    void shouldRoundTripWhatTheFormatterWrites() {
        SyslogFormatter formatter = new SyslogFormatter(SyslogSettings.defaults(),
                Conversions.of(new LanguageSettings(null, false, false, ZoneOffset.UTC)), CLOCK, () -> "me");
        LogRecord original = new LogRecord();
        original.set(FieldName.of("Hostname"), "h1");
        original.set(FieldName.of("SourceName"), "app");
        original.set(FieldName.of("ProcessID"), 7L);
        original.set(FieldName.of("Message"), "hello world");
        original.set(FieldName.of("Custom"), "v");
        LogRecord parsed = parse(formatter.ietf(original));
        assertEquals("h1", field(parsed, "Hostname"));
        assertEquals("7", field(parsed, "ProcessID"));
        assertEquals("v", field(parsed, "Custom"));
        assertEquals("hello world", field(parsed, "Message"));
        LogRecord bsd = parse(formatter.bsd(original));
        assertEquals("app", field(bsd, "SourceName"));
        assertEquals("hello world", field(bsd, "Message"));
    }

    @Test
    void shouldMapNamesAndNumbers() {
        assertEquals(8, SyslogTables.facilityValue("uucp"));
        assertEquals(8, SyslogTables.facilityValue("UCP"));
        assertEquals("LOCAL7", SyslogTables.facilityName(23));
        assertEquals(null, SyslogTables.facilityName(24));
        assertEquals(3, SyslogTables.severityValue("error"));
        assertEquals(0, SyslogTables.severityValue("panic"));
        assertEquals("WARNING", SyslogTables.severityName(4));
        assertEquals(6, SyslogTables.syslogSeverityOfNormalized(2));
    }
}
