package org.openmaces.core.language;

/**
 * An instance's Exec (all its {@code Exec} directives and blocks, in file order) or one Schedule's Exec,
 * compiled once at configuration load. Thread-safe to share; run it with a context confined to the
 * calling thread.
 */
public interface CompiledStatements {

    /**
     * Runs the statements on {@code context}'s current record. A run-time error stops the remaining
     * statements for this record only; it is logged (rate-limited) through the context's environment and
     * not thrown. Afterwards {@link ExecutionContext#isDropped()} says whether the record was dropped.
     */
    void execute(ExecutionContext context);

    /** True when there is nothing to run (no Exec): callers may skip {@link #execute}. */
    boolean isEmpty();
}
