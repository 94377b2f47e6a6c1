package org.openmaces.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void shouldTakeDoctorAsTheFirstWordWithTheUsualOptions() {
        CommandLine line = CommandLine.parse(List.of("doctor", "-c", "/etc/x.conf", "--allow-unsafe-config"));
        assertTrue(line.doctor());
        assertTrue(line.allowUnsafeConfig());
        assertEquals(Path.of("/etc/x.conf"), line.configFile());
    }

    @Test
    void shouldTakeDoctorOnlyAsTheFirstWord() {
        assertFalse(CommandLine.parse(List.of("-f")).doctor());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("-f", "doctor")));
    }

    @Test
    void shouldDefaultToNxlogAgentsConfigurationPath() {
        assertEquals(Path.of(CommandLine.DEFAULT_CONFIG), CommandLine.parse(List.of("doctor")).configFile());
    }
}
