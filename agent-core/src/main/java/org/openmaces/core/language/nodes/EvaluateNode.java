package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;

/** A procedure call or a match statement: evaluates an expression for its effect. */
public final class EvaluateNode extends StatementNode {
    private final ExpressionNode expression;

    public EvaluateNode(ExpressionNode expression) {
        super(expression.location());
        this.expression = expression;
    }

    @Override
    public void execute(ExecutionContext context) throws ExecutionException {
        expression.evaluate(context);
    }
}
