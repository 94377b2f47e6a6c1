package org.openmaces.core.language;

/**
 * The implementation of a function. {@code arguments} hold language values (see
 * {@link org.openmaces.core.record.ValueType}), already checked against the declared parameter types
 * where those are not {@code UNKNOWN}; undef arguments are {@code null}. Return a language value or
 * {@code null} for undef. The array belongs to the call: do not keep it.
 */
@FunctionalInterface
public interface FunctionBody {
    Object call(ExecutionContext context, Object[] arguments) throws ExecutionException;
}
