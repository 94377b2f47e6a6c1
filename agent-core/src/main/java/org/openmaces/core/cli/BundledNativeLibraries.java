package org.openmaces.core.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points JNA at the dispatch library of an installed agent. The macOS bundle keeps JNA's
 * {@code libjnidispatch} in its {@code lib/} (signed with the bundle, and taken out of the JNA jar, whose
 * unsigned copies notarization rejects), and its {@code jvm.options} forbid unpacking one into /tmp (a copy
 * there is nobody's code and fails library validation under the hardened runtime). The launcher tells us
 * where {@code lib/} is ({@code openmaces.native.dir}); run from a checkout, nothing changes.
 */
final class BundledNativeLibraries {
    static final String JNA_BOOT_PATH = "jna.boot.library.path";

    private BundledNativeLibraries() {
    }

    static void configure() {
        String directory = System.getProperty("openmaces.native.dir");
        if (directory == null || directory.isEmpty() || System.getProperty(JNA_BOOT_PATH) != null) {
            return;
        }
        for (String name : new String[] {"libjnidispatch.jnilib", "libjnidispatch.dylib", "libjnidispatch.so"}) {
            if (Files.isRegularFile(Path.of(directory, name))) {
                System.setProperty(JNA_BOOT_PATH, directory);
                return;
            }
        }
    }
}
