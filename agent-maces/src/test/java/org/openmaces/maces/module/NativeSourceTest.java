package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmaces.maces.module.MacesHarness.field;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.loss.LossAccounting;
import org.openmaces.maces.source.NativeSource;
import org.slf4j.LoggerFactory;

/** The native source end to end on fake-es: procedures, self-muting, ring drops and gap records. */
@EnabledOnOs(OS.LINUX)
class NativeSourceTest {
    private static final int OPEN = 10;
    private static final int CLOSE = 12;
    private static final int EXIT = 15;
    private static final int WRITE = 33;

    @TempDir
    Path directory;

    @Test
    void shouldFailOnLinuxNamingTheSourcesThatWorkThere() {
        System.clearProperty(NativeSource.FAKE_ES_PROPERTY);
        NativeSource source = new NativeSource(0, new LossAccounting(new LongAdder(), new LongAdder(), false),
                LoggerFactory.getLogger("test"), new LongAdder());
        IllegalStateException failure = assertThrows(IllegalStateException.class, source::start);
        assertTrue(failure.getMessage().contains("Source replay") && failure.getMessage().contains("eslogger"),
                failure.getMessage());
        source.stop();
        assertEquals(DoctorFinding.Status.PROBLEM, source.diagnose().get(0).status());
        System.setProperty(NativeSource.FAKE_ES_PROPERTY, "true");
        List<DoctorFinding> findings = source.diagnose();
        assertEquals(DoctorFinding.Status.OK, findings.get(0).status(), findings.toString());
    }

    @Test
    void shouldTellNxlogDoctorWhetherReplayFilesAndEsloggerAreThere() throws Exception {
        LongAdder counter = new LongAdder();
        org.openmaces.maces.source.SourceSupport support = new org.openmaces.maces.source.SourceSupport(counter, counter,
                LoggerFactory.getLogger("test"), java.time.Clock.systemUTC());
        LossAccounting loss = new LossAccounting(counter, counter, false);
        List<DoctorFinding> replay = new org.openmaces.maces.source.ReplaySource(List.of("missing-*.jsonl",
                org.openmaces.maces.testing.Fixtures.root().resolve("eslogger/synthetic-all-events.jsonl").toString()),
                directory, loss, support).diagnose();
        assertEquals(DoctorFinding.Status.PROBLEM, replay.get(0).status());
        assertEquals(DoctorFinding.Status.OK, replay.get(1).status());
        List<DoctorFinding> eslogger = new org.openmaces.maces.source.EsloggerSource(directory.resolve("none").toString(),
                loss, support, counter).diagnose();
        assertEquals(DoctorFinding.Status.PROBLEM, eslogger.get(0).status());
    }

    @Test
    void shouldChangeWhatIsDeliveredFromExecAtOnce() throws Exception {
        FakeEsControl.FakeEs fake = FakeEsControl.fakeEs();
        FakeEsControl control = new FakeEsControl();
        String config = "<Input in>\n    Module im_maces\n    NotifyEvents open, exit\n    <Exec>\n"
                + "        if $EventType == \"open\" subscribe_all();\n"
                + "        if $EventType == \"close\" unsubscribe_all();\n"
                + "        if $ProcessExecutable == \"/bin/mute-opt\" mute_path_prefix(\"/opt/\");\n"
                + "        if $ProcessExecutable == \"/bin/unmute\" unmute_all_paths();\n"
                + "        if $ProcessExecutable == \"/bin/mute-literal\" mute_path_literal(\"/usr/bin/one\");\n"
                + "        if $ProcessExecutable == \"/bin/no-exit\" unsubscribe(\"exit\");\n"
                + "        if $ProcessExecutable == \"/bin/exit\" subscribe(\"exit\");\n"
                + "    </Exec>\n</Input>\n";
        try (MacesLive live = new MacesLive(directory, config)) {
            assertEquals(0, fake.fake_es_is_subscribed(WRITE));
            assertEquals(1, fake.fake_es_generate(OPEN, 10, 1));
            MacesLive.await("subscribe_all()", () -> fake.fake_es_is_subscribed(EsEvent.PROC_CHECK.type()) == 1);
            for (EsEvent event : EsEvent.values()) {
                assertEquals(1, fake.fake_es_is_subscribed(event.type()), event.eventName());
            }
            assertTrue(control.post(EXIT, 10, "/bin/mute-opt"));
            MacesLive.await("mute_path_prefix()", () -> !control.post(WRITE, 10, "/opt/tool"));
            assertTrue(control.post(WRITE, 10, "/usr/bin/one"));
            assertTrue(control.post(EXIT, 10, "/bin/mute-literal"));
            MacesLive.await("mute_path_literal()", () -> !control.post(WRITE, 10, "/usr/bin/one"));
            assertTrue(control.post(EXIT, 10, "/bin/unmute"));
            MacesLive.await("unmute_all_paths()", () -> control.post(WRITE, 10, "/opt/tool"));
            assertTrue(control.post(WRITE, 10, "/usr/bin/one"));
            assertTrue(control.post(EXIT, 10, "/bin/no-exit"));
            MacesLive.await("unsubscribe()", () -> fake.fake_es_is_subscribed(EXIT) == 0);
            assertEquals(1, fake.fake_es_generate(CLOSE, 10, 1));
            MacesLive.await("unsubscribe_all()", () -> fake.fake_es_is_subscribed(OPEN) == 0);
            for (EsEvent event : EsEvent.values()) {
                assertEquals(0, fake.fake_es_is_subscribed(event.type()), event.eventName());
            }
            live.settle();
            List<String> delivered = live.records().stream()
                    .map(record -> field(record, "EventType") + " " + field(record, "ProcessExecutable")).toList();
            assertEquals(List.of("open /fake/PROCESS_EXECUTABLE/10050", "exit /bin/mute-opt", "write /usr/bin/one",
                    "exit /bin/mute-literal", "exit /bin/unmute", "write /opt/tool", "write /usr/bin/one"),
                    delivered.stream().map(text -> text.replaceAll("/fake/PROCESS_EXECUTABLE/\\d+",
                            "/fake/PROCESS_EXECUTABLE/10050")).toList(),
                    "the exit that unsubscribed exit, and the close that unsubscribed everything, are not delivered");
        }
    }

    @Test
    void shouldCountRingDropsAndReportEachGap() throws Exception {
        FakeEsControl.FakeEs fake = FakeEsControl.fakeEs();
        String config = "<Input in>\n    Module im_maces\n    NotifyEvents write\n    RingSize 64K\n    GapRecords TRUE\n"
                + "    Exec $LostInRing = get_stat(\"im_maces.lost.ring\"); $LostBefore = get_stat(\"im_maces.lost.sequence\");\n"
                + "</Input>\n";
        try (MacesLive live = new MacesLive(directory, config)) {
            live.sink.block();
            long delivered = fake.fake_es_generate(WRITE, 10, 20000);
            assertEquals(20000, delivered, "ES delivered every event to the shim");
            live.sink.unblock();
            live.settle();
            assertEquals(1, fake.fake_es_generate(WRITE, 10, 1), "one more, after the gap");
            live.settle();
            List<LogRecord> records = live.records();
            long writes = records.stream().filter(record -> "write".equals(field(record, "EventType"))).count();
            List<LogRecord> gaps = records.stream().filter(record -> "lost".equals(field(record, "EventType"))).toList();
            long lost = gaps.stream().mapToLong(record -> (Long) field(record, "LostEvents")).sum();
            assertTrue(lost > 0, "the 64 KiB ring overflowed while the output was blocked");
            assertEquals(20001, writes + lost, "every event is either delivered or reported lost");
            for (LogRecord gap : gaps) {
                assertEquals("write", field(gap, "LostEventType"));
                assertEquals((Long) field(gap, "LostSequenceLast") - (Long) field(gap, "LostSequenceFirst") + 1,
                        field(gap, "LostEvents"));
            }
            LogRecord last = records.get(records.size() - 1);
            assertEquals(lost, field(last, "LostInRing"), "ring drops readable from Exec");
            assertEquals(0L, field(last, "LostBefore"), "no event was lost before the ring: the gaps are the ring's");
        }
    }
}
