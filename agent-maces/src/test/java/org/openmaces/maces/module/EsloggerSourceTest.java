package org.openmaces.maces.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmaces.maces.module.MacesHarness.field;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.maces.event.EventCatalog;
import org.openmaces.maces.testing.Fixtures;

/**
 * The eslogger source against a stand-in for /usr/bin/eslogger: a script that logs its arguments,
 * prints the synthetic capture's lines of the events it was asked for, then waits (or exits).
 */
@DisabledOnOs(OS.WINDOWS)
class EsloggerSourceTest {
    @TempDir
    Path directory;

    private Path fakeEslogger(boolean exitAfterPrinting) throws Exception {
        Path capture = Fixtures.root().resolve("eslogger/synthetic-all-events.jsonl").toAbsolutePath();
        Path arguments = directory.resolve("arguments.log");
        Path script = directory.resolve("eslogger");
        String body = "#!/bin/bash\n"
                + "if [ \"$1\" = --list-events ]; then printf '%s\\n' " + String.join(" ", EventCatalog.names()) + "; exit 0; fi\n"
                + "echo \"$*\" >> '" + arguments + "'\n"
                + "echo 'eslogger stand-in: starting' >&2\n"
                + "for name in \"$@\"; do grep -F \"\\\"event\\\":{\\\"$name\\\":\" '" + capture + "'; done\n"
                + (exitAfterPrinting ? "exit 3\n" : "exec sleep 600\n");
        Files.writeString(script, body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private List<String> arguments() throws Exception {
        Path log = directory.resolve("arguments.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void shouldRunEsloggerWithTheSubscribedEventsAndRestartItWhenExecChangesThem() throws Exception {
        Path eslogger = fakeEslogger(false);
        String config = "<Input in>\n    Module im_maces\n    Source eslogger\n    EsloggerPath " + eslogger + "\n"
                + "    NotifyEvents exit, open\n"
                + "    Exec if $EventType == \"exit\" { subscribe(\"write\"); unsubscribe(\"open\"); }\n</Input>\n";
        try (MacesLive live = new MacesLive(directory, config)) {
            MacesLive.await("the write after the restart", () -> live.records().stream()
                    .anyMatch(record -> "write".equals(field(record, "EventType"))));
            live.settle();
            List<String> runs = arguments();
            assertEquals("open exit", runs.get(0), "the event names as arguments, no shell, ES number order");
            assertEquals("exit write", runs.get(runs.size() - 1), "restarted with the list Exec made");
            List<String> events = live.records().stream().map(record -> (String) field(record, "EventType")).toList();
            assertTrue(events.contains("open") && events.contains("exit") && events.contains("write"), events.toString());
        }
    }

    @Test
    void shouldRestartEsloggerWhenItDies() throws Exception {
        Path eslogger = fakeEslogger(true);
        String config = "<Input in>\n    Module im_maces\n    Source eslogger\n    EsloggerPath " + eslogger + "\n"
                + "    NotifyEvents exit\n</Input>\n";
        try (MacesLive live = new MacesLive(directory, config)) {
            MacesLive.await("a second run after the first died", () -> live.records().size() >= 2);
            assertTrue(arguments().size() >= 2);
            assertEquals("exit", field(live.records().get(1), "EventType"));
        }
    }
}
