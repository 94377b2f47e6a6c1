package org.openmaces.maces.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.record.GoldenRecords;
import org.openmaces.maces.record.RecordDecoder;

/**
 * {@code $raw_event} is made only when read, from the fields as they were mapped: what Exec does to the
 * fields before an output reads it must not show in it, and every thread must read the same text.
 */
class RawEventTextTest {
    private static final FieldName RAW_EVENT = FieldName.of("raw_event");
    private final RecordDecoder decoder = new RecordDecoder();
    private final FieldMapper mapper = new FieldMapper(bytes -> new String(bytes, StandardCharsets.UTF_8));

    private List<LogRecord> mapEveryGoldenRecord() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        for (Path version : GoldenRecords.versionDirectories()) {
            for (GoldenRecords.Golden golden : GoldenRecords.read(version)) {
                decoder.wrap(golden.bytes(), 0);
                records.add(mapper.map(decoder));
            }
        }
        return records;
    }

    @Test
    void shouldShowTheFieldsAsMappedWhenTheyChangedBeforeRawEventWasRead() throws Exception {
        List<LogRecord> changed = mapEveryGoldenRecord();
        List<LogRecord> untouched = mapEveryGoldenRecord();
        for (int i = 0; i < changed.size(); i++) {
            LogRecord record = changed.get(i);
            record.set(FieldName.of("EventType"), "changed");
            record.set(FieldName.of("EventTime"), null);
            record.remove(FieldName.of("MachTimestamp"));
            record.set(FieldName.of("Added"), 1L);
            String raw = record.getString(RAW_EVENT);
            assertEquals(untouched.get(i).getString(RAW_EVENT), raw);
            assertTrue(raw.contains("MachTimestamp="), raw);
        }
    }

    @Test
    void shouldGiveTheSameTextToEveryThreadThatReadsACopy() throws Exception {
        List<LogRecord> records = mapEveryGoldenRecord();
        List<String> expected = new ArrayList<>();
        for (LogRecord record : mapEveryGoldenRecord()) {
            expected.add(record.getString(RAW_EVENT));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> readers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                List<LogRecord> copies = new ArrayList<>();
                for (LogRecord record : records) {
                    copies.add(record.copy()); // copies share the unread text, as two outputs' records do
                }
                readers.add(threads.submit(() -> {
                    List<String> read = new ArrayList<>();
                    for (LogRecord copy : copies) {
                        read.add(copy.getString(RAW_EVENT));
                    }
                    return read;
                }));
            }
            for (Future<List<String>> reader : readers) {
                assertEquals(expected, reader.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
