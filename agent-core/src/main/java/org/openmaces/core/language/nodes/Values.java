package org.openmaces.core.language.nodes;

import org.openmaces.core.record.ValueType;

/** Small helpers for run-time type rules shared by the operator nodes. */
public final class Values {
    private Values() {
    }

    /** The type name an error message uses; {@code undef} for null. */
    public static String typeName(Object value) {
        return value == null ? "undef" : ValueType.of(value).languageName();
    }

    /** Whether an {@code if} takes its then-branch (language spec §3.3). */
    public static boolean isTrue(Object condition) {
        if (condition == null) {
            return false;
        }
        if (condition instanceof Boolean flag) {
            return flag;
        }
        if (condition instanceof Long number) {
            return number != 0;
        }
        return true;
    }

    /** Whether a value has the given type; UNKNOWN accepts anything. */
    public static boolean hasType(Object value, ValueType type) {
        return type == ValueType.UNKNOWN || ValueType.of(value) == type;
    }

    static String invalidTypes(Object left, String operator, Object right) {
        return "invalid types in operation: " + typeName(left) + " " + operator + " " + typeName(right);
    }
}
