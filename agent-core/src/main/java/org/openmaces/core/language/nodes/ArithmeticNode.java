package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * {@code * / %} on integers: wrapping multiplication, division truncating toward zero, remainder with the
 * sign of the dividend; division by zero is a run-time error (NXLog CE crashes); undef gives undef.
 */
public final class ArithmeticNode extends ExpressionNode {
    /** The operation performed. */
    public enum Operator { MULTIPLY("*"), DIVIDE("/"), MODULO("%");

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

    public ArithmeticNode(SourceLocation location, Operator operator, ExpressionNode left, ExpressionNode right) {
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
        if (!(leftValue instanceof Long number) || !(rightValue instanceof Long other)) {
            throw error(Values.invalidTypes(leftValue, operator.symbol(), rightValue));
        }
        long a = number;
        long b = other;
        switch (operator) {
            case MULTIPLY:
                return a * b;
            case DIVIDE:
                if (b == 0) {
                    throw error("division by zero");
                }
                return a / b;
            default:
                if (b == 0) {
                    throw error("division by zero in modulo operation");
                }
                return a % b;
        }
    }

    @Override
    public ValueType type() {
        return ValueType.INTEGER;
    }
}
