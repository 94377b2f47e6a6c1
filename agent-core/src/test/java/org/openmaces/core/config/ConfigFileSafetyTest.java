package org.openmaces.core.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.testing.FakeModules;

class ConfigFileSafetyTest {
    @TempDir
    Path directory;

    private static final String CONFIG = "<Input in>\nModule im_fake\n</Input>\n<Output out>\nModule om_fake\nTarget \"x\"\n</Output>\n";

    private String load(Path file, ConfigFileSafety safety) {
        Diagnostics diagnostics = new Diagnostics();
        new ConfigurationLoader(FakeModules.registry(), directory, new ByteArrayInputStream(new byte[0]), Map.of(),
                ZoneId.of("UTC"), safety).load(file, true, diagnostics);
        return String.join("\n", diagnostics.errors().stream().map(Diagnostic::format).toList());
    }

    @Test
    void shouldRefuseAConfigFileOthersCanWrite() throws Exception {
        Path file = directory.resolve("nxlog.conf");
        Files.writeString(file, CONFIG);
        long me = ConfigFileSafety.currentUid();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("", load(file, ConfigFileSafety.requireOwner(me)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        String errors = load(file, ConfigFileSafety.requireOwner(me));
        assertTrue(errors.contains("is writable by its group") && errors.contains("chmod go-w " + file), errors);
        assertEquals("", load(file, ConfigFileSafety.disabled()));
    }

    @Test
    void shouldRefuseAnIncludeOwnedBySomeoneElse() throws Exception {
        Path include = directory.resolve("extra.conf");
        Files.writeString(include, "LogLevel INFO\n");
        Path file = directory.resolve("nxlog.conf");
        Files.writeString(file, "include " + include + "\n" + CONFIG);
        long other = ConfigFileSafety.currentUid() + 1;
        assertNotNull(ConfigFileSafety.requireOwner(other).problem(include));
        String errors = load(file, ConfigFileSafety.requireOwner(other));
        assertTrue(errors.contains("belongs to uid " + (other - 1)), errors);
        assertTrue(errors.contains("--allow-unsafe-config"), errors);
        assertNull(ConfigFileSafety.disabled().problem(include));
    }

    private static void assertEquals(String expected, String actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
