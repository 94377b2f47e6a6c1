package org.openmaces.core.language.nodes;

import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.ValueType;

/**
 * {@code +}: integer addition (wrapping), string concatenation when either side is a string (the other
 * converted as {@code string()} does, undef as empty), datetime plus seconds (language spec §3.2).
 */
public final class AddNode extends ExpressionNode {
    private final ExpressionNode left;
    private final ExpressionNode right;
    private final Conversions conversions;
    private final ValueType type;

    public AddNode(SourceLocation location, ExpressionNode left, ExpressionNode right, Conversions conversions) {
        super(location);
        this.left = left;
        this.right = right;
        this.conversions = conversions;
        this.type = resultType(left.type(), right.type());
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object leftValue = left.evaluate(context);
        Object rightValue = right.evaluate(context);
        if (leftValue instanceof Long number && rightValue instanceof Long other) {
            return number + other;
        }
        if (leftValue instanceof String text) {
            return rightValue instanceof String other ? text.concat(other) : text.concat(conversions.text(rightValue));
        }
        if (rightValue instanceof String text) {
            return conversions.text(leftValue).concat(text);
        }
        if (leftValue == null || rightValue == null) {
            return null;
        }
        if (leftValue instanceof Datetime time && rightValue instanceof Long seconds) {
            return Datetime.ofMicroseconds(time.microseconds() + seconds * 1_000_000L);
        }
        if (leftValue instanceof Long seconds && rightValue instanceof Datetime time) {
            return Datetime.ofMicroseconds(time.microseconds() + seconds * 1_000_000L);
        }
        throw error(Values.invalidTypes(leftValue, "+", rightValue));
    }

    /** The static result type, or null when the static operand types cannot be added. */
    public static ValueType resultType(ValueType left, ValueType right) {
        if (left == ValueType.STRING || right == ValueType.STRING) {
            return ValueType.STRING;
        }
        if (left == ValueType.UNKNOWN || right == ValueType.UNKNOWN) {
            boolean leftOk = left == ValueType.UNKNOWN || left == ValueType.INTEGER || left == ValueType.DATETIME;
            boolean rightOk = right == ValueType.UNKNOWN || right == ValueType.INTEGER || right == ValueType.DATETIME;
            return leftOk && rightOk ? ValueType.UNKNOWN : null;
        }
        if (left == ValueType.INTEGER && right == ValueType.INTEGER) {
            return ValueType.INTEGER;
        }
        if ((left == ValueType.DATETIME && right == ValueType.INTEGER)
                || (left == ValueType.INTEGER && right == ValueType.DATETIME)) {
            return ValueType.DATETIME;
        }
        return null;
    }

    @Override
    public ValueType type() {
        return type == null ? ValueType.UNKNOWN : type;
    }
}
