package org.openmaces.core.language.compiler;

import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.nodes.StatementNode;
import org.openmaces.core.language.runtime.ErrorReporter;
import org.openmaces.core.language.runtime.RuntimeError;
import org.openmaces.core.language.runtime.SourceLocation;

/**
 * An instance's compiled Exec: its statements in file order. A run-time error ends the run for this record
 * and is reported, rate-limited, through the context's environment; the record goes on.
 */
final class CompiledProgram implements CompiledStatements {
    private final StatementNode[] statements;
    private final SourceLocation start;
    private final ErrorReporter errors = new ErrorReporter();

    CompiledProgram(StatementNode[] statements, SourceLocation start) {
        this.statements = statements.clone();
        this.start = start;
    }

    @Override
    public void execute(ExecutionContext context) {
        try {
            for (StatementNode statement : statements) {
                statement.execute(context);
                if (context.isDropped()) {
                    return;
                }
            }
        } catch (RuntimeError error) {
            errors.report(context.environment(), error.location(), error.getMessage());
        } catch (ExecutionException error) {
            errors.report(context.environment(), start, error.getMessage());
        } catch (RuntimeException bug) {
            // A defect in a function body must not stop the agent; it is reported like any run-time error.
            errors.report(context.environment(), start, "internal error: " + bug);
        }
    }

    @Override
    public boolean isEmpty() {
        return statements.length == 0;
    }
}
