package org.openmaces.core.language.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.Diagnostic;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.SourceText;

class ParserTest {

    static String tree(String code) {
        Diagnostics diagnostics = new Diagnostics();
        Program program = Parser.parseStatements(SourceText.ofBlock(Path.of("t.conf"), 1, code), ZoneOffset.UTC,
                diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.all().stream().map(Diagnostic::format)
                .collect(Collectors.joining("\n")));
        return SyntaxTreePrinter.describe(program.statements()).trim();
    }

    static Diagnostics errors(String code) {
        Diagnostics diagnostics = new Diagnostics();
        Parser.parseStatements(SourceText.ofBlock(Path.of("t.conf"), 1, code), ZoneOffset.UTC, diagnostics);
        return diagnostics;
    }

    @Test
    void shouldBindNotTighterThanComparison() {
        assertEquals("(if (== (not (field a)) (integer 1)) (empty))", tree("if not $a == 1 ;"));
    }

    @Test
    void shouldBindDefinedTighterThanAnd() {
        assertEquals("(if (and (defined (field a)) (field b)) (empty))", tree("if defined $a and $b ;"));
    }

    @Test
    void shouldBindAndTighterThanOr() {
        assertEquals("(if (or (field a) (and (field b) (field c))) (empty))", tree("if $a or $b and $c;"));
    }

    @Test
    void shouldAssociateComparisonsToTheLeft() {
        assertEquals("(= (field x) (== (== (integer 1) (integer 2)) (boolean true)))", tree("$x = 1 == 2 == TRUE;"));
    }

    @Test
    void shouldBindMultiplicationTighterThanAddition() {
        assertEquals("(= (field x) (- (+ (integer 1) (* (integer 2) (integer 3))) (integer 4)))",
                tree("$x = 1 + 2 * 3 - 4;"));
    }

    @Test
    void shouldEndAnIfConditionWhereTheExpressionCannotContinue() {
        assertEquals("(if (== (field a) (integer 1)) (= (field b) (integer 2)))", tree("if $a == 1 $b = 2;"));
    }

    @Test
    void shouldBindElseToTheNearestIf() {
        assertEquals("(if (field a) (if (field b) (empty) (empty)))", tree("if $a if $b ; else ;"));
    }

    @Test
    void shouldParseLiterals() {
        assertEquals("(= (field x) (integer 44040192))", tree("$x = 42M;"));
        assertEquals("(= (field x) (integer -16))", tree("$x = -0x10;"));
        assertEquals("(= (field x) (integer 2048))", tree("$x = 2k;"));
        assertEquals("(= (field x) (boolean true))", tree("$x = tRuE;"));
        assertEquals("(= (field x) (unknown undef))", tree("$x = UNDEF;"));
        assertEquals("(= (field x) (ip4addr 10.0.0.1))", tree("$x = 10.0.0.1;"));
        assertEquals("(= (field x) (ip6addr fe80::1))", tree("$x = fe80::1;"));
        assertEquals("(= (field x) (ip6addr ::1))", tree("$x = ::1;"));
        assertEquals("(= (field x) (ip6addr 2001:db8::ff00:42:8329))", tree("$x = 2001:0db8:0000:0000:0000:ff00:0042:8329;"));
        assertEquals("(= (field x) (datetime 1704164645000000us))", tree("$x = 2024-01-02 03:04:05;"));
        assertEquals("(= (field x) (datetime 1704164645500000us))", tree("$x = 2024-01-02T04:04:05.5+01:00;"));
    }

    @Test
    void shouldParseStringEscapes() {
        assertEquals("(= (field x) (string \"a\\x0ab\\x09\\x22\\x5c\\x08A\\\\q\"))".replace("\\\\q", "\\x5cq"),
                tree("$x = \"a\\nb\\t\\\"\\\\\\b\\x41\\q\";"));
        assertEquals("(= (field x) (string \"a\\x5cnb\"))", tree("$x = 'a\\nb';"));
    }

    @Test
    void shouldParseFieldsAndCaptures() {
        assertEquals("(= (field a.b) (field with spaces))", tree("$a.b = ${with spaces};"));
        assertEquals("(= (field x) (+ (capture 1) (capture 12)))", tree("$x = $1 + $12;"));
    }

    @Test
    void shouldLexRegexpsOnlyAfterMatchOperators() {
        assertEquals("(match-statement (=~ (field m) /a\\d+/b/is))", tree("$m =~ /a\\d+\\/b/is;"));
        assertEquals("(= (field x) (/ (field a) (field b)))", tree("$x = $a / $b;"));
        assertEquals("(match-statement (=~ (field m) s/a/b/g))", tree("$m =~ s/a/b/g;"));
    }

    @Test
    void shouldParseCallsAndInstanceCalls() {
        assertEquals("(procedure (call out->rotate_to (string \"x\")))", tree("out->rotate_to(\"x\");"));
        assertEquals("(= (field x) (call lc (call uc (field y))))", tree("$x = lc(uc($y));"));
    }

    @Test
    void shouldParseIn() {
        assertEquals("(if (not-in (field a) (integer 1) (integer 2)) (empty))", tree("if $a NOT IN (1, 2);"));
        assertEquals("(if (in (field a) (string \"x\")) (empty))", tree("if $a in ('x');"));
    }

    @Test
    void shouldRejectMinusGlued() {
        Diagnostics diagnostics = errors("$y = $x-1;");
        assertTrue(diagnostics.hasErrors());
        assertTrue(diagnostics.errors().get(0).message().contains("negative number"));
    }

    @Test
    void shouldRejectUnaryMinus() {
        assertTrue(errors("$y = -$x;").hasErrors());
        assertTrue(errors("$y = - 1;").hasErrors());
    }

    @Test
    void shouldRejectReservedOperators() {
        assertTrue(errors("if $a xor $b;").hasErrors());
        assertTrue(errors("$a = $b & 1;").hasErrors());
    }

    @Test
    void shouldRejectExpressionsAsStatements() {
        Diagnostics diagnostics = errors("$a == 1;");
        assertEquals("Statement required, expression found", diagnostics.errors().get(0).message());
    }

    @Test
    void shouldReportEveryErrorInOnePass() {
        Diagnostics diagnostics = errors("$a = ;\n$b = 1 2;\nif { $c = 1; }\n$d = (1;\n$ok = 1;\n");
        assertEquals(4, diagnostics.errorCount(), () -> diagnostics.all().stream().map(Diagnostic::format)
                .collect(Collectors.joining("\n")));
        assertEquals(1, diagnostics.errors().get(0).line());
        assertEquals(2, diagnostics.errors().get(1).line());
        assertEquals(3, diagnostics.errors().get(2).line());
        assertEquals(4, diagnostics.errors().get(3).line());
    }

    @Test
    void shouldPointAtTheOffendingColumn() {
        Diagnostic error = errors("$a = 1;\n  $b = 1 2;").errors().get(0);
        assertEquals(2, error.line());
        assertEquals(10, error.column());
        assertTrue(error.format().endsWith("      $b = 1 2;\n             ^"), error.format());
    }

    @Test
    void shouldRejectBadRegexpFlags() {
        assertTrue(errors("$a =~ /x/q;").hasErrors());
        assertTrue(errors("$a =~ /x/g;").hasErrors());
    }

    @Test
    void shouldRequireAFieldForSubstitution() {
        assertEquals("field required for left operand of regexp substitution",
                errors("lc($a) =~ s/a/b/;").errors().get(0).message());
    }

    @Test
    void shouldSkipComments() {
        assertEquals("(= (field a) (integer 1))", tree("# one\n$a = 1; # two\n# three"));
    }
}
