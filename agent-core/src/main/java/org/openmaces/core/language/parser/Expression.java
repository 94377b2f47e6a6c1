package org.openmaces.core.language.parser;

import java.util.List;
import org.openmaces.core.record.ValueType;

/**
 * The syntax tree of an expression, as parsed. Every node keeps the source offset of its first token (for
 * operators: of the operator) so errors can point at it. Trees compare equal, with {@link #equals}, only
 * when their offsets match too; {@link SyntaxTreePrinter#describe} gives a position-free form.
 */
public sealed interface Expression {

    int offset();

    /** A literal; {@code value} is null for {@code undef}. {@code text} is the source spelling. */
    record Literal(ValueType type, Object value, String text, int offset) implements Expression {
    }

    /** {@code $Name} or {@code ${any name}}. */
    record Field(String name, boolean braced, int offset) implements Expression {
    }

    /** {@code $0} .. {@code $99}. */
    record Capture(int group, int offset) implements Expression {
    }

    /** {@code not x}, {@code defined x}. */
    record Unary(UnaryOperator operator, Expression operand, int offset) implements Expression {
    }

    /** Every binary operator except the regular-expression ones and {@code IN}. */
    record Binary(BinaryOperator operator, Expression left, Expression right, int offset) implements Expression {
    }

    /** {@code subject =~ /re/flags} or {@code !~}. */
    record Match(Expression subject, RegexpLiteral regexp, boolean negated, int offset, int regexpOffset)
            implements Expression {
    }

    /** {@code $field =~ s/re/replacement/flags} or {@code !~}. */
    record Substitution(Expression subject, SubstitutionLiteral substitution, boolean negated, int offset,
                        int regexpOffset) implements Expression {
    }

    /** {@code x IN (a, b)} or {@code x NOT IN (a, b)}. */
    record In(Expression subject, List<Expression> candidates, boolean negated, int offset) implements Expression {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code name(args)} or {@code instance->name(args)}; {@code instance} is null for a bare call. */
    record Call(String instance, String name, List<Expression> arguments, int offset) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    enum UnaryOperator {
        NOT("not"), DEFINED("defined");

        private final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum BinaryOperator {
        OR("or"), AND("and"),
        EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
