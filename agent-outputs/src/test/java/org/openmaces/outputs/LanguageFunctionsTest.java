package org.openmaces.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.core.testing.RuntimeHarness;

/** xm_json and xm_syslog functions called from Exec, as configurations call them. */
class LanguageFunctionsTest {
    @TempDir
    Path directory;

    private LogRecord run(String exec) throws Exception {
        List<LogRecord> records = run("", 1, exec);
        assertEquals(1, records.size());
        return records.get(0);
    }

    /** Runs {@code count} im_testgen records through {@code exec}, with {@code syslogDirectives} in xm_syslog. */
    private List<LogRecord> run(String syslogDirectives, int count, String exec) throws Exception {
        String sink = "sink-" + System.nanoTime();
        CollectingOutput.Sink collected = CollectingOutput.sink(sink);
        new RuntimeHarness(directory, new NxlogLanguage()).runOneshot(config(syslogDirectives, count, exec, sink));
        return collected.records();
    }

    private String config(String syslogDirectives, int count, String exec, String sink) {
        return String.join("\n",
                "CacheDir " + directory,
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Extension syslog>", "Module xm_syslog", syslogDirectives, "</Extension>",
                "<Input in>", "Module im_testgen", "MaxCount " + count, "Exec " + exec, "</Input>",
                "<Output out>", "Module om_collect", "Sink " + sink, "</Output>", "");
    }

    private static Object field(LogRecord record, String name) {
        return record.get(FieldName.of(name));
    }

    @Test
    void shouldParseJsonAndSyslogFromExec() throws Exception {
        LogRecord record = run("parse_json('{\"user\":\"root\",\"uid\":0,\"ok\":true}'); "
                + "parse_syslog('<34>Oct 11 22:14:15 mymachine su: su root failed'); "
                + "$Facility = syslog_facility_string(10); $Value = syslog_severity_value('warn'); "
                + "$Unknown = syslog_facility_value('nonsense'); $Json = to_json();");
        assertEquals("root", field(record, "user"));
        assertEquals(0L, field(record, "uid"));
        assertEquals(Boolean.TRUE, field(record, "ok"));
        assertEquals("mymachine", field(record, "Hostname"));
        assertEquals("su", field(record, "SourceName"));
        assertEquals("su root failed", field(record, "Message"));
        assertEquals(2L, field(record, "SyslogSeverityValue"));
        assertEquals("AUTHPRIV", field(record, "Facility"));
        assertEquals(4L, field(record, "Value"));
        assertEquals(0L, field(record, "Unknown"));
        String json = (String) field(record, "Json");
        assertEquals(true, json.contains("\"user\":\"root\",\"uid\":0,\"ok\":true"), json);
    }

    @Test
    void shouldLetExecReadWhatTheToJsonProcedureWroteAsTheFunctionWouldHaveWrittenIt() throws Exception {
        // The procedure keeps $raw_event as UTF-8 bytes for the output; Exec must still see a plain string.
        LogRecord record = run("$Message = 'caf\u00e9'; set_var('function', to_json()); to_json(); "
                + "$Same = $raw_event == get_var('function'); $Length = size($raw_event); "
                + "if $raw_event =~ /\"Message\":\"(caf\u00e9)\"/ $Captured = $1;");
        String json = (String) field(record, "raw_event");
        assertTrue(json.startsWith("{") && json.contains("\"Message\":\"caf\u00e9\""), json);
        assertEquals(Boolean.TRUE, field(record, "Same"));
        assertEquals((long) json.getBytes(StandardCharsets.UTF_8).length, field(record, "Length")); // size() counts bytes
        assertEquals("caf\u00e9", field(record, "Captured"));
    }

    @Test
    void shouldKeepInRawEventTheJsonOfTheRecordAsItWasWhenTheProcedureRan() throws Exception {
        // The procedure's JSON is made when read; changes after the call must not show in it.
        LogRecord record = run("$Message = 'before'; set_var('json', to_json()); to_json(); $Message = 'after'; "
                + "$Added = 1; rename_field('Message', 'Text'); $Expected = get_var('json');");
        String json = (String) field(record, "raw_event");
        assertTrue(json.contains("\"Message\":\"before\"") && !json.contains("Added"), json);
        assertEquals(field(record, "Expected"), json);
    }

    @Test
    void shouldWriteSnareFromExecAndCountTheRecords() throws Exception {
        List<LogRecord> records = run("", 3, "$Hostname = 'mac1'; $EventTime = 2024-01-05 10:00:00; "
                + "$EventID = 4688; $Category = \"Process\\tCreation\"; $Message = \"line one\\nline two\"; "
                + "delete($SourceName); to_syslog_snare();");
        assertEquals(3, records.size());
        for (int i = 0; i < 3; i++) {
            // im_testgen: $SeverityValue 2 (INFO), so PRI 14 and criticality 1
            assertEquals("<14>Jan  5 10:00:00 mac1 MSWinEventLog\t1\tN/A\t" + (i + 1) + "\tFri Jan 05 10:00:00 2024"
                    + "\t4688\tN/A\tN/A\tN/A\tN/A\tmac1\tProcess Creation\t\tline one line two\tN/A",
                    field(records.get(i), "raw_event"));
        }
    }

    @Test
    void shouldUseSnareDelimiterAndSnareReplacementFromTheConfiguration() throws Exception {
        List<LogRecord> records = run("SnareDelimiter '|'\nSnareReplacement \\t", 1,
                "$Hostname = 'mac1'; $Message = 'a|b'; to_syslog_snare();");
        String line = (String) field(records.get(0), "raw_event");
        assertTrue(line.startsWith("<14>"), line);
        assertTrue(line.contains(" mac1 MSWinEventLog|1|N/A|1|"), line);
        assertTrue(line.endsWith("|mac1|N/A||a\tb|N/A"), line);
    }

    @Test
    void shouldRejectASnareDelimiterOfMoreThanOneCharacter() {
        RuntimeHarness harness = new RuntimeHarness(directory, new NxlogLanguage());
        AssertionError error = assertThrows(AssertionError.class,
                () -> harness.assemble(config("SnareDelimiter ||", 1, "to_syslog_snare();", "unused"), true));
        assertTrue(error.getMessage().contains("SnareDelimiter takes one character such as \\t or '|', not '||'"),
                error.getMessage());
    }

    @Test
    void shouldWarnWhenTheSnareReplacementIsTheDelimiter() {
        RuntimeHarness harness = new RuntimeHarness(directory, new NxlogLanguage());
        harness.assemble(config("SnareDelimiter ' '", 1, "to_syslog_snare();", "unused"), true);
        assertTrue(harness.diagnostics().all().stream().anyMatch(diagnostic ->
                diagnostic.severity() == Diagnostic.Severity.WARNING
                        && diagnostic.message().contains("SnareDelimiter and SnareReplacement are the same character")),
                harness.diagnostics().all().toString());
    }
}
