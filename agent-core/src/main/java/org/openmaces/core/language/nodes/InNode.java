package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * {@code x IN (a, b, ...)} and {@code NOT IN} (Agent): TRUE when x equals a candidate; undef x gives undef;
 * candidates of another type or undef compare unequal instead of raising an error.
 */
public final class InNode extends ExpressionNode {
    private final ExpressionNode subject;
    private final ExpressionNode[] candidates;
    private final boolean negated;

    public InNode(SourceLocation location, ExpressionNode subject, ExpressionNode[] candidates, boolean negated) {
        super(location);
        this.subject = subject;
        this.candidates = candidates.clone();
        this.negated = negated;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object value = subject.evaluate(context);
        if (value == null) {
            return null;
        }
        for (ExpressionNode candidate : candidates) {
            if (value.equals(candidate.evaluate(context))) {
                return Boolean.valueOf(!negated);
            }
        }
        return Boolean.valueOf(negated);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
