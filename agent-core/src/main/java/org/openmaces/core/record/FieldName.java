package org.openmaces.core.record;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A field name resolved once, so that records find fields by comparing small integers instead of
 * hashing strings. Names are case-insensitive: {@code $Message} and {@code $message} have the same
 * {@link #id()}; each {@code FieldName} also keeps the spelling it was created with, because a record
 * keeps the spelling used when the field was first set.
 *
 * <p>Resolve names when a program is compiled or a module is created, never per record:
 * {@link #of(String)} takes a lock-free map lookup.
 */
public final class FieldName {
    private static final ConcurrentHashMap<String, Integer> IDS_BY_LOWER_CASE_NAME = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, FieldName> BY_SPELLING = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final int id;
    private final String spelling;
    private final String lowerCaseName;
    private final boolean wellFormed;

    private FieldName(int id, String spelling, String lowerCaseName) {
        this.id = id;
        this.spelling = spelling;
        this.lowerCaseName = lowerCaseName;
        this.wellFormed = isWellFormed(spelling);
    }

    /** The interned name for this spelling; names that differ only in case share their id. */
    public static FieldName of(String spelling) {
        FieldName existing = BY_SPELLING.get(spelling);
        if (existing != null) {
            return existing;
        }
        if (spelling.isEmpty()) {
            throw new IllegalArgumentException("a field name cannot be empty");
        }
        String lowerCase = spelling.toLowerCase(Locale.ROOT);
        int id = IDS_BY_LOWER_CASE_NAME.computeIfAbsent(lowerCase, ignored -> NEXT_ID.getAndIncrement());
        return BY_SPELLING.computeIfAbsent(spelling, ignored -> new FieldName(id, spelling, lowerCase));
    }

    /** Equal for names that differ only in case. */
    public int id() {
        return id;
    }

    /** The name as written where it was created, e.g. {@code EventTime}. */
    public String spelling() {
        return spelling;
    }

    public String lowerCaseName() {
        return lowerCaseName;
    }

    /**
     * False when the spelling has an unpaired surrogate, which no UTF encoding can write (a JSON key parsed
     * from a {@code \}{@code uD800} escape can make one); known once per name, for writers that check a whole
     * record's names per record.
     */
    public boolean isWellFormed() {
        return wellFormed;
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when both denote the same field (case-insensitively). */
    public boolean sameField(FieldName other) {
        return other.id == id;
    }

    /** Identity per spelling: two spellings of one field are not {@code equals}; use {@link #sameField}. */
    @Override
    public String toString() {
        return spelling;
    }
}
