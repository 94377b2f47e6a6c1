package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.ValueType;

/**
 * {@code -}: integers; datetime minus seconds; datetime minus datetime in microseconds. An undef left side
 * gives undef without evaluating the right side (language spec §3.2).
 */
public final class SubtractNode extends ExpressionNode {
    private final ExpressionNode left;
    private final ExpressionNode right;
    private final ValueType type;

    public SubtractNode(SourceLocation location, ExpressionNode left, ExpressionNode right) {
        super(location);
        this.left = left;
        this.right = right;
        ValueType result = resultType(left.type(), right.type());
        this.type = result == null ? ValueType.UNKNOWN : result;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object leftValue = left.evaluate(context);
        if (leftValue == null) {
            return null;
        }
        Object rightValue = right.evaluate(context);
        if (rightValue == null) {
            return null;
        }
        if (leftValue instanceof Long number && rightValue instanceof Long other) {
            return number - other;
        }
        if (leftValue instanceof Datetime time) {
            if (rightValue instanceof Long seconds) {
                return Datetime.ofMicroseconds(time.microseconds() - seconds * 1_000_000L);
            }
            if (rightValue instanceof Datetime other) {
                return time.microseconds() - other.microseconds();
            }
        }
        throw error(Values.invalidTypes(leftValue, "-", rightValue));
    }

    /** The static result type, or null when the static operand types cannot be subtracted. */
    public static ValueType resultType(ValueType left, ValueType right) {
        boolean leftOk = left == ValueType.UNKNOWN || left == ValueType.INTEGER || left == ValueType.DATETIME;
        boolean rightOk = right == ValueType.UNKNOWN || right == ValueType.INTEGER || right == ValueType.DATETIME;
        if (!leftOk || !rightOk || (left == ValueType.INTEGER && right == ValueType.DATETIME)) {
            return null;
        }
        if (left == ValueType.INTEGER) {
            return ValueType.INTEGER;
        }
        if (left == ValueType.DATETIME && right == ValueType.INTEGER) {
            return ValueType.DATETIME;
        }
        if (left == ValueType.DATETIME && right == ValueType.DATETIME) {
            return ValueType.INTEGER;
        }
        return ValueType.UNKNOWN;
    }

    @Override
    public ValueType type() {
        return type;
    }
}
