package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;

/** {@code { ... }} and the top level: runs statements in order, stopping once the record is dropped. */
public final class BlockNode extends StatementNode {
    private final StatementNode[] statements;

    public BlockNode(SourceLocation location, StatementNode[] statements) {
        super(location);
        this.statements = statements.clone();
    }

    @Override
    public void execute(ExecutionContext context) throws ExecutionException {
        for (StatementNode statement : statements) {
            statement.execute(context);
            if (context.isDropped()) {
                return;
            }
        }
    }

    public int size() {
        return statements.length;
    }
}
