package org.openmaces.core.language.runtime;

import org.openmaces.core.language.ExecutionException;

/** A run-time error with the place in the program that raised it. Stackless like its parent. */
public final class RuntimeError extends ExecutionException {
    private final SourceLocation location;

    public RuntimeError(SourceLocation location, String message) {
        super(message);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
