package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.testing.LogCapture;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.maces.testing.Fixtures;

/**
 * Fault test (issue 8): the eslogger child is killed with SIGKILL while events stream. The source must
 * restart it, keep delivering, and say how long it was blind: ES numbers events per client, so the events
 * of that span leave no sequence gap that could be counted. Also checked: eslogger runs straight from its
 * absolute path, without a shell in between, and a relative EsloggerPath is refused.
 */
@EnabledOnOs(OS.LINUX) // reads /proc to find the stand-in's parent
@Timeout(60)
class EsloggerKilledTest {
    @TempDir
    Path directory;

    /** A stand-in that records its parent's name, then prints an exit event every 20 ms until killed. */
    private Path streamingEslogger() throws Exception {
        Path capture = Fixtures.root().resolve("eslogger/synthetic-all-events.jsonl").toAbsolutePath();
        Path script = directory.resolve("eslogger");
        String body = "#!/bin/bash\n"
                + "if [ \"$1\" = --list-events ]; then echo exit; exit 0; fi\n"
                + "echo \"$$ $(cat /proc/$PPID/comm)\" >> '" + directory.resolve("runs.log") + "'\n"
                + "line=$(grep -F '\"event\":{\"exit\":' '" + capture + "' | head -n 1)\n"
                + "while true; do echo \"$line\"; sleep 0.02; done\n";
        Files.writeString(script, body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private List<String> runs() throws Exception {
        Path log = directory.resolve("runs.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void shouldRestartAKilledEsloggerAndReportHowLongNoEventsWereCollected() throws Exception {
        Path eslogger = streamingEslogger();
        String config = "<Input in>\n    Module im_maces\n    Source eslogger\n    EsloggerPath " + eslogger + "\n"
                + "    NotifyEvents exit\n</Input>\n";
        try (LogCapture log = new LogCapture(); MacesLive live = new MacesLive(directory, config)) {
            MacesLive.await("events from the first eslogger", () -> live.records().size() >= 10);
            List<String> first = runs();
            assertEquals(1, first.size(), first.toString());
            String[] pidAndParent = first.get(0).split(" ");
            assertEquals("java", pidAndParent[1], "eslogger's parent is the agent itself: no shell in between");

            long pid = Long.parseLong(pidAndParent[0]);
            Optional<ProcessHandle> child = ProcessHandle.of(pid);
            assertTrue(child.isPresent(), "the stand-in runs");
            assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor());

            MacesLive.await("a second eslogger", () -> {
                try {
                    return runs().size() >= 2;
                } catch (Exception e) {
                    return false;
                }
            });
            assertNotEquals(first.get(0), runs().get(1));
            int before = live.records().size();
            MacesLive.await("events from the restarted eslogger", () -> live.records().size() >= before + 10);
            MacesLive.await("the gap report", () -> log.warned("eslogger was not running from"));
            assertTrue(log.warned("eslogger exited with status 137 (killed by signal 9)"), log.text());
            assertTrue(log.warned("events in that time were not collected"), log.text());
        }
    }

    @Test
    void shouldRefuseARelativeEsloggerPath() {
        RuntimeHarness harness = new RuntimeHarness(directory, new NxlogLanguage());
        AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> harness.assemble("<Input in>\n    Module im_maces\n    Source eslogger\n    EsloggerPath eslogger\n"
                        + "</Input>\n<Output out>\n    Module om_null\n</Output>\n", false));
        assertTrue(refused.getMessage().contains("EsloggerPath 'eslogger' must be an absolute path"), refused.getMessage());
    }
}
