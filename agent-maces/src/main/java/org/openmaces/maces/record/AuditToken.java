package org.openmaces.maces.record;

/**
 * An {@code audit_token_t} as the record stores it: eight 32-bit words, read unsigned
 * (endpoint-security.md §3.6). {@code auid} is the audit user id, 4294967295 when never set.
 */
public record AuditToken(long auid, long euid, long egid, long ruid, long rgid, long pid, long asid,
        long pidVersion) {

    /** Word {@code index} (0..7) of a token, unsigned. */
    public static long word(int[] words, int index) {
        return Integer.toUnsignedLong(words[index]);
    }

    static AuditToken of(int[] words) {
        return new AuditToken(word(words, 0), word(words, 1), word(words, 2), word(words, 3),
                word(words, 4), word(words, 5), word(words, 6), word(words, 7));
    }
}
