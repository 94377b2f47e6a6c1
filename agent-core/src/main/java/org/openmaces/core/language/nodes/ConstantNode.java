package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/** A literal or a folded constant. */
public final class ConstantNode extends ExpressionNode {
    private final Object value;
    private final ValueType type;

    public ConstantNode(SourceLocation location, Object value, ValueType type) {
        super(location);
        this.value = value;
        this.type = type;
    }

    @Override
    public Object evaluate(ExecutionContext context) {
        return value;
    }

    public Object value() {
        return value;
    }

    @Override
    public ValueType type() {
        return type;
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
