package org.openmaces.maces.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the shared test fixtures and the native tree, from the build's properties or by walking up. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String property = System.getProperty("openmaces.fixtures");
        if (property != null && Files.isDirectory(Paths.get(property))) {
            return Paths.get(property);
        }
        return checkoutRoot().resolve("src-test-fixtures");
    }

    public static Path checkoutRoot() {
        Path at = Paths.get("").toAbsolutePath();
        while (at != null && !Files.isDirectory(at.resolve("src-test-fixtures"))) {
            at = at.getParent();
        }
        if (at == null) {
            throw new IllegalStateException("no src-test-fixtures above " + Paths.get("").toAbsolutePath());
        }
        return at;
    }

    public static Path nativeTree() {
        return checkoutRoot().resolve("native");
    }
}
