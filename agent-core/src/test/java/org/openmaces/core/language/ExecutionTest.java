package org.openmaces.core.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;

/** Program-level behaviour the corpus cannot show well: contexts, several sources, expressions. */
class ExecutionTest {

    @Test
    void shouldConcatenateSeveralExecSourcesAndKeepCapturesAcrossThem() {
        TestEnvironment environment = new TestEnvironment();
        Diagnostics diagnostics = new Diagnostics();
        CompiledStatements program = new NxlogLanguage(environment.settings()).compileStatements(List.of(
                SourceText.ofLine(Path.of("a.conf"), 3, 10, "$Message =~ /(\\d+)/;"),
                SourceText.ofBlock(Path.of("a.conf"), 5, "$n = integer($1);\n$m = $n * 2;")),
                Exec.scope(), diagnostics);
        ExecutionContext context = new ExecutionContext(environment);
        LogRecord record = Exec.record("Message", "id 21");
        context.beginRecord(record);
        program.execute(context);
        assertEquals(42L, record.get(FieldName.of("m")));
    }

    @Test
    void shouldReportPositionsOfLaterSourcesInTheirOwnLines() {
        Diagnostics diagnostics = new Diagnostics();
        new NxlogLanguage().compileStatements(List.of(
                SourceText.ofLine(Path.of("a.conf"), 3, 10, "$a = 1;"),
                SourceText.ofBlock(Path.of("a.conf"), 5, "$b = 1;\n  $c = nosuch();")), Exec.scope(), diagnostics);
        Diagnostic error = diagnostics.errors().get(0);
        assertEquals(6, error.line());
        assertEquals(8, error.column());
    }

    @Test
    void shouldResetDropAndCapturesPerRecord() {
        Exec exec = Exec.of("if $drop == 1 drop(); $Message =~ /(x)/;");
        exec.run(Exec.record("drop", 1L, "Message", "x"));
        assertTrue(exec.context.isDropped());
        exec.run(Exec.record("drop", 0L, "Message", "y"));
        assertEquals(false, exec.context.isDropped());
        assertNull(exec.context.captures().group(1));
    }

    @Test
    void shouldCompileExpressionDirectives() throws ExecutionException {
        Diagnostics diagnostics = new Diagnostics();
        CompiledExpression file = new NxlogLanguage().compileExpression(
                SourceText.ofLine(Path.of("a.conf"), 4, 10, "\"/var/log/\" + $Hostname + \".log\""), Exec.scope(),
                diagnostics);
        assertEquals(ValueType.STRING, file.staticType());
        ExecutionContext context = new ExecutionContext(new TestEnvironment());
        context.beginRecord(Exec.record("Hostname", "mac"));
        assertEquals("/var/log/mac.log", file.evaluate(context));
        CompiledExpression constant = new NxlogLanguage().compileExpression(
                SourceText.ofLine(Path.of("a.conf"), 4, 10, "\"/var/log/\" + \"x.log\""), Exec.scope(), diagnostics);
        assertTrue(constant.isConstant());
    }

    @Test
    void shouldRejectStatementsWhereAnExpressionIsExpected() {
        Diagnostics diagnostics = new Diagnostics();
        assertNull(new NxlogLanguage().compileExpression(SourceText.ofLine(Path.of("a.conf"), 4, 10, "$a = 1;"),
                Exec.scope(), diagnostics));
        assertTrue(diagnostics.errors().get(0).message().contains("Expression required"));
    }

    @Test
    void shouldLocateRuntimeErrorsOfExpressionDirectives() {
        Diagnostics diagnostics = new Diagnostics();
        CompiledExpression expression = new NxlogLanguage().compileExpression(
                SourceText.ofLine(Path.of("a.conf"), 4, 10, "1 / $zero"), Exec.scope(), diagnostics);
        ExecutionContext context = new ExecutionContext(new TestEnvironment());
        context.beginRecord(Exec.record("zero", 0L));
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> expression.evaluate(context));
        assertEquals("a.conf:4:12: division by zero", failure.getMessage());
    }

    @Test
    void shouldBeEmptyWithoutStatements() {
        CompiledStatements program = new NxlogLanguage().compileStatements(List.of(), Exec.scope(), new Diagnostics());
        assertTrue(program.isEmpty());
    }

    @Test
    void shouldReportEverythingAtOnceAsFileLineColumnWithCaret() {
        Diagnostics diagnostics = Exec.diagnostics("$a = 1 +;\n$b = lc(1);\nif $c =~ /(/ $d = 1;");
        assertEquals(3, diagnostics.errorCount());
        assertEquals("test.conf:2:6: function 'lc()' does not exist or takes different arguments: called with"
                + " (integer), declared as lc(string)\n    $b = lc(1);\n         ^", diagnostics.errors().get(1).format());
    }
}
