package org.openmaces.core.language.nodes;

import java.util.regex.Pattern;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.IpAddress;
import org.openmaces.core.record.ValueType;

/**
 * {@code ==} and {@code !=}: both sides must have the same type (no conversion); undef == undef is TRUE,
 * undef against a value is undef (language spec §3.2).
 */
public final class EqualNode extends ExpressionNode {
    private final ExpressionNode left;
    private final ExpressionNode right;
    private final boolean negated;

    public EqualNode(SourceLocation location, ExpressionNode left, ExpressionNode right, boolean negated) {
        super(location);
        this.left = left;
        this.right = right;
        this.negated = negated;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object leftValue = left.evaluate(context);
        Object rightValue = right.evaluate(context);
        if (leftValue == null) {
            return rightValue == null ? Boolean.valueOf(!negated) : null;
        }
        if (rightValue == null) {
            return null;
        }
        return Boolean.valueOf(equal(leftValue, rightValue) != negated);
    }

    private boolean equal(Object leftValue, Object rightValue) throws ExecutionException {
        if (leftValue instanceof String text) {
            if (rightValue instanceof String other) {
                return text.equals(other);
            }
        } else if (leftValue instanceof Long number) {
            if (rightValue instanceof Long other) {
                return number.longValue() == other.longValue();
            }
        } else if (leftValue.getClass() == rightValue.getClass() && !(leftValue instanceof Pattern)
                && !(leftValue instanceof IpAddress address
                && address.isVersion4() != ((IpAddress) rightValue).isVersion4())) {
            return leftValue.equals(rightValue);
        }
        throw error(Values.invalidTypes(leftValue, negated ? "!=" : "==", rightValue));
    }

    /** Whether the types may be compared with {@code ==} (for the compiler's static check). */
    public static boolean comparable(ValueType left, ValueType right) {
        if (left == ValueType.UNKNOWN || right == ValueType.UNKNOWN) {
            return left != ValueType.REGEXP && right != ValueType.REGEXP;
        }
        return left == right && left != ValueType.REGEXP;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
