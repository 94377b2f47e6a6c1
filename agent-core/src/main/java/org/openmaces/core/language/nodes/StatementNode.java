package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;

/** A compiled statement. */
public abstract class StatementNode {
    /** Where the statement starts in the source. */
    protected final SourceLocation location;

    protected StatementNode(SourceLocation location) {
        this.location = location;
    }

    public abstract void execute(ExecutionContext context) throws ExecutionException;

    public SourceLocation location() {
        return location;
    }
}
