package org.openmaces.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.testing.CollectingOutput;
import org.openmaces.core.testing.RuntimeHarness;

/** The runtime with the real language: Exec on inputs and outputs, Schedules, im_internal, reroute. */
@Timeout(60)
class LanguageInRuntimeTest {
    @TempDir
    Path directory;

    private RuntimeHarness harness() {
        return new RuntimeHarness(directory, new NxlogLanguage());
    }

    @Test
    void shouldRunInputAndOutputExecOnEveryRecord() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("exec");
        harness().runOneshot("CacheDir " + directory + "\n" + """
                <Input gen>
                    Module im_testgen
                    MaxCount 100
                    <Exec>
                        if $raw_event =~ /^(\\d+)@/ $Counter = integer($1);
                        if $Counter % 2 == 1 drop();
                    </Exec>
                </Input>
                <Output out>
                    Module om_collect
                    Sink exec
                    Exec $Seen = $SourceModuleName + "/" + $SourceModuleType;
                </Output>
                """);
        List<LogRecord> records = sink.records();
        assertEquals(50, records.size());
        assertEquals(0L, records.get(0).getInteger(FieldName.of("Counter")));
        assertEquals("gen/im_testgen", records.get(0).getString(FieldName.of("Seen")));
    }

    @Test
    void shouldRunSchedulesAndDeliverTheAgentsOwnMessagesThroughImInternal() throws Exception {
        CollectingOutput.Sink sink = CollectingOutput.sink("internal");
        var runtime = harness().assemble("CacheDir " + directory + "\n" + """
                <Input internal>
                    Module im_internal
                </Input>
                <Output out>
                    Module om_collect
                    Sink internal
                    <Schedule>
                        Every 1 sec
                        Exec log_warning("tick from a schedule");
                    </Schedule>
                </Output>
                """, false);
        runtime.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (sink.records().stream().noneMatch(record -> "tick from a schedule".equals(record.getString(CoreFields.MESSAGE)))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        runtime.stop();
        LogRecord tick = sink.records().stream()
                .filter(record -> "tick from a schedule".equals(record.getString(CoreFields.MESSAGE)))
                .findFirst().orElseThrow(() -> new AssertionError("no schedule message reached im_internal: " + sink.records()));
        assertEquals("WARNING", tick.getString(CoreFields.SEVERITY));
        assertEquals(3L, tick.getInteger(CoreFields.SEVERITY_VALUE));
        assertEquals("out", tick.getString(FieldName.of("ModuleName")));
        assertEquals("om_collect", tick.getString(FieldName.of("ModuleType")));
        assertEquals("internal", tick.getString(CoreFields.SOURCE_MODULE_NAME));
        assertTrue(tick.getString(CoreFields.RAW_EVENT).endsWith(" WARNING tick from a schedule"), tick.getString(CoreFields.RAW_EVENT));
    }

    @Test
    void shouldRerouteRecordsAndCopyThemWithAddToRoute() throws Exception {
        CollectingOutput.Sink main = CollectingOutput.sink("main-route");
        CollectingOutput.Sink other = CollectingOutput.sink("other-route");
        harness().runOneshot("CacheDir " + directory + "\n" + """
                <Input gen>
                    Module im_testgen
                    MaxCount 10
                    <Exec>
                        if $raw_event =~ /^0@/ reroute("other");
                        else if $raw_event =~ /^1@/ add_to_route("other");
                    </Exec>
                </Input>
                <Input quiet>
                    Module im_testgen
                    MaxCount 1
                    Exec drop();
                </Input>
                <Output a>
                    Module om_collect
                    Sink main-route
                </Output>
                <Output b>
                    Module om_collect
                    Sink other-route
                </Output>
                <Route main>
                    Path gen => a
                </Route>
                <Route other>
                    Path quiet => b
                </Route>
                """);
        assertEquals(9, main.size(), "the rerouted record left the main route");
        assertEquals(2, other.size(), "one rerouted record and one copy");
    }

    @Test
    void shouldCompileTheFileExpressionOfAnOutputAgainstRegisteredFunctions() {
        var loader = harness();
        var error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> loader.assemble(
                "CacheDir " + directory + "\n<Input gen>\nModule im_testgen\nExec $x = nosuchfunction();\n</Input>\n"
                        + "<Output out>\nModule om_null\n</Output>\n", true));
        assertTrue(error.getMessage().contains("nxlog.conf:4:"), error.getMessage());
        assertTrue(error.getMessage().contains("nosuchfunction"), error.getMessage());
    }
}
