package org.openmaces.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.testing.ConfigFixture;
import org.openmaces.core.testing.FakeModules;

class ConfigReaderTest {
    @TempDir
    Path directory;

    private static final String OUTPUT = "<Output out>\nModule om_fake\nTarget \"x\"\n</Output>\n";

    private ConfigFixture fixture() {
        return ConfigFixture.withFakeModules(directory);
    }

    private Path write(String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shouldJoinContinuedLinesWithoutInsertingSpace() {
        ConfigFixture fixture = fixture();
        var configuration = fixture.load("<Input in>\nModule im_\\\nfake\nTag a\\\n  b\n</Input>\n" + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertEquals(List.of("a  b"), configuration.instance("in").configuration().getList("Tag"));
    }

    @Test
    void shouldNotContinueALineEndingInABackslashPairOrBackslashSpace() {
        ConfigFixture fixture = fixture();
        var configuration = fixture.load("<Input in>\nModule im_fake\nTag a\\\\\nTag b\\ \n</Input>\n" + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertEquals(List.of("a\\", "b\\"), configuration.instance("in").configuration().getList("Tag"));
    }

    @Test
    void shouldLetAContinuedCommentSwallowTheNextLine() {
        ConfigFixture fixture = fixture();
        var configuration = fixture.load("<Input in>\nModule im_fake\n# comment \\\nCount 5\n</Input>\n" + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertEquals(false, configuration.instance("in").configuration().isSet("Count"));
    }

    @Test
    void shouldSubstituteDefinesEverywhereNewestFirst() {
        ConfigFixture fixture = fixture();
        var configuration = fixture.load("""
                define BASE /var/log
                define FILE %BASE%/es.log
                define MOD im_fake
                define BASE /elsewhere
                <Input in>
                    Module %MOD%
                    Tag %FILE%
                    Tag %BASE%
                    Tag %UNKNOWN%
                    Exec if $x == %BASE% drop();
                </Input>
                """ + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertEquals(List.of("/var/log/es.log", "/elsewhere", "%UNKNOWN%"),
                configuration.instance("in").configuration().getList("Tag"));
        assertEquals("if $x == /elsewhere drop();", configuration.instance("in").exec().get(0).text());
    }

    @Test
    void shouldSubstituteDefinesInsideExecBlocksAndTags() {
        ConfigFixture fixture = fixture();
        var configuration = fixture.load("""
                define NAME in
                define MAX 100
                <Input %NAME%>
                    Module im_fake
                    <Exec>
                        if $n > %MAX% drop();
                    </Exec>
                </Input>
                """ + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertTrue(configuration.instance("in").exec().get(0).text().contains("if $n > 100 drop();"));
    }

    @Test
    void shouldTakeEnvvarValuesAndReportUnsetOnes() {
        ConfigFixture fixture = new ConfigFixture(FakeModules.registry(), directory, Map.of("COLLECTOR", "10.0.0.5"));
        var configuration = fixture.load("envvar COLLECTOR\n<Input in>\nModule im_fake\nTag %COLLECTOR%\n</Input>\n" + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertEquals(List.of("10.0.0.5"), configuration.instance("in").configuration().getList("Tag"));
        fixture.load("envvar MISSING\n" + OUTPUT);
        assertTrue(fixture.errors().contains(":1: environment variable 'MISSING' named by 'envvar' is not set"), fixture.errors());
    }

    @Test
    void shouldIncludeFilesRelativeToTheWorkingDirectoryInsideBlocks() throws IOException {
        write("conf.d/tags.conf", "Tag from-include\ndefine LATE late\n");
        Path main = write("nxlog.conf", "<Input in>\nModule im_fake\ninclude conf.d/tags.conf\nTag %LATE%\n</Input>\n" + OUTPUT);
        ConfigFixture fixture = fixture();
        var configuration = fixture.loadFile(main);
        assertNotNull(configuration, fixture.errors());
        assertEquals(List.of("from-include", "late"), configuration.instance("in").configuration().getList("Tag"));
        assertEquals(2, configuration.files().size());
    }

    @Test
    void shouldIncludeWildcardMatchesInLexicographicOrder() throws IOException {
        write("conf.d/20-b.conf", "Tag b\n");
        write("conf.d/10-a.conf", "Tag a\n");
        write("conf.d/30-c.txt", "Tag never\n");
        Path main = write("nxlog.conf", "<Input in>\nModule im_fake\ninclude " + directory.resolve("conf.d") + "/*.conf\n</Input>\n"
                + "include conf.d/none-*.conf\n" + OUTPUT);
        ConfigFixture fixture = fixture();
        var configuration = fixture.loadFile(main);
        assertNotNull(configuration, fixture.errors());
        assertEquals(List.of("a", "b"), configuration.instance("in").configuration().getList("Tag"));
    }

    @Test
    void shouldReportAMissingIncludeAndAnIncludeCycle() throws IOException {
        write("a.conf", "include b.conf\n");
        write("b.conf", "include a.conf\n");
        Path main = write("nxlog.conf", "include missing.conf\ninclude a.conf\n" + OUTPUT);
        ConfigFixture fixture = fixture();
        assertNull(fixture.loadFile(main));
        String errors = fixture.errors();
        assertTrue(errors.contains("nxlog.conf:1: invalid 'include' directive: failed to open config file "
                + directory.resolve("missing.conf") + ": no such file"), errors);
        assertTrue(errors.contains("b.conf:1: include cycle: " + main + " -> " + directory.resolve("a.conf") + " -> "
                + directory.resolve("b.conf") + " -> " + directory.resolve("a.conf")), errors);
    }

    @Test
    void shouldRefuseAnIncludedFileThatClosesAnOuterBlockOrLeavesOneOpen() throws IOException {
        write("closer.conf", "Module im_fake\n</Input>\n");
        Path main = write("nxlog.conf", "<Input in>\ninclude closer.conf\n" + OUTPUT);
        ConfigFixture fixture = fixture();
        assertNull(fixture.loadFile(main));
        assertTrue(fixture.errors().contains("closer.conf:2: </Input> closes a block opened in another file"), fixture.errors());

        write("opener.conf", "<Input in>\nModule im_fake\n");
        Path second = write("second.conf", "include opener.conf\n</Input>\n" + OUTPUT);
        assertNull(fixture.loadFile(second));
        assertTrue(fixture.errors().contains("opener.conf:1: unterminated <Input> block before the end of the included file"),
                fixture.errors());
    }

    @Test
    void shouldIncludeTheStandardOutputOfACommand() throws IOException {
        Path script = write("gen.sh", "#!/bin/sh\nprintf '<Input in>\\nModule im_fake\\nTag generated\\n</Input>\\n'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path failing = write("fail.sh", "#!/bin/sh\necho broken >&2\nexit 3\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        ConfigFixture fixture = fixture();
        var configuration = fixture.load("include_stdout " + script + "\n" + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertEquals(List.of("generated"), configuration.instance("in").configuration().getList("Tag"));
        fixture.load("include_stdout " + failing + "\n" + OUTPUT);
        assertTrue(fixture.errors().contains("exited with status 3: broken"), fixture.errors());
    }

    @Test
    void shouldReportStructureErrorsWithFileAndLine() {
        ConfigFixture fixture = fixture();
        fixture.load("<Input in>\nModule im_fake\n</Output>\n");
        assertTrue(fixture.errors().contains(":3: </Output> without matching <Output> section"), fixture.errors());
        fixture.load("<Input in>\nModule im_fake\n<Output out>\n");
        assertTrue(fixture.errors().contains(":3: <Output> cannot be nested inside <Input>"), fixture.errors());
        fixture.load("<Input in\nModule im_fake\n</Input>\n");
        assertTrue(fixture.errors().contains(":1: <Input directive missing closing '>'"), fixture.errors());
        fixture.load("<Input in>\nModule im_fake\n");
        assertTrue(fixture.errors().contains(":1: unterminated <Input> block: add </Input>"), fixture.errors());
        fixture.load("<Input>\nModule im_fake\n</Input>\n");
        assertTrue(fixture.errors().contains(":1: Module instance name missing"), fixture.errors());
        fixture.load("<Input in>\n</Input>\n");
        assertTrue(fixture.errors().contains(":1: empty 'Input' block"), fixture.errors());
        fixture.load("<Inptu in>\nModule im_fake\n</Inptu>\n");
        assertTrue(fixture.errors().contains(":1: Invalid keyword: <Inptu>; blocks are Extension, Input, Processor, Output and Route; did you mean 'Input'?"),
                fixture.errors());
        fixture.load("<Input in>\nModule im_fake\n<Exec>\ndrop();\n</Input>\n");
        assertTrue(fixture.errors().contains(":3: unterminated <Exec> block: add </Exec>"), fixture.errors());
        fixture.load("<Input in>\nModule im_fake\nTag \"open\n</Input>\n" + OUTPUT);
        assertTrue(fixture.errors().contains(":3: invalid value '\"open' for Tag: unterminated quote: add the closing \""), fixture.errors());
        fixture.load("# nothing\n\n");
        assertTrue(fixture.errors().contains("Empty configuration"), fixture.errors());
    }

    @Test
    void shouldTreatHashAfterWhitespaceAsAnInlineCommentInPlainValues() {
        ConfigFixture fixture = fixture();
        var configuration = fixture.load("<Input in>\nModule im_fake # the generator\nCount 5 # five\nTag a#b\n</Input>\n" + OUTPUT);
        assertNotNull(configuration, fixture.errors());
        assertEquals(5L, configuration.instance("in").configuration().getInteger("Count"));
        assertEquals(List.of("a#b"), configuration.instance("in").configuration().getList("Tag"));
    }

    @Test
    void shouldAcceptCrLfLineEndingsAndWarnAboutAByteOrderMark() throws IOException {
        Path main = directory.resolve("bom.conf");
        byte[] body = ("<Input in>\r\nModule im_fake\r\n</Input>\r\n" + OUTPUT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(main, withBom);
        ConfigFixture fixture = fixture();
        assertNotNull(fixture.loadFile(main), fixture.errors());
        assertTrue(fixture.warnings().contains("byte order mark"), fixture.warnings());
    }
}
