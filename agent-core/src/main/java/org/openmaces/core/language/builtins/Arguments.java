package org.openmaces.core.language.builtins;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.record.Datetime;

/** Argument helpers for built-in bodies; values were type-checked by the call node already. */
final class Arguments {
    private Arguments() {
    }

    /** The wall clock now, in microseconds since the epoch. */
    static long now(ExecutionContext context) {
        java.time.Instant instant = context.environment().clock().instant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /** A required name argument (variables and counters): undef is an error. */
    static String name(Object value, String function) throws ExecutionException {
        if (value == null) {
            throw new ExecutionException(function + "() needs a name, got undef");
        }
        if (!(value instanceof String text)) {
            throw new ExecutionException(function + "() needs a string name");
        }
        return text;
    }

    /** A time argument: undef means now. */
    static long timeOrNow(ExecutionContext context, Object value) {
        return value == null ? now(context) : ((Datetime) value).microseconds();
    }
}
