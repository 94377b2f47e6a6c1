package org.openmaces.core.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The captures of the last regular-expression match of one {@link ExecutionContext} ({@code $0} ..
 * {@code $99}, language spec §5.2). Every match attempt replaces them: a failed or undef match leaves none.
 *
 * <p>Matchers are reused per pattern (indexed by a slot the compiler gives each regular expression), so a
 * match allocates nothing but the substrings that are read. Not thread-safe, like its context.
 */
public final class Captures {
    private Matcher[] matchers = new Matcher[8];
    private Matcher last;
    private String subject;

    /** Forgets the last match: every capture reads as undef. */
    public void clear() {
        last = null;
        subject = null;
    }

    /**
     * Searches {@code text} for {@code pattern} (anywhere in it) and makes the result the current captures.
     *
     * @param slot a number the compiler gave this pattern, used to reuse its matcher
     * @return whether it matched
     */
    public boolean find(int slot, Pattern pattern, String text) {
        Matcher matcher = matcher(slot, pattern, text);
        if (matcher.find()) {
            last = matcher;
            subject = text;
            return true;
        }
        clear();
        return false;
    }

    /** A reset matcher for the slot; the caller runs it (substitution) without changing the captures. */
    public Matcher matcher(int slot, Pattern pattern, String text) {
        if (slot >= matchers.length) {
            Matcher[] grown = new Matcher[Math.max(slot + 1, matchers.length * 2)];
            System.arraycopy(matchers, 0, grown, 0, matchers.length);
            matchers = grown;
        }
        Matcher matcher = matchers[slot];
        if (matcher == null || matcher.pattern() != pattern) {
            matcher = pattern.matcher(text);
            matchers[slot] = matcher;
        } else {
            matcher.reset(text);
        }
        if (matcher == last) {
            clear();
        }
        return matcher;
    }

    /**
     * {@code $n}: the matched text for 0, group {@code n} otherwise; null (undef) without a match or beyond
     * the last group that took part. A group that did not take part but comes before one that did reads
     * as the empty string (as NXLog does).
     */
    public String group(int number) {
        Matcher matcher = last;
        if (matcher == null || number > matcher.groupCount()) {
            return null;
        }
        int start = matcher.start(number);
        if (start >= 0) {
            return subject.substring(start, matcher.end(number));
        }
        for (int later = matcher.groupCount(); later > number; later--) {
            if (matcher.start(later) >= 0) {
                return "";
            }
        }
        return null;
    }

    /** True when there is a current match. */
    public boolean hasMatch() {
        return last != null;
    }
}
