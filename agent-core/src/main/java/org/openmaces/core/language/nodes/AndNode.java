package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * {@code and}: an undef left side gives undef without evaluating the right; a FALSE left side still
 * evaluates the right (NXLog does not short-circuit it); either side undef gives undef.
 */
public final class AndNode extends ExpressionNode {
    private final ExpressionNode left;
    private final ExpressionNode right;

    public AndNode(SourceLocation location, ExpressionNode left, ExpressionNode right) {
        super(location);
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object leftValue = left.evaluate(context);
        if (leftValue == null) {
            return null;
        }
        if (!(leftValue instanceof Boolean leftFlag)) {
            throw error("boolean value required for 'and', got " + Values.typeName(leftValue));
        }
        Object rightValue = right.evaluate(context);
        if (rightValue == null) {
            return null;
        }
        if (!(rightValue instanceof Boolean rightFlag)) {
            throw error("boolean value required for 'and', got " + Values.typeName(rightValue));
        }
        return Boolean.valueOf(leftFlag && rightFlag);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
