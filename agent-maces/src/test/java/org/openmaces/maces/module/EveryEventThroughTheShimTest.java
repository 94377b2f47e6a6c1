package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmaces.maces.module.MacesHarness.field;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.mapping.FieldMapper;
import org.openmaces.maces.record.GoldenRecords;
import org.openmaces.maces.record.RecordDecoder;
import org.openmaces.maces.testing.Fixtures;

/**
 * Every one of the 51 events, as fake-es's scripted message, through the real shim, the ring and a
 * running agent: each delivered record has the fields of the golden vector of the same message
 * (whose every field FieldMapperGoldenTest checks), bar what the generator stamps afresh.
 */
@EnabledOnOs(OS.LINUX)
class EveryEventThroughTheShimTest {
    private static final Set<String> STAMPED = Set.of("MessageSequence", "MachTimestamp", "raw_event",
            "EventReceivedTime", "SourceModuleName", "SourceModuleType");

    @TempDir
    Path directory;

    @Test
    void shouldDeliverEveryEventTypeWithAllItsFields() throws Exception {
        Map<String, LogRecord> expected = new HashMap<>();
        RecordDecoder decoder = new RecordDecoder();
        FieldMapper mapper = new FieldMapper(bytes -> new String(bytes, StandardCharsets.UTF_8));
        for (GoldenRecords.Golden golden : GoldenRecords.read(Fixtures.root().resolve("records/format-1/message-v10"))) {
            if (golden.name().endsWith("variant0")) {
                decoder.wrap(golden.bytes(), 0);
                expected.put(golden.name().split(" ")[0], mapper.map(decoder));
            }
        }
        FakeEsControl.FakeEs fake = FakeEsControl.fakeEs();
        try (MacesLive live = new MacesLive(directory, "<Input in>\n    Module im_maces\n    NotifyEvents All\n</Input>\n")) {
            assertEquals(51, fake.fake_es_generate_mixed(10, 51));
            MacesLive.await("51 events", () -> live.sink.size() >= 51);
            live.settle();
            List<LogRecord> records = live.records();
            assertEquals(51, records.size());
            for (LogRecord record : records) {
                String event = (String) field(record, "EventType");
                assertEquals(fields(expected.get(event)), fields(record), event);
            }
            assertEquals(EsEvent.values().length, records.stream().map(r -> field(r, "EventType")).distinct().count());
        }
    }

    private static Map<String, Object> fields(LogRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            if (!STAMPED.contains(record.nameAt(i).spelling())) {
                fields.put(record.nameAt(i).spelling(), record.valueAt(i));
            }
        }
        return fields;
    }
}
