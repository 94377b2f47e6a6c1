package org.openmaces.core.language.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a PCRE pattern (what NXLog compiles) into an equivalent {@code java.util.regex} pattern.
 *
 * <p>Rewritten: named groups {@code (?<n>…) (?P<n>…) (?'n'…)} become plain groups (Java numbers groups
 * the same way, and PCRE names may hold {@code _}, which Java's may not), named and relative back
 * references become numbered ones, {@code (?#…)} comments are removed, POSIX classes {@code [:alpha:]}
 * become {@code \p{Alpha}}, a {@code ]} first in a class and a {@code [} or {@code &} inside one are
 * escaped, a {@code {} that does not start a quantifier is escaped, {@code \xh} and {@code \o{…}} become
 * {@code \x{…}}, {@code \N} becomes {@code [^\n]}. Rejected with a message naming the construct: recursion,
 * subroutine calls, conditionals, branch reset, callouts, backtracking verbs, {@code \K}, {@code \C} and
 * the option letters J, U and X. Flags: {@code i m s} map to Java's, and every pattern gets
 * {@code UNIX_LINES} so only {@code \n} ends a line, as in PCRE.
 */
public final class RegexTranslator {
    static final int MAX_GROUPS = 99;

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s\\x0B"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("word", "\\w"), Map.entry("ascii", "\\p{ASCII}"));

    /**
     * The result: a compiled pattern and the name of each numbered group (index 0 unused, null for unnamed
     * groups), or an error message; {@code neverMatches} explains why the pattern cannot match, or is null.
     */
    public record Translation(Pattern pattern, String[] groupNames, String error, int errorIndex,
                              String neverMatches) {
        public boolean hasNamedGroups() {
            for (String name : groupNames) {
                if (name != null) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String source;
    private final StringBuilder out = new StringBuilder();
    private final List<String> names = new ArrayList<>();
    private int position;
    private int depth;
    private boolean multiline;
    private boolean literalSinceBranch;
    private String neverMatches;

    private RegexTranslator(String source, boolean multiline) {
        this.source = source;
        this.multiline = multiline;
        names.add(null);
    }

    /** Translates and compiles {@code pattern} with NXLog flag letters ({@code i m s}; {@code g} is ignored here). */
    public static Translation translate(String pattern, String flags) {
        int javaFlags = Pattern.UNIX_LINES;
        if (flags.indexOf('i') >= 0) {
            javaFlags |= Pattern.CASE_INSENSITIVE;
        }
        if (flags.indexOf('m') >= 0) {
            javaFlags |= Pattern.MULTILINE;
        }
        if (flags.indexOf('s') >= 0) {
            javaFlags |= Pattern.DOTALL;
        }
        // The translator marks named back references with NUL characters; a NUL the user wrote is given to
        // the engine as the escape \x00 instead (found by LanguageFuzzTest: crash-b3c6c66...).
        RegexTranslator translator = new RegexTranslator(pattern.replace("\u0000", "\\x00"), flags.indexOf('m') >= 0);
        String[] names;
        try {
            translator.run();
            names = translator.names.toArray(new String[0]);
            // Resolve named back references now that every group is numbered.
            String javaPattern = translator.resolveBackReferences(translator.out.toString());
            if (names.length - 1 > MAX_GROUPS) {
                return new Translation(null, names, "more than " + MAX_GROUPS + " capture groups", 0, null);
            }
            Pattern compiled = Pattern.compile(javaPattern, javaFlags);
            return new Translation(compiled, names, null, -1, translator.neverMatches);
        } catch (Unsupported unsupported) {
            return new Translation(null, new String[] {null}, unsupported.getMessage(), unsupported.index, null);
        } catch (PatternSyntaxException invalid) {
            return new Translation(null, new String[] {null}, invalid.getDescription(), Math.max(invalid.getIndex(), 0),
                    null);
        }
    }

    private void run() {
        while (position < source.length()) {
            char c = source.charAt(position);
            switch (c) {
                case '\\' -> escape();
                case '(' -> group();
                case ')' -> {
                    depth--;
                    out.append(c);
                    position++;
                }
                case '[' -> characterClass();
                case '{' -> brace();
                case '|' -> {
                    if (depth == 0) {
                        literalSinceBranch = false;
                    }
                    out.append(c);
                    position++;
                }
                case '^' -> {
                    if (depth == 0 && !multiline && literalSinceBranch && neverMatches == null) {
                        neverMatches = "text is required before '^' (start of subject) at position " + position;
                    }
                    out.append(c);
                    position++;
                }
                case '$' -> {
                    out.append(c);
                    position++;
                    if (depth == 0 && !multiline) {
                        checkNothingAfterEnd("'$' (end of subject)");
                    }
                }
                default -> {
                    if (depth == 0 && Character.isLetterOrDigit(c) && !optional(position + 1)) {
                        literalSinceBranch = true;
                    }
                    out.append(c);
                    position++;
                }
            }
        }
    }

    private void checkNothingAfterEnd(String anchor) {
        if (position < source.length() && Character.isLetterOrDigit(source.charAt(position))
                && !optional(position + 1) && neverMatches == null) {
            neverMatches = "text is required after " + anchor + " at position " + position;
        }
    }

    /** Whether the atom ending just before {@code index} is followed by a quantifier that allows zero. */
    private boolean optional(int index) {
        if (index >= source.length()) {
            return false;
        }
        char next = source.charAt(index);
        return next == '?' || next == '*' || (next == '{' && index + 1 < source.length()
                && source.charAt(index + 1) == '0');
    }

    private void escape() {
        int start = position;
        if (position + 1 >= source.length()) {
            throw new Unsupported("'\\' at the end of the pattern", start);
        }
        char c = source.charAt(position + 1);
        position += 2;
        switch (c) {
            case 'Q' -> {
                int end = source.indexOf("\\E", position);
                end = end < 0 ? source.length() : end;
                out.append(Pattern.quote(source.substring(position, end)));
                position = Math.min(source.length(), end + 2);
            }
            case 'E' -> {
            }
            case 'K' -> throw new Unsupported("'\\K' (reset of the match start) is not supported", start);
            case 'C' -> throw new Unsupported("'\\C' (single code unit) is not supported", start);
            case 'N' -> {
                if (position < source.length() && source.charAt(position) == '{') {
                    out.append("\\N");
                } else {
                    out.append("[^\\n]");
                }
            }
            case 'x' -> hexEscape();
            case 'o' -> octalEscape(start);
            case 'k' -> namedReference(start);
            case 'g' -> numberedReference(start);
            case 'A' -> out.append("\\A");
            case 'z', 'Z' -> {
                out.append('\\').append(c);
                if (depth == 0) {
                    checkNothingAfterEnd("'\\" + c + "' (end of subject)");
                }
            }
            default -> out.append('\\').append(c);
        }
    }

    private void hexEscape() {
        if (position < source.length() && source.charAt(position) == '{') {
            out.append("\\x");
            return;
        }
        int end = position;
        while (end < source.length() && end - position < 2 && Character.digit(source.charAt(end), 16) >= 0) {
            end++;
        }
        String digits = source.substring(position, end);
        out.append("\\x{").append(digits.isEmpty() ? "0" : digits).append('}');
        position = end;
    }

    private void octalEscape(int start) {
        int close = source.indexOf('}', position);
        if (position >= source.length() || source.charAt(position) != '{' || close < 0) {
            throw new Unsupported("'\\o' must be followed by {octal digits}", start);
        }
        try {
            int value = Integer.parseInt(source.substring(position + 1, close), 8);
            out.append("\\x{").append(Integer.toHexString(value)).append('}');
        } catch (NumberFormatException invalid) {
            throw new Unsupported("invalid octal escape '" + source.substring(start, close + 1) + "'", start);
        }
        position = close + 1;
    }

    /** {@code \k<name>}, {@code \k'name'}, {@code \k{name}}: a placeholder resolved after all groups are known. */
    private void namedReference(int start) {
        char open = position < source.length() ? source.charAt(position) : '\0';
        char close = open == '<' ? '>' : open == '\'' ? '\'' : open == '{' ? '}' : '\0';
        int end = close == '\0' ? -1 : source.indexOf(close, position + 1);
        if (end < 0) {
            throw new Unsupported("'\\k' must be followed by <name>, 'name' or {name}", start);
        }
        appendNamedPlaceholder(source.substring(position + 1, end));
        position = end + 1;
    }

    /** {@code \g{n}}, {@code \gn}, {@code \g{-n}}, {@code \g{name}}. */
    private void numberedReference(int start) {
        String reference;
        if (position < source.length() && source.charAt(position) == '{') {
            int end = source.indexOf('}', position);
            if (end < 0) {
                throw new Unsupported("unterminated '\\g{'", start);
            }
            reference = source.substring(position + 1, end);
            position = end + 1;
        } else if (position < source.length() && source.charAt(position) == '<') {
            throw new Unsupported("'\\g<...>' (subroutine call) is not supported", start);
        } else {
            int end = position;
            if (end < source.length() && (source.charAt(end) == '-' || source.charAt(end) == '+')) {
                end++;
            }
            while (end < source.length() && Character.isDigit(source.charAt(end))) {
                end++;
            }
            reference = source.substring(position, end);
            position = end;
        }
        if (reference.matches("-?\\d+")) {
            int number = Integer.parseInt(reference);
            if (number < 0) {
                number = names.size() + number;
            }
            if (number <= 0) {
                throw new Unsupported("invalid back reference '\\g" + reference + "'", start);
            }
            out.append("(?:\\").append(number).append(')');
        } else if (!reference.isEmpty()) {
            appendNamedPlaceholder(reference);
        } else {
            throw new Unsupported("'\\g' must be followed by a group number or name", start);
        }
    }

    private void appendNamedPlaceholder(String name) {
        out.append("(?:\u0000").append(name).append("\u0000)");
    }

    private String resolveBackReferences(String pattern) {
        if (pattern.indexOf('\u0000') < 0) {
            return pattern;
        }
        StringBuilder resolved = new StringBuilder();
        int index = 0;
        while (true) {
            int open = pattern.indexOf('\u0000', index);
            if (open < 0) {
                resolved.append(pattern, index, pattern.length());
                return resolved.toString();
            }
            int close = pattern.indexOf('\u0000', open + 1);
            String name = pattern.substring(open + 1, close);
            int number = names.indexOf(name);
            if (number < 0) {
                throw new Unsupported("reference to non-existent subpattern '" + name + "'", 0);
            }
            resolved.append(pattern, index, open).append('\\').append(number);
            index = close + 1;
        }
    }

    private void group() {
        int start = position;
        if (source.startsWith("(*", position)) {
            int end = source.indexOf(')', position);
            String verb = end < 0 ? source.substring(position) : source.substring(position, end + 1);
            throw new Unsupported("backtracking control verb or option '" + verb + "' is not supported", start);
        }
        if (!source.startsWith("(?", position)) {
            names.add(null);
            depth++;
            out.append('(');
            position++;
            return;
        }
        String rest = source.substring(position + 2);
        if (rest.startsWith("#")) {
            int end = source.indexOf(')', position);
            position = end < 0 ? source.length() : end + 1;
            return;
        }
        if (rest.startsWith("P<") || (rest.startsWith("<") && !rest.startsWith("<=") && !rest.startsWith("<!"))
                || rest.startsWith("'")) {
            int nameStart = position + 2 + (rest.startsWith("P") ? 2 : 1);
            char close = rest.startsWith("'") ? '\'' : '>';
            int nameEnd = source.indexOf(close, nameStart);
            if (nameEnd < 0) {
                throw new Unsupported("unterminated group name", start);
            }
            String name = source.substring(nameStart, nameEnd);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new Unsupported("invalid group name '" + name + "'", start);
            }
            if (names.contains(name)) {
                throw new Unsupported("two named subpatterns have the same name '" + name + "'", start);
            }
            names.add(name);
            depth++;
            out.append('(');
            position = nameEnd + 1;
            return;
        }
        if (rest.startsWith("P=")) {
            int end = source.indexOf(')', position);
            if (end < 0) {
                throw new Unsupported("unterminated '(?P='", start);
            }
            appendNamedPlaceholder(source.substring(position + 4, end));
            position = end + 1;
            return;
        }
        if (rest.startsWith("P>") || rest.startsWith("&") || rest.startsWith("R") || rest.matches("(?s)[+-]?\\d.*")) {
            throw new Unsupported("recursion or subroutine call '(?" + rest.substring(0, Math.min(rest.length(),
                    rest.indexOf(')') < 0 ? rest.length() : rest.indexOf(')'))) + ")' is not supported", start);
        }
        if (rest.startsWith("|")) {
            throw new Unsupported("branch reset group '(?|' is not supported", start);
        }
        if (rest.startsWith("(")) {
            throw new Unsupported("conditional subpattern '(?(' is not supported", start);
        }
        if (rest.startsWith("C")) {
            throw new Unsupported("callout '(?C' is not supported", start);
        }
        int letters = 0;
        while (letters < rest.length() && (Character.isLetter(rest.charAt(letters)) || rest.charAt(letters) == '-')) {
            char letter = rest.charAt(letters);
            if (letter == 'J' || letter == 'U' || letter == 'X') {
                throw new Unsupported("option '(?" + letter + ")' is not supported"
                        + (letter == 'U' ? " (ungreedy mode: make each quantifier lazy with '?' instead)" : ""),
                        start);
            }
            if (letter == 'm') {
                multiline = true;
            }
            letters++;
        }
        boolean optionsOnly = letters > 0 && letters < rest.length() && rest.charAt(letters) == ')';
        if (!optionsOnly) {
            depth++;
        }
        out.append("(?");
        position += 2;
    }

    private void characterClass() {
        int start = position;
        out.append('[');
        position++;
        if (position < source.length() && source.charAt(position) == '^') {
            out.append('^');
            position++;
        }
        if (position < source.length() && source.charAt(position) == ']') {
            out.append("\\]");
            position++;
        }
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == ']') {
                out.append(']');
                position++;
                if (depth == 0 && !optional(position)) {
                    literalSinceBranch = true;
                }
                return;
            }
            if (c == '[' && source.startsWith("[:", position)) {
                int end = source.indexOf(":]", position + 2);
                if (end > 0) {
                    String name = source.substring(position + 2, end);
                    boolean negated = name.startsWith("^");
                    String javaClass = POSIX_CLASSES.get(negated ? name.substring(1) : name);
                    if (javaClass == null) {
                        throw new Unsupported("unknown POSIX class name '[:" + name + ":]'", position);
                    }
                    if (negated) {
                        out.append("[^").append(javaClass).append(']');
                    } else {
                        out.append(javaClass);
                    }
                    position = end + 2;
                    continue;
                }
            }
            if (c == '[' || c == '&') {
                out.append('\\').append(c);
                position++;
                continue;
            }
            if (c == '\\' && position + 1 < source.length()) {
                char escaped = source.charAt(position + 1);
                position += 2;
                if (escaped == 'x') {
                    hexEscape();
                } else if (escaped == 'Q') {
                    int end = source.indexOf("\\E", position);
                    end = end < 0 ? source.length() : end;
                    for (char literal : source.substring(position, end).toCharArray()) {
                        out.append(Character.isLetterOrDigit(literal) ? "" : "\\").append(literal);
                    }
                    position = Math.min(source.length(), end + 2);
                } else if (escaped != 'E') {
                    out.append('\\').append(escaped);
                }
                continue;
            }
            out.append(c);
            position++;
        }
        throw new Unsupported("missing terminating ] for character class", start);
    }

    /** A {@code {} that does not start a valid quantifier is a literal in PCRE but an error in Java. */
    private void brace() {
        int end = position + 1;
        while (end < source.length() && Character.isDigit(source.charAt(end))) {
            end++;
        }
        boolean quantifier = end > position + 1;
        if (quantifier && end < source.length() && source.charAt(end) == ',') {
            end++;
            while (end < source.length() && Character.isDigit(source.charAt(end))) {
                end++;
            }
        }
        quantifier = quantifier && end < source.length() && source.charAt(end) == '}';
        if (quantifier) {
            out.append(source, position, end + 1);
            position = end + 1;
        } else {
            out.append("\\{");
            position++;
        }
    }

    /** A construct Java cannot express. */
    private static final class Unsupported extends RuntimeException {
        final int index;

        Unsupported(String message, int index) {
            super(message, null, false, false);
            this.index = index;
        }
    }
}
