package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * {@code or} with the manual's rule: TRUE on the left gives TRUE without evaluating the right; otherwise
 * undef only when both sides are undef, TRUE when either is TRUE, else FALSE.
 */
public final class OrNode extends ExpressionNode {
    private final ExpressionNode left;
    private final ExpressionNode right;

    public OrNode(SourceLocation location, ExpressionNode left, ExpressionNode right) {
        super(location);
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object leftValue = left.evaluate(context);
        if (leftValue != null && !(leftValue instanceof Boolean)) {
            throw error("boolean value required for 'or', got " + Values.typeName(leftValue));
        }
        if (leftValue == Boolean.TRUE) {
            return Boolean.TRUE;
        }
        Object rightValue = right.evaluate(context);
        if (rightValue != null && !(rightValue instanceof Boolean)) {
            throw error("boolean value required for 'or', got " + Values.typeName(rightValue));
        }
        if (leftValue == null && rightValue == null) {
            return null;
        }
        return Boolean.valueOf(rightValue == Boolean.TRUE);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
