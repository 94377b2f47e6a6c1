package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/** {@code $1}: a group of the context's last regular-expression match, or undef. */
public final class CaptureNode extends ExpressionNode {
    private final int group;

    public CaptureNode(SourceLocation location, int group) {
        super(location);
        this.group = group;
    }

    @Override
    public Object evaluate(ExecutionContext context) {
        return context.captures().group(group);
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
