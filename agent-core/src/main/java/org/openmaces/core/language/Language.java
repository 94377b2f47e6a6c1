package org.openmaces.core.language;

/**
 * The NXLog language compiler: turns Exec text into closures once, at configuration load.
 * Errors and lint warnings go to {@code diagnostics} as {@code FILE:LINE:COLUMN} with the line and a
 * caret; on error the result is null.
 *
 * <p>The core library (lc, now, create_stat, drop, delete, ...) belongs to the language itself; the
 * {@link FunctionTable} in the scope holds only what module instances registered.
 */
public interface Language {

    /** Compiles statements: all of an instance's Exec sources in file order, or one Schedule's. */
    CompiledStatements compileStatements(java.util.List<SourceText> sources, CompilationScope scope,
                                         Diagnostics diagnostics);

    /** Compiles an expression-valued directive. */
    CompiledExpression compileExpression(SourceText source, CompilationScope scope, Diagnostics diagnostics);

    /** A fresh, empty statistics-and-variables store for one instance. */
    InstanceState newInstanceState();
}
