package org.openmaces.outputs.testing;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which sequence numbers ({@code seq N}) a list of received lines holds. */
public final class Sequences {
    private static final Pattern SEQ = Pattern.compile("seq (\\d+)");
    private final BitSet seen = new BitSet();
    private int duplicates;

    public Sequences(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = SEQ.matcher(line);
            if (matcher.find()) {
                int number = Integer.parseInt(matcher.group(1));
                if (seen.get(number)) {
                    duplicates++;
                }
                seen.set(number);
            }
        }
    }

    public boolean complete(int count) {
        return seen.nextClearBit(0) >= count;
    }

    /** The numbers below {@code count} never seen, as text (at most 20 listed). */
    public String missing(int count) {
        StringBuilder text = new StringBuilder();
        int missing = 0;
        for (int i = seen.nextClearBit(0); i < count; i = seen.nextClearBit(i + 1)) {
            if (missing++ < 20) {
                text.append(i).append(' ');
            }
        }
        return missing + " missing: " + text;
    }

    public int duplicates() {
        return duplicates;
    }
}
