package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.ValueType;

/** {@code < <= > >=} on two integers or two datetimes; any undef gives undef (language spec §3.2). */
public final class CompareNode extends ExpressionNode {
    /** The comparison performed. */
    public enum Operator { LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final Operator operator;
    private final ExpressionNode left;
    private final ExpressionNode right;

    public CompareNode(SourceLocation location, Operator operator, ExpressionNode left, ExpressionNode right) {
        super(location);
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object leftValue = left.evaluate(context);
        Object rightValue = right.evaluate(context);
        if (leftValue == null || rightValue == null) {
            return null;
        }
        int order;
        if (leftValue instanceof Long number && rightValue instanceof Long other) {
            order = Long.compare(number, other);
        } else if (leftValue instanceof Datetime time && rightValue instanceof Datetime other) {
            order = time.compareTo(other);
        } else {
            throw error(Values.invalidTypes(leftValue, operator.symbol(), rightValue));
        }
        boolean result = switch (operator) {
            case LESS -> order < 0;
            case LESS_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            case GREATER_EQUAL -> order >= 0;
        };
        return Boolean.valueOf(result);
    }

    /** Whether the static types may be ordered. */
    public static boolean comparable(ValueType left, ValueType right) {
        boolean leftOk = left == ValueType.UNKNOWN || left == ValueType.INTEGER || left == ValueType.DATETIME;
        boolean rightOk = right == ValueType.UNKNOWN || right == ValueType.INTEGER || right == ValueType.DATETIME;
        return leftOk && rightOk && (left == ValueType.UNKNOWN || right == ValueType.UNKNOWN || left == right);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
