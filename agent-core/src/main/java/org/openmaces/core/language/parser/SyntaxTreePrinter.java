package org.openmaces.core.language.parser;

import java.util.List;
import org.openmaces.core.record.Datetime;

/**
 * Prints syntax trees two ways: back as NXLog source that parses to the same tree ({@link #print}), and as
 * a position-free S-expression that shows the tree's shape ({@link #describe}), for tests and debugging.
 */
public final class SyntaxTreePrinter {
    private SyntaxTreePrinter() {
    }

    // ---- as source ----

    /** Source text for the statements, one per line; binary operations fully parenthesised. */
    public static String print(List<Statement> statements) {
        StringBuilder out = new StringBuilder();
        for (Statement statement : statements) {
            print(statement, out, 0);
            out.append('\n');
        }
        return out.toString();
    }

    public static String print(Expression expression) {
        StringBuilder out = new StringBuilder();
        print(expression, out);
        return out.toString();
    }

    private static void print(Statement statement, StringBuilder out, int indent) {
        out.append("    ".repeat(indent));
        if (statement instanceof Statement.Block block) {
            out.append("{\n");
            for (Statement inner : block.statements()) {
                print(inner, out, indent + 1);
                out.append('\n');
            }
            out.append("    ".repeat(indent)).append('}');
        } else if (statement instanceof Statement.If conditional) {
            out.append("if (");
            print(conditional.condition(), out);
            out.append(")\n");
            print(conditional.then(), out, indent + 1);
            if (conditional.otherwise() != null) {
                out.append('\n').append("    ".repeat(indent)).append("else\n");
                print(conditional.otherwise(), out, indent + 1);
            }
        } else if (statement instanceof Statement.Assignment assignment) {
            print(assignment.target(), out);
            out.append(" = ");
            print(assignment.value(), out);
            out.append(';');
        } else if (statement instanceof Statement.ProcedureCall call) {
            print(call.call(), out);
            out.append(';');
        } else if (statement instanceof Statement.MatchStatement match) {
            print(match.match(), out);
            out.append(';');
        } else {
            out.append(';');
        }
    }

    private static void print(Expression expression, StringBuilder out) {
        if (expression instanceof Expression.Literal literal) {
            out.append(literal.text());
        } else if (expression instanceof Expression.Field field) {
            if (!field.braced() && isSimpleName(field.name())) {
                out.append('$').append(field.name());
            } else {
                out.append("${").append(field.name()).append('}');
            }
        } else if (expression instanceof Expression.Capture capture) {
            out.append('$').append(capture.group());
        } else if (expression instanceof Expression.Unary unary) {
            out.append(unary.operator().symbol()).append(' ');
            printOperand(unary.operand(), out);
        } else if (expression instanceof Expression.Binary binary) {
            out.append('(');
            print(binary.left(), out);
            out.append(' ').append(binary.operator().symbol()).append(' ');
            print(binary.right(), out);
            out.append(')');
        } else if (expression instanceof Expression.Match match) {
            out.append('(');
            printOperand(match.subject(), out);
            out.append(match.negated() ? " !~ /" : " =~ /");
            appendRegexpPart(match.regexp().pattern(), out);
            out.append('/').append(match.regexp().flags()).append(')');
        } else if (expression instanceof Expression.Substitution substitution) {
            out.append('(');
            print(substitution.subject(), out);
            out.append(substitution.negated() ? " !~ s/" : " =~ s/");
            appendRegexpPart(substitution.substitution().pattern(), out);
            out.append('/');
            appendRegexpPart(substitution.substitution().replacement(), out);
            out.append('/').append(substitution.substitution().flags()).append(')');
        } else if (expression instanceof Expression.In in) {
            out.append('(');
            printOperand(in.subject(), out);
            out.append(in.negated() ? " NOT IN (" : " IN (");
            for (int i = 0; i < in.candidates().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                print(in.candidates().get(i), out);
            }
            out.append("))");
        } else if (expression instanceof Expression.Call call) {
            if (call.instance() != null) {
                out.append(call.instance()).append("->");
            }
            out.append(call.name()).append('(');
            for (int i = 0; i < call.arguments().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                print(call.arguments().get(i), out);
            }
            out.append(')');
        }
    }

    /** An operand of a prefix operator or a match: parenthesised unless it is a single primary. */
    private static void printOperand(Expression operand, StringBuilder out) {
        boolean primary = operand instanceof Expression.Literal || operand instanceof Expression.Field
                || operand instanceof Expression.Capture || operand instanceof Expression.Call
                || operand instanceof Expression.Binary;
        if (!primary) {
            out.append('(');
        }
        print(operand, out);
        if (!primary) {
            out.append(')');
        }
    }

    private static void appendRegexpPart(String part, StringBuilder out) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\' && i + 1 < part.length()) {
                out.append(c).append(part.charAt(++i));
            } else if (c == '/') {
                out.append("\\/");
            } else {
                out.append(c);
            }
        }
    }

    private static boolean isSimpleName(String name) {
        if (name.isEmpty() || !Lexer.isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Lexer.isNamePart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- as an S-expression ----

    public static String describe(List<Statement> statements) {
        StringBuilder out = new StringBuilder();
        for (Statement statement : statements) {
            out.append(describe(statement)).append('\n');
        }
        return out.toString();
    }

    public static String describe(Statement statement) {
        if (statement instanceof Statement.Block block) {
            return "(block" + block.statements().stream().map(s -> " " + describe(s)).reduce("", String::concat) + ")";
        }
        if (statement instanceof Statement.If conditional) {
            return "(if " + describe(conditional.condition()) + " " + describe(conditional.then())
                    + (conditional.otherwise() == null ? "" : " " + describe(conditional.otherwise())) + ")";
        }
        if (statement instanceof Statement.Assignment assignment) {
            return "(= " + describe(assignment.target()) + " " + describe(assignment.value()) + ")";
        }
        if (statement instanceof Statement.ProcedureCall call) {
            return "(procedure " + describe(call.call()) + ")";
        }
        if (statement instanceof Statement.MatchStatement match) {
            return "(match-statement " + describe(match.match()) + ")";
        }
        return "(empty)";
    }

    public static String describe(Expression expression) {
        if (expression instanceof Expression.Literal literal) {
            return "(" + literal.type().languageName() + " " + describeValue(literal.value()) + ")";
        }
        if (expression instanceof Expression.Field field) {
            return "(field " + field.name() + ")";
        }
        if (expression instanceof Expression.Capture capture) {
            return "(capture " + capture.group() + ")";
        }
        if (expression instanceof Expression.Unary unary) {
            return "(" + unary.operator().symbol() + " " + describe(unary.operand()) + ")";
        }
        if (expression instanceof Expression.Binary binary) {
            return "(" + binary.operator().symbol() + " " + describe(binary.left()) + " " + describe(binary.right())
                    + ")";
        }
        if (expression instanceof Expression.Match match) {
            return "(" + (match.negated() ? "!~" : "=~") + " " + describe(match.subject()) + " /"
                    + match.regexp().pattern() + "/" + match.regexp().flags() + ")";
        }
        if (expression instanceof Expression.Substitution substitution) {
            return "(" + (substitution.negated() ? "!~" : "=~") + " " + describe(substitution.subject()) + " s/"
                    + substitution.substitution().pattern() + "/" + substitution.substitution().replacement() + "/"
                    + substitution.substitution().flags() + ")";
        }
        if (expression instanceof Expression.In in) {
            return "(" + (in.negated() ? "not-in " : "in ") + describe(in.subject())
                    + in.candidates().stream().map(c -> " " + describe(c)).reduce("", String::concat) + ")";
        }
        Expression.Call call = (Expression.Call) expression;
        return "(call " + (call.instance() == null ? "" : call.instance() + "->") + call.name()
                + call.arguments().stream().map(a -> " " + describe(a)).reduce("", String::concat) + ")";
    }

    private static String describeValue(Object value) {
        if (value == null) {
            return "undef";
        }
        if (value instanceof String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c < ' ' || c == '"' || c == '\\') {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Datetime datetime) {
            return datetime.microseconds() + "us";
        }
        return value.toString();
    }
}
