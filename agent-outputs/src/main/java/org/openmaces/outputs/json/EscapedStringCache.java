package org.openmaces.outputs.json;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The JSON form (quoted, escaped, UTF-8) of string values that come back as the same String instance,
 * so they are escaped once instead of in every record. im_maces hands out one instance per executable,
 * signing ID, team ID, cdhash and path it has cached, and escaping was the largest cost of writing its
 * records as JSON. Jackson's {@link SerializedString} keeps the escaped bytes; the encoder copies them.
 *
 * <p>Keyed by identity, not by content: a lookup is an identity hash and one reference comparison, never
 * a scan of the text. A String is immutable, so the same instance always has the same JSON form; a
 * different instance with equal text misses and is escaped again, to the same bytes.
 *
 * <p>Two-way set-associative: the identity hash picks a set of two slots, and a new value replaces the one
 * of the two used less recently. Direct-mapped (one slot per hash), two values that every record carries
 * and that happened to share a slot pushed each other out for good, and both were escaped in every record:
 * with the identity hashes of some runs, Jackson's escaping took 12 % of the output thread, with those of
 * others 1 %, and a rebuild could change which. A value gets its escaped form when it is seen a second
 * time while still in its set, so values made afresh for every record (sequence numbers as text, exec
 * arguments) cost a store, not an escaping into a SerializedString nobody reuses. Bounded: at most
 * {@value #SLOTS} values of at most {@value #MAXIMUM_LENGTH} characters each, so a thread holds at most
 * about 1.5 MB here (every value as long as allowed and escaped to six bytes a character), and a few
 * kilobytes for im_maces's paths and IDs.
 *
 * <p>Values with surrogates (characters outside the Basic Multilingual Plane, or unpaired halves) are
 * never cached: the generator's {@code writeString(String)} writes each surrogate as a {@code \}{@code u}
 * escape, while SerializedString writes a pair as one 4-byte UTF-8 sequence (and rejects an unpaired one).
 * Leaving them to the generator keeps every output byte what the generator alone would write.
 *
 * <p>Not thread-safe: one per thread, like the generator it feeds.
 */
final class EscapedStringCache {
    static final int SETS = 256;
    static final int WAYS = 2;
    static final int SLOTS = SETS * WAYS;
    static final int MAXIMUM_LENGTH = 512;
    /** Set {@code s} is slots {@code 2s} and {@code 2s + 1}. */
    private final String[] values = new String[SLOTS];
    /**
     * Invariant: {@code escaped[slot]} is null or the form of {@code values[slot]} (both are replaced
     * together), so an identity match on the value is all a lookup needs. Null until the value is seen
     * again, and always for a value with surrogates.
     */
    private final SerializedString[] escaped = new SerializedString[SLOTS];
    /** Per set, the way (0 or 1) used last, by a lookup that found it or by a new value: a new value takes the other. */
    private final byte[] lastUsed = new byte[SETS];

    /** {@code text}'s JSON form, or null when the caller is to write {@code text} itself. */
    SerializedString escaped(String text) {
        if (text.length() > MAXIMUM_LENGTH) {
            return null;
        }
        int set = setOf(text);
        int slot = set * WAYS;
        if (values[slot] != text) {
            slot++;
            if (values[slot] != text) {
                // The way used less recently: a value found in every record stays while values made afresh
                // for every record replace each other in the other way.
                int way = 1 - lastUsed[set];
                slot = set * WAYS + way;
                lastUsed[set] = (byte) way;
                values[slot] = text;
                escaped[slot] = null;
                return null;
            }
        }
        lastUsed[set] = (byte) (slot - set * WAYS);
        SerializedString known = escaped[slot];
        if (known == null && !hasSurrogate(text)) {
            known = new SerializedString(text);
            escaped[slot] = known;
        }
        return known;
    }

    /** The set a value is kept in: by identity hash, so a lookup never reads the text. */
    static int setOf(String text) {
        int hash = System.identityHashCode(text);
        return (hash ^ (hash >>> 16)) & (SETS - 1);
    }

    /**
     * True when the text has a surrogate: Jackson's string encoder (SerializedString, JsonStringEncoder) writes
     * such text differently from the generator, so neither cache may keep it.
     */
    static boolean hasSurrogate(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
