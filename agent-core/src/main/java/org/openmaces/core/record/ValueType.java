package org.openmaces.core.record;

/**
 * The types of the NXLog language, as field values carry them and as function signatures declare them.
 *
 * <p>Run-time representation of each type inside a {@link LogRecord} and in the language:
 * <table>
 *   <caption>Java classes per type</caption>
 *   <tr><th>type</th><th>Java value</th></tr>
 *   <tr><td>{@link #BOOLEAN}</td><td>{@link Boolean}</td></tr>
 *   <tr><td>{@link #INTEGER}</td><td>{@link Long}</td></tr>
 *   <tr><td>{@link #STRING}</td><td>{@link String}</td></tr>
 *   <tr><td>{@link #DATETIME}</td><td>{@link Datetime}</td></tr>
 *   <tr><td>{@link #IP4ADDR}, {@link #IP6ADDR}</td><td>{@link IpAddress}</td></tr>
 *   <tr><td>{@link #BINARY}</td><td>{@link Binary}</td></tr>
 *   <tr><td>{@link #REGEXP}</td><td>{@link java.util.regex.Pattern} (expressions only, never stored in a record)</td></tr>
 *   <tr><td>undef of any type</td><td>{@code null}</td></tr>
 * </table>
 * {@link #UNKNOWN} is the static type of an expression whose type is known only at run time
 * (a field, {@code get_var()}); in a signature it means "any type".
 */
public enum ValueType {
    UNKNOWN("unknown"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    STRING("string"),
    DATETIME("datetime"),
    IP4ADDR("ip4addr"),
    IP6ADDR("ip6addr"),
    REGEXP("regexp"),
    BINARY("binary");

    private final String languageName;

    ValueType(String languageName) {
        this.languageName = languageName;
    }

    /** The name {@code type()} returns and error messages use, e.g. {@code integer}. */
    public String languageName() {
        return languageName;
    }

    /** The type of a run-time value; {@code null} (undef) has no type and gives {@link #UNKNOWN}. */
    public static ValueType of(Object value) {
        if (value == null) {
            return UNKNOWN;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Long) {
            return INTEGER;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Datetime) {
            return DATETIME;
        }
        if (value instanceof IpAddress address) {
            return address.isVersion4() ? IP4ADDR : IP6ADDR;
        }
        if (value instanceof Binary) {
            return BINARY;
        }
        if (value instanceof java.util.regex.Pattern) {
            return REGEXP;
        }
        throw new IllegalArgumentException("not a language value: " + value.getClass().getName());
    }

    /** Looks a type up by its language name ({@code integer}, {@code string}, ...), case-insensitively; null if none. */
    public static ValueType forLanguageName(String name) {
        for (ValueType type : values()) {
            if (type.languageName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }
}
