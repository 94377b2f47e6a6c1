package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/** {@code defined x}: TRUE unless x is undef; never undef itself. */
public final class DefinedNode extends ExpressionNode {
    private final ExpressionNode operand;

    public DefinedNode(SourceLocation location, ExpressionNode operand) {
        super(location);
        this.operand = operand;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        return Boolean.valueOf(operand.evaluate(context) != null);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
