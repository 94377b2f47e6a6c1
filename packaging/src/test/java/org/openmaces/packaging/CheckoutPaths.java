package org.openmaces.packaging;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout is: the build passes {@code openmaces.root}; otherwise walk up to the Maven wrapper. */
final class CheckoutPaths {
    private CheckoutPaths() {
    }

    static Path root() {
        String property = System.getProperty("openmaces.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("cannot find the checkout root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        }
        return directory;
    }
}
