package org.openmaces.maces.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The real eslogger captures in ../shared/fixtures-real/eslogger/ (GPL data, not part of the
 * repository): tests read them from there and are skipped when the folder is absent.
 */
public final class RealCaptures {
    private RealCaptures() {
    }

    /** The folder, or null when it is not there. */
    public static Path directory() {
        Path at = Fixtures.checkoutRoot();
        for (Path candidate = at; candidate != null; candidate = candidate.getParent()) {
            Path folder = candidate.resolve("shared/fixtures-real/eslogger");
            if (Files.isDirectory(folder)) {
                return folder;
            }
        }
        Path fallback = Paths.get("/work/shared/fixtures-real/eslogger");
        return Files.isDirectory(fallback) ? fallback : null;
    }
}
