package org.openmaces.core.language.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class RegexTranslatorTest {

    private static RegexTranslator.Translation ok(String pattern) {
        RegexTranslator.Translation translation = RegexTranslator.translate(pattern, "");
        assertNull(translation.error(), () -> pattern + ": " + translation.error());
        return translation;
    }

    private static String error(String pattern) {
        RegexTranslator.Translation translation = RegexTranslator.translate(pattern, "");
        assertNotNull(translation.error(), pattern);
        return translation.error();
    }

    @Test
    void shouldRewriteNamedGroupsKeepingTheirNumbers() {
        RegexTranslator.Translation translation = ok("(?P<first_name>a)(b)(?<Last>c)(?'x'd)");
        assertArrayEquals(new String[] {null, "first_name", null, "Last", "x"}, translation.groupNames());
        Matcher matcher = translation.pattern().matcher("abcd");
        assertTrue(matcher.find());
        assertEquals("c", matcher.group(3));
    }

    @Test
    void shouldRewriteBackReferences() {
        assertTrue(ok("(?P<w>a)(?P=w)").pattern().matcher("aa").find());
        assertTrue(ok("(?<w>a)\\k<w>\\k{w}\\g{w}").pattern().matcher("aaaa").find());
        assertTrue(ok("(a)(b)\\g{-1}\\g1").pattern().matcher("abba").find());
        assertEquals("reference to non-existent subpattern 'nope'", error("(a)\\k<nope>"));
    }

    @Test
    void shouldTranslatePosixClassesAndLiteralBrackets() {
        assertTrue(ok("^[[:alpha:]]+[[:digit:]]$").pattern().matcher("abc1").find());
        assertTrue(ok("[[:^space:]]").pattern().matcher(" x").find());
        assertTrue(ok("[]a]").pattern().matcher("]").find());
        assertTrue(ok("[a[]").pattern().matcher("[").find());
        assertTrue(ok("[a&&b]").pattern().matcher("&").find());
        assertEquals("unknown POSIX class name '[:nope:]'", error("[[:nope:]]"));
    }

    @Test
    void shouldTreatBracesThatAreNotQuantifiersAsLiterals() {
        assertTrue(ok("a{,2}").pattern().matcher("a{,2}").find());
        assertTrue(ok("{x}").pattern().matcher("{x}").find());
        assertTrue(ok("a{2}").pattern().matcher("aa").find());
        assertFalse(ok("^a{2,3}$").pattern().matcher("a").find());
    }

    @Test
    void shouldTranslateEscapes() {
        assertTrue(ok("\\x41\\xA\\x{42}").pattern().matcher("A\nB").find());
        assertTrue(ok("\\o{101}").pattern().matcher("A").find());
        assertTrue(ok("a\\Nb").pattern().matcher("axb").find());
        assertFalse(ok("a\\Nb").pattern().matcher("a\nb").find());
        assertTrue(ok("(?#comment)x").pattern().matcher("x").find());
        assertTrue(ok("\\Q.*\\E").pattern().matcher(".*").find());
    }

    @Test
    void shouldRejectConstructsJavaLacks() {
        assertTrue(error("(a)(?1)").startsWith("recursion or subroutine call"));
        assertTrue(error("(?R)").startsWith("recursion"));
        assertTrue(error("(?&name)").startsWith("recursion"));
        assertTrue(error("(?|a)").startsWith("branch reset"));
        assertTrue(error("(?(1)a|b)").startsWith("conditional"));
        assertTrue(error("(*UTF8)a").contains("(*UTF8)"));
        assertTrue(error("a\\Kb").contains("\\K"));
        assertTrue(error("(?U)a+").contains("ungreedy"));
        assertTrue(error("(?C1)").startsWith("callout"));
    }

    @Test
    void shouldUseUnixLinesAndFlags() {
        assertTrue(RegexTranslator.translate("^b$", "m").pattern().matcher("a\nb\nc").find());
        assertFalse(RegexTranslator.translate("^b$", "").pattern().matcher("a\nb\nc").find());
        assertTrue(RegexTranslator.translate("b$", "").pattern().matcher("ab\n").find(), "$ before a final newline");
        assertFalse(RegexTranslator.translate("a.b", "").pattern().matcher("a\nb").find());
        assertTrue(RegexTranslator.translate("a.b", "").pattern().matcher("a\rb").find());
        assertTrue(RegexTranslator.translate("A.B", "is").pattern().matcher("a\nb").find());
    }

    @Test
    void shouldLimitCaptureGroups() {
        assertEquals("more than 99 capture groups", error("(a)".repeat(100)));
    }

    @Test
    void shouldSpotPatternsThatCanNeverMatch() {
        assertNotNull(ok("abc$def").neverMatches());
        assertNotNull(ok("a^b").neverMatches());
        assertNotNull(ok("x\\zy").neverMatches());
        assertNull(ok("^a|b$").neverMatches());
        assertNull(ok("a$\\n").neverMatches());
        assertNull(RegexTranslator.translate("a$^b", "m").neverMatches());
    }
}
