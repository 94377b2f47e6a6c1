package org.openmaces.core.language.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.ValueType;

/**
 * Printing a parsed program and parsing the print gives the same tree: for every corpus program, and for
 * random trees built from every kind of node.
 */
class RoundTripTest {
    private static final Path CORPUS = Path.of("src/test/resources/language/corpus");

    @Test
    void shouldReparseEveryCorpusProgramToTheSameTree() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(path -> path.toString().endsWith(".nxl")).sorted().toList();
        }
        int checked = 0;
        for (Path file : files) {
            Diagnostics diagnostics = new Diagnostics();
            Program program = Parser.parseStatements(SourceText.ofBlock(file, 1, Files.readString(file)),
                    ZoneOffset.UTC, diagnostics);
            if (diagnostics.hasErrors()) {
                continue;
            }
            assertRoundTrip(program.statements(), file.toString());
            checked++;
        }
        assertFalse(checked < 100, "only " + checked + " corpus programs parsed");
    }

    @Test
    void shouldReparseRandomTreesToTheSameTree() {
        Random random = new Random(20240304L);
        for (int i = 0; i < 500; i++) {
            List<Statement> statements = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int j = 0; j < count; j++) {
                statements.add(new TreeGenerator(random).statement(3));
            }
            assertRoundTrip(statements, "random program " + i);
        }
    }

    private static void assertRoundTrip(List<Statement> statements, String what) {
        String printed = SyntaxTreePrinter.print(statements);
        Diagnostics diagnostics = new Diagnostics();
        Program reparsed = Parser.parseStatements(SourceText.ofBlock(Path.of("printed"), 1, printed), ZoneOffset.UTC,
                diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> what + " printed as\n" + printed + "\ndoes not parse: "
                + diagnostics.all().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        assertEquals(SyntaxTreePrinter.describe(statements), SyntaxTreePrinter.describe(reparsed.statements()),
                () -> what + " printed as\n" + printed);
        assertEquals(printed, SyntaxTreePrinter.print(reparsed.statements()), what);
    }

    /** Random syntax trees covering every node kind and operator. */
    private static final class TreeGenerator {
        private static final String[] NAMES = {"Message", "a", "SeverityValue", "x.y", "with space", "_u"};
        private static final String[] FUNCTIONS = {"lc", "f", "to_json", "a.b"};
        private static final String[] PATTERNS = {"a", "^(\\w+) /x/ (\\d+)$", "\\/usr\\/", "[a-z]+", "x\\\\"};
        private final Random random;

        TreeGenerator(Random random) {
            this.random = random;
        }

        Statement statement(int depth) {
            int choice = random.nextInt(depth <= 0 ? 4 : 7);
            switch (choice) {
                case 0:
                    return new Statement.Assignment(field(), expression(depth), 0);
                case 1:
                    return new Statement.ProcedureCall(call(depth), 0);
                case 2:
                    return new Statement.MatchStatement(random.nextBoolean() ? match(depth) : substitution(), 0);
                case 3:
                    return new Statement.Empty(0);
                case 4: {
                    List<Statement> inner = new ArrayList<>();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        inner.add(statement(depth - 1));
                    }
                    return new Statement.Block(inner, 0);
                }
                default: {
                    Statement otherwise = random.nextBoolean() ? statement(depth - 1) : null;
                    Statement then = statement(depth - 1);
                    if (otherwise != null && endsInOpenIf(then)) {
                        then = new Statement.Block(List.of(then), 0);
                    }
                    return new Statement.If(expression(depth), then, otherwise, 0);
                }
            }
        }

        /** An if without else at the end of a then-branch would capture the outer else when reparsed. */
        private static boolean endsInOpenIf(Statement statement) {
            if (statement instanceof Statement.If conditional) {
                return conditional.otherwise() == null || endsInOpenIf(conditional.otherwise());
            }
            return false;
        }

        Expression expression(int depth) {
            int choice = random.nextInt(depth <= 0 ? 3 : 9);
            switch (choice) {
                case 0:
                    return literal();
                case 1:
                    return random.nextBoolean() ? field() : new Expression.Capture(random.nextInt(100), 0);
                case 2:
                    return depth <= 0 ? literal() : call(depth);
                case 3:
                    return new Expression.Unary(random.nextBoolean() ? Expression.UnaryOperator.NOT
                            : Expression.UnaryOperator.DEFINED, expression(depth - 1), 0);
                case 4:
                    return match(depth);
                case 5:
                    return substitution();
                case 6: {
                    List<Expression> candidates = new ArrayList<>();
                    for (int i = 1 + random.nextInt(3); i > 0; i--) {
                        candidates.add(expression(depth - 1));
                    }
                    return new Expression.In(expression(depth - 1), candidates, random.nextBoolean(), 0);
                }
                default: {
                    Expression.BinaryOperator[] operators = Expression.BinaryOperator.values();
                    return new Expression.Binary(operators[random.nextInt(operators.length)], expression(depth - 1),
                            expression(depth - 1), 0);
                }
            }
        }

        Expression.Call call(int depth) {
            List<Expression> arguments = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                arguments.add(expression(depth - 1));
            }
            return new Expression.Call(random.nextInt(4) == 0 ? "out" : null,
                    FUNCTIONS[random.nextInt(FUNCTIONS.length)], arguments, 0);
        }

        Expression match(int depth) {
            String pattern = PATTERNS[random.nextInt(PATTERNS.length)].replace("\\/", "/");
            return new Expression.Match(expression(depth - 1), new RegexpLiteral(pattern,
                    random.nextBoolean() ? "" : "is"), random.nextBoolean(), 0, 0);
        }

        Expression substitution() {
            return new Expression.Substitution(field(), new SubstitutionLiteral("a/b", "c", random.nextBoolean()
                    ? "g" : ""), random.nextBoolean(), 0, 0);
        }

        Expression.Field field() {
            String name = NAMES[random.nextInt(NAMES.length)];
            return new Expression.Field(name, name.contains(" "), 0);
        }

        Expression literal() {
            switch (random.nextInt(7)) {
                case 0: {
                    long value = random.nextInt(2001) - 1000;
                    return new Expression.Literal(ValueType.INTEGER, value, Long.toString(value), 0);
                }
                case 1:
                    return new Expression.Literal(ValueType.STRING, "a\"b\\c\n", "\"a\\\"b\\\\c\\n\"", 0);
                case 2:
                    return new Expression.Literal(ValueType.STRING, "single", "'single'", 0);
                case 3:
                    return new Expression.Literal(ValueType.BOOLEAN, Boolean.TRUE, "TRUE", 0);
                case 4:
                    return new Expression.Literal(ValueType.UNKNOWN, null, "undef", 0);
                case 5:
                    return new Expression.Literal(ValueType.DATETIME, Datetime.ofMicroseconds(1704164645000000L),
                            "2024-01-02 03:04:05", 0);
                default:
                    return new Expression.Literal(ValueType.IP4ADDR,
                            org.openmaces.core.record.IpAddress.ofBytes(new byte[] {10, 0, 0, 1}), "10.0.0.1", 0);
            }
        }
    }
}
