package org.openmaces.core.language;

/** The implementation of a procedure; see {@link FunctionBody} for the argument contract. */
@FunctionalInterface
public interface ProcedureBody {
    void call(ExecutionContext context, Object[] arguments) throws ExecutionException;
}
