package org.openmaces.core.language;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/** Test helper: compiles a program for a test scope and runs it on records. */
public final class Exec {
    public final TestEnvironment environment;
    public final ExecutionContext context;
    public final CompiledStatements program;
    public final Diagnostics diagnostics;

    private Exec(String code, CompilationScope scope, TestEnvironment environment) {
        this.environment = environment;
        this.context = new ExecutionContext(environment);
        this.diagnostics = new Diagnostics();
        this.program = new NxlogLanguage(environment.settings()).compileStatements(
                List.of(SourceText.ofBlock(Path.of("test.conf"), 1, code)), scope, diagnostics);
    }

    public static Exec of(String code) {
        Exec exec = new Exec(code, scope(), new TestEnvironment());
        assertFalse(exec.diagnostics.hasErrors(), exec::describeDiagnostics);
        return exec;
    }

    public static Exec of(String code, CompilationScope scope, TestEnvironment environment) {
        return new Exec(code, scope, environment);
    }

    public static Diagnostics diagnostics(String code) {
        return new Exec(code, scope(), new TestEnvironment()).diagnostics;
    }

    public static CompilationScope scope() {
        return new CompilationScope("in", "im_test", true, new FunctionRegistry(), List.of());
    }

    public String describeDiagnostics() {
        return diagnostics.all().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    /** Runs on a fresh record and returns it. */
    public LogRecord run() {
        return run(new LogRecord());
    }

    public LogRecord run(LogRecord record) {
        context.beginRecord(record);
        program.execute(context);
        return record;
    }

    /** A record with {@code name, value} pairs. */
    public static LogRecord record(Object... namesAndValues) {
        LogRecord record = new LogRecord();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.set(FieldName.of((String) namesAndValues[i]), namesAndValues[i + 1]);
        }
        return record;
    }

    /** Value of {@code $x} after running {@code code} on an empty record. */
    public static Object value(String code) {
        return of(code).run().get(FieldName.of("x"));
    }

    static ZoneOffset utc() {
        return ZoneOffset.UTC;
    }
}
