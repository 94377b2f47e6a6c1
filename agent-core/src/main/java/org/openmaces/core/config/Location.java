package org.openmaces.core.config;

import java.nio.file.Path;

/** A place in a config file, printed as {@code FILE:LINE} the way every configuration message starts. */
public record Location(Path file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
