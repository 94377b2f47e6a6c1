package org.openmaces.core.language;

import org.openmaces.core.record.ValueType;

/** An expression-valued directive ({@code File "/var/log/" + $Hostname + ".log"}) compiled once. */
public interface CompiledExpression {

    /** Evaluates on the context's current record; a language value or null for undef. */
    Object evaluate(ExecutionContext context) throws ExecutionException;

    /** The type known at compile time, or UNKNOWN. */
    ValueType staticType();

    /** True when the value does not depend on the record or time (a literal, a folded constant). */
    boolean isConstant();
}
