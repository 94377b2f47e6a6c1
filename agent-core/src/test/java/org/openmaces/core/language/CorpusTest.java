package org.openmaces.core.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openmaces.core.module.FieldSpec;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;

/**
 * Runs the golden corpus: every {@code language/corpus/*.nxl} is an Exec program written from the spec,
 * showing one behaviour, with its expected result in {@code #@} comment lines (comments to NXLog, so each
 * file stays a valid program):
 *
 * <pre>
 * #@ now: 2024-01-01T00:00:00Z       the clock before the first run
 * #@ setup: $Message = "x";          statements that build each input record
 * #@ runs: 3 / #@ step: 10           run the program 3 times, 10 s apart (default: once)
 * #@ expect: $x == 1                 an expression that must be TRUE afterwards (same context: captures too)
 * #@ fields: raw_event, x            the record's exact field names, in order
 * #@ dropped: true                   whether the last record was dropped
 * #@ log: INFO text                  the exact log lines, in order (none allowed when there is no log line)
 * #@ log~: ERROR part of text        a log line containing this text
 * #@ routed: reroute other           route calls, in order
 * #@ error: 3:9 message part         a compile error at line:column; the program does not run
 * #@ warning: 3:9 message part       a compile warning
 * #@ scope: schedule | module NAME | known-fields A, B | alias A=B
 * </pre>
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/language/corpus");

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> sorted = files.filter(path -> path.toString().endsWith(".nxl")).sorted().toList();
            assertTrue(sorted.size() > 20, "corpus not found in " + CORPUS.toAbsolutePath());
            return sorted.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(),
                    () -> runCase(path)));
        }
    }

    static List<String> directives(String code, String name) {
        String prefix = "#@ " + name + ":";
        return code.lines().map(String::strip).filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip()).collect(Collectors.toList());
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void runCase(Path path) {
        String code = read(path);
        boolean hasRecord = true;
        String module = "im_test";
        List<FieldSpec> known = new ArrayList<>();
        CompilationScope scope;
        for (String directive : directives(code, "scope")) {
            if (directive.equals("schedule")) {
                hasRecord = false;
            } else if (directive.startsWith("module ")) {
                module = directive.substring(7).strip();
            } else if (directive.startsWith("known-fields ")) {
                for (String field : directive.substring(13).split(",")) {
                    known.add(new FieldSpec(field.strip(), ValueType.STRING, ""));
                }
            }
        }
        FunctionRegistry registry = new FunctionRegistry();
        TestModules.register(registry);
        scope = new CompilationScope("in", module, hasRecord, registry, known);
        for (String directive : directives(code, "scope")) {
            if (directive.startsWith("alias ")) {
                String[] parts = directive.substring(6).split("=");
                scope = scope.withFieldAlias(parts[0].strip(), parts[1].strip());
            }
        }
        TestEnvironment environment = new TestEnvironment("in", module,
                new LanguageSettings(null, false, false, ZoneOffset.UTC), new HashSet<>(List.of("other")));
        directives(code, "now").forEach(now -> environment.mutableClock().set(Instant.parse(now)));
        Path name = Path.of(path.getFileName().toString());
        Diagnostics diagnostics = new Diagnostics();
        CompiledStatements program = new NxlogLanguage(environment.settings())
                .compileStatements(List.of(SourceText.ofBlock(name, 1, code)), scope, diagnostics);
        String described = diagnostics.all().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        checkDiagnostics(diagnostics.errors(), directives(code, "error"), described, "error");
        checkDiagnostics(diagnostics.warnings(), directives(code, "warning"), described, "warning");
        if (program == null) {
            assertTrue(!directives(code, "error").isEmpty(), () -> "unexpected compile errors:\n" + described);
            return;
        }
        assertTrue(directives(code, "error").isEmpty(), "expected a compile error");
        ExecutionContext context = new ExecutionContext(environment);
        String setup = String.join("\n", directives(code, "setup"));
        CompiledStatements setupProgram = compileHelper(setup, scope, environment);
        int runs = directives(code, "runs").stream().mapToInt(Integer::parseInt).findFirst().orElse(1);
        long step = directives(code, "step").stream().mapToLong(Long::parseLong).findFirst().orElse(0);
        LogRecord record = null;
        for (int run = 0; run < runs; run++) {
            if (run > 0) {
                environment.mutableClock().advance(Duration.ofSeconds(step));
            }
            if (hasRecord) {
                record = new LogRecord();
                context.beginRecord(record);
                setupProgram.execute(context);
                context.beginRecord(record);
            } else {
                context.beginRecord(null);
            }
            program.execute(context);
        }
        List<String> logs = new ArrayList<>(environment.logs);
        for (String expectation : directives(code, "expect")) {
            boolean wasDropped = context.isDropped();
            Diagnostics expectDiagnostics = new Diagnostics();
            CompiledExpression expression = new NxlogLanguage(environment.settings()).compileExpression(
                    SourceText.ofLine(Path.of("expect"), 1, 1, expectation), scope, expectDiagnostics);
            assertTrue(expression != null, () -> "bad expectation '" + expectation + "': "
                    + expectDiagnostics.all().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
            Object value;
            try {
                value = expression.evaluate(context);
            } catch (ExecutionException failure) {
                throw new AssertionError("expectation '" + expectation + "' failed: " + failure.getMessage()
                        + "\nlogs: " + logs);
            }
            assertEquals(Boolean.TRUE, value, () -> "expectation '" + expectation + "' on " + context.record()
                    + "\nlogs: " + logs);
            assertEquals(wasDropped, context.isDropped());
        }
        for (String fields : directives(code, "fields")) {
            List<String> expected = fields.isEmpty() ? List.of() : Arrays.stream(fields.split(","))
                    .map(String::strip).toList();
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
                actual.add(record.nameAt(i).spelling());
            }
            assertEquals(expected, actual, "field names and order");
        }
        for (String dropped : directives(code, "dropped")) {
            assertEquals(Boolean.parseBoolean(dropped), context.isDropped(), "dropped");
        }
        List<String> exactLogs = directives(code, "log");
        List<String> partialLogs = directives(code, "log~");
        if (!exactLogs.isEmpty() || partialLogs.isEmpty()) {
            assertEquals(exactLogs, logs, "log lines");
        }
        for (String part : partialLogs) {
            assertTrue(logs.stream().anyMatch(line -> line.contains(part)), () -> "no log line contains '" + part
                    + "': " + logs);
        }
        assertEquals(directives(code, "routed"), environment.routed, "route calls");
    }

    private static CompiledStatements compileHelper(String code, CompilationScope scope, TestEnvironment environment) {
        Diagnostics diagnostics = new Diagnostics();
        CompiledStatements compiled = new NxlogLanguage(environment.settings()).compileStatements(
                List.of(SourceText.ofBlock(Path.of("setup"), 1, code)),
                new CompilationScope("in", "im_test", true, scope.functions(), List.of()), diagnostics);
        if (compiled == null) {
            fail("bad setup: " + diagnostics.all().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        return compiled;
    }

    private static void checkDiagnostics(List<Diagnostic> actual, List<String> expected, String described,
                                         String kind) {
        assertEquals(expected.size(), actual.size(), () -> kind + "s differ:\n" + described);
        for (int i = 0; i < expected.size(); i++) {
            String expectation = expected.get(i);
            int space = expectation.indexOf(' ');
            String position = space < 0 ? expectation : expectation.substring(0, space);
            String text = space < 0 ? "" : expectation.substring(space + 1);
            Diagnostic diagnostic = actual.get(i);
            assertEquals(position, diagnostic.line() + ":" + diagnostic.column(), () -> kind + " position:\n" + described);
            assertTrue(diagnostic.message().contains(text), () -> kind + " '" + text + "' not in:\n" + described);
        }
    }
}
