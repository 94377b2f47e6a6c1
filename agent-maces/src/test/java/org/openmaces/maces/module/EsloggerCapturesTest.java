package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmaces.maces.module.MacesHarness.field;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.mapping.Formats;
import org.openmaces.maces.mapping.RawEventFormat;
import org.openmaces.maces.testing.Fixtures;
import org.openmaces.maces.testing.RealCaptures;

/** Replays of eslogger captures through the whole module: real ones (when present) and synthetic ones. */
class EsloggerCapturesTest {
    private static final Set<String> CORE = Set.of("raw_event", "EventReceivedTime", "SourceModuleName",
            "SourceModuleType");

    @TempDir
    Path directory;

    @Test
    void shouldGiveEveryFieldOfEverySyntheticEventType() throws Exception {
        Path capture = Fixtures.root().resolve("eslogger/synthetic-all-events.jsonl");
        List<String> expectedLines = Files.readAllLines(Fixtures.root().resolve(
                "eslogger/synthetic-all-events.expected"), StandardCharsets.UTF_8);
        List<LogRecord> records = new MacesHarness(directory).replay("Source replay\nNotifyEvents All\nReplayFile "
                + capture);
        assertEquals(51, records.size());
        for (int i = 0; i < records.size(); i++) {
            LogRecord record = records.get(i);
            Map<String, Object> expected = flatJson(expectedLines.get(i));
            Map<String, Object> actual = new LinkedHashMap<>();
            for (int f = 0; f < record.size(); f++) {
                if (!CORE.contains(record.nameAt(f).spelling())) {
                    actual.put(record.nameAt(f).spelling(), record.valueAt(f));
                }
            }
            String event = (String) expected.get("EventType");
            assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), event);
            for (Map.Entry<String, Object> entry : expected.entrySet()) {
                Object want = entry.getValue();
                Object got = actual.get(entry.getKey());
                if (want instanceof String text && text.startsWith("@cs ")) {
                    want = Formats.codesigningFlags((int) Long.parseLong(text.substring(4)));
                } else if (got instanceof Datetime datetime) {
                    got = RawEventFormat.parse("t=" + record.getString(org.openmaces.core.record.FieldName.of("raw_event"))
                            .split(entry.getKey() + "=")[1].split(" ")[0]).get("t");
                    assertEquals(want, got, event + " $" + entry.getKey());
                    continue;
                }
                assertEquals(want, got, event + " $" + entry.getKey());
            }
            Map<String, String> raw = RawEventFormat.parse((String) field(record, "raw_event"));
            assertEquals(actual.keySet(), raw.keySet(), event + ": $raw_event parses back to the same fields");
        }
    }

    /** A flat JSON object: numbers as Long (unsigned 64-bit kept as its bits), strings, booleans. */
    static Map<String, Object> flatJson(String line) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                values.put(key, switch (token) {
                    case VALUE_NUMBER_INT -> parser.getBigIntegerValue().longValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    default -> parser.getText();
                });
            }
        }
        return values;
    }

    @Test
    void shouldReplayEveryRealCaptureWithItsFields() throws Exception {
        Path real = RealCaptures.directory();
        Assumptions.assumeTrue(real != null, "../shared/fixtures-real/eslogger is not here");
        List<LogRecord> records = new MacesHarness(directory).replay("Source replay\nNotifyEvents All\nReplayFile "
                + real + "/*.jsonl");
        assertEquals(4, records.size(), "one event per capture file");
        LogRecord exec11 = records.get(0);
        assertEquals("exec", field(exec11, "EventType"));
        assertEquals(11L, field(exec11, "MessageVersion"));
        assertEquals(4L, field(exec11, "MessageSequence"));
        assertEquals(4294967295L, field(exec11, "ProcessUID"), "the audit uid of a daemon, unsigned");
        assertEquals("/usr/libexec/xpcproxy", field(exec11, "ProcessExecutable"), "escaped slashes decoded");
        assertEquals(25189L, field(exec11, "TargetProcessPIDVersion"));
        assertEquals((Long) field(exec11, "ProcessPIDVersion") + 1, field(exec11, "TargetProcessPIDVersion"));
        assertTrue(((String) field(exec11, "TargetProcessArgs")).startsWith("[\"/System/Library/"));
        assertNull(field(exec11, "ProcessTeamID"), "team_id null");
        assertNull(field(exec11, "ProcessTty"), "tty null");
        assertEquals("f4fb6536da8bfeecdfd895b2ef9576e02c36ec2a", field(exec11, "ProcessCodeDirectoryHash"));

        LogRecord exec9 = records.get(1);
        assertEquals(9L, field(exec9, "MessageVersion"));
        assertEquals("/dev/ttys003", field(exec9, "ProcessTty"));
        assertEquals("/dev/ttys003", field(exec9, "TargetProcessTty"));
        assertEquals("[\"/bin/connection-checker\"]", field(exec9, "TargetProcessArgs"));
        assertEquals("0x22020203 (CS_VALID | CS_ADHOC | CS_KILL | CS_LINKER_SIGNED | CS_NO_UNTRUSTED_HELPERS | CS_SIGNED)",
                field(exec9, "ProcessCodesigningFlags"));
        assertEquals(Boolean.FALSE, field(exec9, "ProcessPlatformBinary"));

        LogRecord exit = records.get(2);
        assertEquals("exit", field(exit, "EventType"));
        assertEquals(0L, field(exit, "ExitCode"), "wait status 0: exited with 0");
        assertEquals(11221L, field(exit, "ProcessPID"));
        assertEquals(532L, field(exit, "ProcessParentPID"));
        assertEquals("/usr/sbin/ipconfig", field(exit, "ProcessExecutable"));
        assertEquals("com.apple.ipconfig", field(exit, "ProcessSigningID"));
        assertEquals("401374797834", field(exit, "MachTimestamp"));
        assertEquals(Datetime.ofMicroseconds(1754579589811587L), field(exit, "EventTime"));
        assertEquals(362L, field(exit, "MessageSequence"));

        LogRecord fork = records.get(3);
        assertEquals("fork", field(fork, "EventType"));
        assertEquals(19745L, field(fork, "ProcessPID"), "array audit token: pid is the sixth word");
        assertEquals(35165L, field(fork, "ProcessPIDVersion"));
        assertEquals(501L, field(fork, "ProcessUID"));
        assertEquals(21497L, field(fork, "TargetProcessPID"));
        assertEquals(19745L, field(fork, "TargetProcessParentPID"));
        assertEquals("CKG9MXH72F", field(fork, "ProcessTeamID"));
        assertEquals("/Applications/Mullvad VPN.app/Contents/MacOS/Mullvad VPN", field(fork, "ProcessExecutable"));
        for (LogRecord record : records) {
            assertFalse(RawEventFormat.parse((String) field(record, "raw_event")).isEmpty());
        }
    }

    @Test
    void shouldSkipAndCountMalformedLinesAndReadACutLastLine() throws Exception {
        Path capture = Fixtures.root().resolve("eslogger/synthetic-all-events.jsonl");
        List<String> lines = Files.readAllLines(capture, StandardCharsets.UTF_8);
        String exit = lines.stream().filter(line -> line.contains("\"exit\":{")).findFirst().orElseThrow();
        Path mixed = directory.resolve("mixed.jsonl");
        String noise = "\u0004\b\b"; // what `script` puts before the first line
        Files.writeString(mixed, noise + exit + "\r\n" + "{\"not\": \"an event\"}\n" + "garbage\n\n" + exit + "\n"
                + exit.substring(0, exit.length() / 2), StandardCharsets.UTF_8);
        List<LogRecord> records = new MacesHarness(directory).replay("Source replay\nNotifyEvents exit\nReplayFile "
                + mixed + "\nExec $Malformed = get_stat(\"im_maces.malformed\");");
        assertEquals(2, records.size());
        assertEquals(3L, field(records.get(1), "Malformed"), "two bad lines and the cut last one, counted and readable");
        assertEquals(3L, field(records.get(0), "ExitCode"));
    }
}
