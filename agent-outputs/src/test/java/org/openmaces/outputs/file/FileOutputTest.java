package org.openmaces.outputs.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.testing.RuntimeHarness;
import org.openmaces.outputs.testing.SequenceInput;
import org.openmaces.outputs.testing.Sequences;

class FileOutputTest {
    @TempDir
    Path directory;

    private void run(int count, String inputExec, String output) throws Exception {
        new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput())
                .withDrainTimeout(java.time.Duration.ofMillis(500)).runOneshot(String.join("\n",
                "CacheDir " + directory,
                "<Input sequence>", "Module im_sequence", "Count " + count, "PerCall 10", "PauseMillis 5",
                inputExec.isEmpty() ? "" : "Exec " + inputExec, "</Input>",
                "<Output out>", "Module om_file", output, "</Output>", ""));
    }

    private List<String> read(String name) throws Exception {
        return Files.readAllLines(directory.resolve(name));
    }

    @Test
    void shouldAppendLinesToAFileThatOthersCannotRead() throws Exception {
        Files.writeString(directory.resolve("existing.log"), "already here\n");
        run(30, "", "File '" + directory.resolve("out.log") + "'");
        run(2, "", "File '" + directory.resolve("existing.log") + "'");
        List<String> lines = read("out.log");
        assertEquals(30, lines.size());
        assertEquals("seq 0", lines.get(0));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("out.log"))));
        assertEquals(List.of("already here", "seq 0", "seq 1"), read("existing.log"));
    }

    @Test
    void shouldCreateFilesWithTheConfiguredPermsAndDirectories() throws Exception {
        run(3, "", "File '" + directory.resolve("a/b/out.log") + "'\nCreateDir TRUE\nPerms 0600\nSync TRUE");
        assertEquals(3, read("a/b/out.log").size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("a/b/out.log"))));
    }

    @Test
    void shouldEvaluateTheFileExpressionPerRecordAndCountUndefNames() throws Exception {
        run(30, "if $Seq < 10 $Name = 'low'; else if $Seq < 25 $Name = 'high';",
                "File '" + directory + "/' + $Name + '.log'\nCacheSize 2");
        assertEquals(10, read("low.log").size());
        assertEquals(15, read("high.log").size());
        assertEquals("seq 24", read("high.log").get(14));
    }

    @Test
    void shouldKeepOnlyTheLatestRecordWithTruncate() throws Exception {
        run(20, "", "File '" + directory.resolve("latest.log") + "'\nTruncate TRUE");
        assertEquals(List.of("seq 19"), read("latest.log"));
    }

    @Test
    void shouldRotateWithRotateToAndLoseNothing() throws Exception {
        run(100, "", String.join("\n", "File '" + directory.resolve("rotating.log") + "'",
                "Exec if file_size() >= 60 rotate_to(file_name() + '.' + $Seq);",
                "Exec if $Seq == 50 reopen();"));
        List<String> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(path -> path.getFileName().toString().startsWith("rotating.log")).toList();
        }
        for (Path file : files) {
            all.addAll(Files.readAllLines(file));
        }
        assertTrue(files.size() > 2, files.toString());
        Sequences sequences = new Sequences(all);
        assertTrue(sequences.complete(100), sequences.missing(100));
        assertEquals(100, all.size());
    }

    @Test
    void shouldKeepRecordsQueuedWhenTheFileCannotBeOpened() throws Exception {
        run(5, "", "File '" + directory.resolve("missing/out.log") + "'");
        assertFalse(Files.exists(directory.resolve("missing")));
        assertTrue(Files.exists(directory.resolve("out.q")), "the records were kept and saved for the next start");
    }

    @Test
    void shouldWriteJsonArraysWithAnXmJsonOutputType() throws Exception {
        new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput()).runOneshot(String.join("\n",
                "CacheDir " + directory,
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Input sequence>", "Module im_sequence", "Count 3", "PerCall 3",
                "Exec delete($EventReceivedTime); delete($SourceModuleName); delete($SourceModuleType);", "</Input>",
                "<Output out>", "Module om_file", "File '" + directory.resolve("out.json") + "'", "OutputType json",
                "</Output>", ""));
        assertEquals(List.of("[{\"Seq\":0},{\"Seq\":1},{\"Seq\":2}]"), read("out.json"));
    }

    @Test
    void shouldWriteTheSameJsonLinesWithTheProcedureAsWithTheFunctionWhateverExecDoesAfterIt() throws Exception {
        // The procedure's JSON is made when om_file writes it; the function's at once. Exec changes the
        // record after both calls, and the output drops every fifth record: both files must be the same.
        String changeAfter = " $Seq = 'changed after'; $Added = 1; if $Message =~ /[05] *$/ drop();";
        new RuntimeHarness(directory, new NxlogLanguage()).withModule(new SequenceInput()).runOneshot(String.join("\n",
                "CacheDir " + directory,
                "<Extension json>", "Module xm_json", "</Extension>",
                "<Input sequence>", "Module im_sequence", "Count 40", "PerCall 7",
                "Exec $Message = $raw_event; delete($EventReceivedTime);", "</Input>",
                "<Output procedure>", "Module om_file", "File '" + directory.resolve("procedure.json") + "'",
                "Exec to_json();" + changeAfter, "</Output>",
                "<Output function>", "Module om_file", "File '" + directory.resolve("function.json") + "'",
                "Exec $raw_event = to_json();" + changeAfter, "</Output>",
                "<Route all>", "Path sequence => procedure, function", "</Route>", ""));
        List<String> procedure = read("procedure.json");
        assertEquals(32, procedure.size());
        assertEquals("{\"Seq\":1,\"SourceModuleName\":\"sequence\",\"SourceModuleType\":\"im_sequence\","
                + "\"Message\":\"seq 1\"}", procedure.get(0));
        assertEquals(read("function.json"), procedure);
    }
}

