package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/** {@code not}: boolean negation; undef stays undef; any other type is an error. */
public final class NotNode extends ExpressionNode {
    private final ExpressionNode operand;

    public NotNode(SourceLocation location, ExpressionNode operand) {
        super(location);
        this.operand = operand;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object value = operand.evaluate(context);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return Boolean.valueOf(!flag);
        }
        throw error("boolean value required for 'not', got " + Values.typeName(value));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
