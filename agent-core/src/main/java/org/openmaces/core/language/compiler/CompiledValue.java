package org.openmaces.core.language.compiler;

import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.nodes.ConstantNode;
import org.openmaces.core.language.nodes.ExpressionNode;
import org.openmaces.core.language.runtime.RuntimeError;
import org.openmaces.core.record.ValueType;

/** An expression-valued directive compiled once. Errors carry their {@code FILE:LINE:COLUMN}. */
final class CompiledValue implements CompiledExpression {
    private final ExpressionNode node;

    CompiledValue(ExpressionNode node) {
        this.node = node;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        try {
            return node.evaluate(context);
        } catch (RuntimeError error) {
            throw new ExecutionException(error.location().describe() + ": " + error.getMessage());
        }
    }

    @Override
    public ValueType staticType() {
        return node.type();
    }

    @Override
    public boolean isConstant() {
        return node instanceof ConstantNode;
    }
}
