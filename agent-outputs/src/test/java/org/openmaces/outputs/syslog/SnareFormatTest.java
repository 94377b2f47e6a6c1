package org.openmaces.outputs.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/** {@code to_syslog_snare()}'s line, column by column. */
class SnareFormatTest {
    private static final Conversions PLUS_ONE = Conversions.of(
            new LanguageSettings(null, false, false, ZoneOffset.ofHours(1)));
    /** 2024-01-05T09:00:00.000042Z: Friday 10:00 at +01:00. */
    private static final Datetime TIME = Datetime.ofMicroseconds(1704445200000042L);
    /** Saturday 2024-06-01, 01:00 at +01:00. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static SyslogFormatter formatter(SyslogSettings settings) {
        return new SyslogFormatter(settings, PLUS_ONE, CLOCK, () -> "localhost");
    }

    private static String snare(LogRecord record, long counter) {
        return formatter(SyslogSettings.defaults()).snare(record, counter);
    }

    private static LogRecord record(Object... namesAndValues) {
        LogRecord record = new LogRecord();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.set(FieldName.of((String) namesAndValues[i]), namesAndValues[i + 1]);
        }
        return record;
    }

    private static LogRecord windowsLogon() {
        return record("EventTime", TIME, "Hostname", "win1", "SeverityValue", 2L, "FileName", "Security",
                "EventID", 4624L, "SourceName", "Microsoft-Windows-Security-Auditing", "AccountName", "SYSTEM",
                "AccountType", "Well Known Group", "EventType", "AUDIT_SUCCESS", "Category", "Logon",
                "Message", "An account was successfully logged on.", "RecordNumber", 1234L);
    }

    @Test
    void shouldWriteEveryColumnOfAWindowsEvent() {
        assertEquals("<14>Jan  5 10:00:00 win1 MSWinEventLog\t1\tSecurity\t7\tFri Jan 05 10:00:00 2024\t4624\t"
                + "Microsoft-Windows-Security-Auditing\tSYSTEM\tWell Known Group\tSuccess Audit\twin1\tLogon\t\t"
                + "An account was successfully logged on.\t1234", snare(windowsLogon(), 7));
    }

    @Test
    void shouldWriteNotAvailableForMissingFieldsAndUseNowAndThisHost() {
        assertEquals("<13>Jun  1 01:00:00 localhost MSWinEventLog\t1\tN/A\t1\tSat Jun 01 01:00:00 2024\tN/A\tN/A\t"
                + "N/A\tN/A\tN/A\tlocalhost\tN/A\t\tN/A\tN/A", snare(new LogRecord(), 1));
    }

    @Test
    void shouldTakeTheMessageFromRawEventWhenThereIsNoMessage() {
        String line = snare(record("raw_event", "the whole line", "Hostname", "h", "EventTime", TIME), 2);
        assertEquals("<13>Jan  5 10:00:00 h MSWinEventLog\t1\tN/A\t2\tFri Jan 05 10:00:00 2024\tN/A\tN/A\tN/A\tN/A"
                + "\tN/A\th\tN/A\t\tthe whole line\tN/A", line);
    }

    @Test
    void shouldReplaceTheDelimiterInsideValuesSoTheColumnsStay() {
        LogRecord record = windowsLogon();
        record.set(FieldName.of("Message"), "Subject:\tSecurity ID:\tS-1-5-18");
        record.set(FieldName.of("Category"), "Logon\tLogoff");
        String line = snare(record, 7);
        assertEquals(15, line.split("\t", -1).length, line);
        assertEquals("<14>Jan  5 10:00:00 win1 MSWinEventLog\t1\tSecurity\t7\tFri Jan 05 10:00:00 2024\t4624\t"
                + "Microsoft-Windows-Security-Auditing\tSYSTEM\tWell Known Group\tSuccess Audit\twin1\tLogon Logoff\t\t"
                + "Subject: Security ID: S-1-5-18\t1234", line);
    }

    @Test
    void shouldReplaceLineBreaksEverywhere() {
        LogRecord record = windowsLogon();
        record.set(FieldName.of("Message"), "line one\r\nline two\nend\n");
        record.set(FieldName.of("Hostname"), "win\n1");
        String line = formatter(new SyslogSettings(false, "#")).snare(record, 7);
        assertEquals("<14>Jan  5 10:00:00 win#1 MSWinEventLog\t1\tSecurity\t7\tFri Jan 05 10:00:00 2024\t4624\t"
                + "Microsoft-Windows-Security-Auditing\tSYSTEM\tWell Known Group\tSuccess Audit\twin#1\tLogon\t\t"
                + "line one##line two#end#\t1234", line);
    }

    @Test
    void shouldUseTheConfiguredDelimiterAndReplacement() {
        LogRecord record = windowsLogon();
        record.set(FieldName.of("Message"), "a|b\tc");
        String line = formatter(new SyslogSettings(false, " ", '|', '/')).snare(record, 7);
        assertEquals("<14>Jan  5 10:00:00 win1 MSWinEventLog|1|Security|7|Fri Jan 05 10:00:00 2024|4624|"
                + "Microsoft-Windows-Security-Auditing|SYSTEM|Well Known Group|Success Audit|win1|Logon||"
                + "a/b\tc|1234", line);
    }

    @Test
    void shouldNotLetAReplacementLineBreakSplitTheLine() {
        LogRecord record = record("Message", "a\tb", "Hostname", "h", "EventTime", TIME);
        String line = formatter(new SyslogSettings(false, " ", '\t', '\n')).snare(record, 1);
        assertEquals(true, line.endsWith("\t\ta b\tN/A"), line);
    }

    @Test
    void shouldPreferChannelAndKeepUnknownEventTypesAndOtherValueTypes() {
        LogRecord record = record("EventTime", TIME, "Hostname", "mac1", "Channel", "endpointsecurity",
                "FileName", "ignored", "EventType", "exec", "EventID", "E9", "AccountName", 501L,
                "Severity", "ERROR", "SyslogFacility", "auth", "Message", "m");
        // facility AUTH (4), severity from the normalized ERROR (3): 35; criticality ERROR (4) less one
        assertEquals("<35>Jan  5 10:00:00 mac1 MSWinEventLog\t3\tendpointsecurity\t9\tFri Jan 05 10:00:00 2024\tE9\t"
                + "N/A\t501\tN/A\texec\tmac1\tN/A\t\tm\tN/A", snare(record, 9));
    }

    @Test
    void shouldWriteTheOtherWindowsEventTypesAsSnareDoes() {
        String[][] names = {{"AUDIT_FAILURE", "Failure Audit"}, {"INFO", "Information"}, {"CRITICAL", "Critical"},
            {"ERROR", "Error"}, {"WARNING", "Warning"}, {"VERBOSE", "Verbose"}};
        for (String[] name : names) {
            String line = snare(record("EventType", name[0]), 1);
            assertEquals(name[1], line.split("\t", -1)[9], line);
        }
    }
}
