package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmaces.maces.module.MacesHarness.field;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.testing.Fixtures;

/**
 * The four examples of the im_maces documentation, run verbatim from conf/examples/ with the
 * native source on fake-es (Linux), each doing what its text says.
 */
@EnabledOnOs(OS.LINUX)
class DocumentedExamplesTest {
    private static final int OPEN = 10;
    private static final int WRITE = 33;
    private static final int GET_TASK = 16;
    private static final int PROC_CHECK = 86;

    @TempDir
    Path directory;

    static String example(String name) throws Exception {
        return Files.readString(Fixtures.checkoutRoot().resolve("conf/examples/" + name), StandardCharsets.UTF_8);
    }

    private static long count(List<LogRecord> records, String eventType) {
        return records.stream().filter(record -> eventType.equals(field(record, "EventType"))).count();
    }

    @Test
    void example1ShouldCollectTheListedEventsOnly() throws Exception {
        FakeEsControl.FakeEs fake = FakeEsControl.fakeEs();
        try (MacesLive live = new MacesLive(directory, example("example1-collect-events.conf"))) {
            assertEquals(1, fake.fake_es_is_subscribed(GET_TASK));
            assertEquals(1, fake.fake_es_is_subscribed(PROC_CHECK));
            assertEquals(1, fake.fake_es_is_subscribed(WRITE));
            assertEquals(0, fake.fake_es_is_subscribed(OPEN));
            assertEquals(1, fake.fake_es_muted_processes(), "the agent mutes its own process");
            assertEquals(7, fake.fake_es_generate(GET_TASK, 10, 7));
            assertEquals(0, fake.fake_es_generate(OPEN, 10, 7));
            assertEquals(5, fake.fake_es_generate(WRITE, 10, 5));
            MacesLive.await("12 records", () -> live.sink.size() >= 12);
            live.settle();
            List<LogRecord> records = live.records();
            assertEquals(12, records.size());
            assertEquals(7, count(records, "get_task"));
            assertEquals(5, count(records, "write"));
            assertEquals("im_maces", field(records.get(0), "SourceModuleType"));
        }
    }

    @Test
    void example2ShouldCollectExactlyMaxWriteEventsWriteEvents() throws Exception {
        FakeEsControl.FakeEs fake = FakeEsControl.fakeEs();
        try (MacesLive live = new MacesLive(directory, example("example2-procedures-limit-events.conf"))) {
            assertEquals(0, fake.fake_es_is_subscribed(WRITE), "write is not a default event");
            assertEquals(1, fake.fake_es_generate(OPEN, 10, 1), "a default event runs Exec");
            MacesLive.await("subscribe(\"write\") from Exec", () -> fake.fake_es_is_subscribed(WRITE) == 1);
            assertEquals(300, fake.fake_es_generate(WRITE, 10, 300), "all reach the ring before Exec sees the 100th");
            MacesLive.await("unsubscribe(\"write\") from Exec", () -> fake.fake_es_is_subscribed(WRITE) == 0);
            assertEquals(0, fake.fake_es_generate(WRITE, 10, 50));
            assertEquals(20, fake.fake_es_generate(OPEN, 10, 20));
            MacesLive.await("the opens", () -> count(live.records(), "open") == 21);
            live.settle();
            assertEquals(100, count(live.records(), "write"), "MAX_WRITE_EVENTS");
        }
    }

    @Test
    void example3ShouldMuteTheDirectivePaths() throws Exception {
        FakeEsControl.fakeEs();
        FakeEsControl control = new FakeEsControl();
        try (MacesLive live = new MacesLive(directory, example("example3-mute-directives.conf"))) {
            for (String executable : List.of("/usr/bin/tail", "/usr/bin/less", "/usr/local/bin/htop",
                    "/usr/local/bin", "/usr/bin/vim", "/usr/bin/tailx", "/usr/local/binary")) {
                control.post(WRITE, 10, executable);
            }
            live.settle();
            List<String> executables = live.records().stream().map(record -> (String) field(record, "ProcessExecutable"))
                    .collect(Collectors.toList());
            // Literals match whole paths; a prefix matches the start of the path (ES's rule, also for "binary").
            assertEquals(List.of("/usr/bin/vim", "/usr/bin/tailx"), executables);
        }
    }

    @Test
    void example4ShouldMuteEachPathOnceItWroteItsMaximum() throws Exception {
        FakeEsControl.fakeEs();
        FakeEsControl control = new FakeEsControl();
        try (MacesLive live = new MacesLive(directory, example("example4-mute-procedures.conf"))) {
            for (int i = 0; i < 1100; i++) {
                if (i < 80) {
                    control.post(WRITE, 10, "/usr/bin/tail");
                }
                if (i < 130) {
                    control.post(WRITE, 10, "/usr/bin/less");
                }
                control.post(WRITE, 10, "/usr/local/bin/tool" + (i % 3));
                if (i % 100 == 0) {
                    control.post(WRITE, 10, "/usr/bin/vim");
                }
            }
            live.settle();
            Map<String, Long> byPath = live.records().stream().collect(Collectors.groupingBy(record -> {
                String executable = (String) field(record, "ProcessExecutable");
                return executable.startsWith("/usr/local/bin/") ? "/usr/local/bin/" : executable;
            }, Collectors.counting()));
            assertEquals(50L, byPath.get("/usr/bin/tail"), "MAX_TAIL_EVENTS");
            assertEquals(100L, byPath.get("/usr/bin/less"), "MAX_LESS_EVENTS");
            assertEquals(1000L, byPath.get("/usr/local/bin/"), "MAX_LOCAL_EVENTS");
            assertEquals(11L, byPath.get("/usr/bin/vim"), "never muted");
            assertTrue(live.records().stream().allMatch(record -> field(record, "Executable") == null),
                    "$Executable is an alias in Exec, not a field of the output");
        }
    }
}
