package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;

/** {@code if condition then [else otherwise]} with NXLog's truth rules ({@link Values#isTrue}). */
public final class IfNode extends StatementNode {
    private final ExpressionNode condition;
    private final StatementNode then;
    /** Null without an else branch. */
    private final StatementNode otherwise;

    public IfNode(SourceLocation location, ExpressionNode condition, StatementNode then, StatementNode otherwise) {
        super(location);
        this.condition = condition;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public void execute(ExecutionContext context) throws ExecutionException {
        Object value = condition.evaluate(context);
        if (value == Boolean.TRUE || (value != Boolean.FALSE && Values.isTrue(value))) {
            then.execute(context);
        } else if (otherwise != null) {
            otherwise.execute(context);
        }
    }
}
