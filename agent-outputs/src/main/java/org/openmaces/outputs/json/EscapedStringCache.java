package org.openmaces.outputs.json;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The JSON form (quoted, escaped, UTF-8) of string values that come back as the same String instance,
 * so they are escaped once instead of in every record. im_maces hands out one instance per executable,
 * signing ID, team ID, cdhash and path it has cached, and escaping was the largest cost of writing its
 * records as JSON. Jackson's {@link SerializedString} keeps the escaped bytes; the generator copies them.
 *
 * <p>Keyed by identity, not by content: a lookup is an identity hash and one reference comparison, never
 * a scan of the text. A String is immutable, so the same instance always has the same JSON form; a
 * different instance with equal text misses and is escaped again, to the same bytes.
 *
 * <p>Direct-mapped: a slot holds the last value that hashed to it. A value gets its escaped form when it
 * is seen a second time while still in its slot, so values made afresh for every record (sequence numbers
 * as text, exec arguments) cost a store, not an escaping into a SerializedString nobody reuses. Bounded:
 * at most {@value #SLOTS} values of at most {@value #MAXIMUM_LENGTH} characters each, so a thread holds
 * at most about 1 MB here (every value as long as allowed and escaped to six bytes a character), and a
 * few kilobytes for im_maces's paths and IDs.
 *
 * <p>Values with surrogates (characters outside the Basic Multilingual Plane, or unpaired halves) are
 * never cached: the generator's {@code writeString(String)} writes each surrogate as a {@code \}{@code u}
 * escape, while SerializedString writes a pair as one 4-byte UTF-8 sequence (and rejects an unpaired one).
 * Leaving them to the generator keeps every output byte what it was without this cache.
 *
 * <p>Not thread-safe: one per thread, like the generator it feeds.
 */
final class EscapedStringCache {
    static final int SLOTS = 256;
    static final int MAXIMUM_LENGTH = 512;
    private final String[] values = new String[SLOTS];
    /**
     * Invariant: {@code escaped[slot]} is null or the form of {@code values[slot]} (both are replaced
     * together), so an identity match on the value is all a lookup needs. Null until the value is seen
     * again, and always for a value with surrogates.
     */
    private final SerializedString[] escaped = new SerializedString[SLOTS];

    /** {@code text}'s JSON form, or null when the caller is to write {@code text} itself. */
    SerializedString escaped(String text) {
        if (text.length() > MAXIMUM_LENGTH) {
            return null;
        }
        int hash = System.identityHashCode(text);
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        if (values[slot] != text) {
            values[slot] = text;
            escaped[slot] = null;
            return null;
        }
        SerializedString known = escaped[slot];
        if (known == null && !hasSurrogate(text)) {
            known = new SerializedString(text);
            escaped[slot] = known;
        }
        return known;
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
