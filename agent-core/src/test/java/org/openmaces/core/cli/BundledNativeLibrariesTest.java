package org.openmaces.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledNativeLibrariesTest {
    @TempDir
    Path lib;

    @AfterEach
    void clear() {
        System.clearProperty("openmaces.native.dir");
        System.clearProperty(BundledNativeLibraries.JNA_BOOT_PATH);
    }

    @Test
    void shouldPointJnaAtTheLaunchersLibWhenTheDispatchLibraryIsThere() throws Exception {
        Files.writeString(lib.resolve("libjnidispatch.jnilib"), "");
        System.setProperty("openmaces.native.dir", lib.toString());
        BundledNativeLibraries.configure();
        assertEquals(lib.toString(), System.getProperty(BundledNativeLibraries.JNA_BOOT_PATH));
    }

    @Test
    void shouldChangeNothingWithoutABundledDispatchLibrary() {
        System.setProperty("openmaces.native.dir", lib.toString());
        BundledNativeLibraries.configure();
        assertNull(System.getProperty(BundledNativeLibraries.JNA_BOOT_PATH));
    }

    @Test
    void shouldKeepABootPathTheUserSet() throws Exception {
        Files.writeString(lib.resolve("libjnidispatch.so"), "");
        System.setProperty("openmaces.native.dir", lib.toString());
        System.setProperty(BundledNativeLibraries.JNA_BOOT_PATH, "/elsewhere");
        BundledNativeLibraries.configure();
        assertEquals("/elsewhere", System.getProperty(BundledNativeLibraries.JNA_BOOT_PATH));
    }
}
