package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.RuntimeError;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * A compiled expression: a closure over its already-compiled children. Evaluation returns a language
 * value (see {@link ValueType}) or null for undef, and throws {@link RuntimeError} naming this node's
 * place on a run-time error.
 */
public abstract class ExpressionNode {
    /** Where the expression (for operators: the operator) is in the source. */
    protected final SourceLocation location;

    protected ExpressionNode(SourceLocation location) {
        this.location = location;
    }

    public abstract Object evaluate(ExecutionContext context) throws ExecutionException;

    /** The static type: known at compile time, or UNKNOWN. */
    public ValueType type() {
        return ValueType.UNKNOWN;
    }

    /** True when the value depends on nothing but constants, so the compiler may fold it. */
    public boolean isConstant() {
        return false;
    }

    public SourceLocation location() {
        return location;
    }

    protected final RuntimeError error(String message) {
        return new RuntimeError(location, message);
    }
}
