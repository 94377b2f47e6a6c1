package org.openmaces.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        String sink = "sink-" + System.nanoTime();
        CollectingOutput.Sink collected = CollectingOutput.sink(sink);
        new RuntimeHarness(directory, new NxlogLanguage()).runOneshot(String.join("\n",
                "CacheDir " + directory,
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Extension syslog>", "Module xm_syslog", "</Extension>",
                "<Input in>", "Module im_testgen", "MaxCount 1", "Exec " + exec, "</Input>",
                "<Output out>", "Module om_collect", "Sink " + sink, "</Output>", ""));
        List<LogRecord> records = collected.records();
        assertEquals(1, records.size());
        return records.get(0);
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
}
