package org.openmaces.core.language;

import java.util.List;
import org.openmaces.core.language.compiler.Compiler;
import org.openmaces.core.language.runtime.LanguageInstanceState;

/**
 * The NXLog language: the {@link Language} the runtime instantiates. Compiles Exec sources into closures
 * once, at configuration load, reporting every error and lint warning to the diagnostics.
 *
 * <pre>{@code
 * Language language = new NxlogLanguage(settings);            // LanguageSettings from the global directives
 * CompilationScope scope = new CompilationScope("in", "im_maces", true, functionTable, provider.fields())
 *         .withFieldAlias("Executable", "ProcessExecutable");
 * CompiledStatements exec = language.compileStatements(execSources, scope, diagnostics); // null on error
 * InstanceState state = language.newInstanceState();          // returned by the environment's state()
 * ExecutionContext context = new ExecutionContext(environment); // one per (instance, thread)
 * context.beginRecord(record);
 * exec.execute(context);                                       // errors are logged through the environment
 * if (context.isDropped()) { ... }
 * }</pre>
 *
 * Thread-safe: compiled programs may run on several threads, each with its own context.
 */
public final class NxlogLanguage implements Language {
    private final LanguageSettings settings;

    /** With {@link LanguageSettings#defaults()}. */
    public NxlogLanguage() {
        this(LanguageSettings.defaults());
    }

    /**
     * @param settings DateFormat, GenerateDateInUTC, ParseDateInUTC and the local zone; they decide how
     *                 datetime literals are read and how values convert to strings
     */
    public NxlogLanguage(LanguageSettings settings) {
        this.settings = settings;
    }

    public LanguageSettings settings() {
        return settings;
    }

    @Override
    public CompiledStatements compileStatements(List<SourceText> sources, CompilationScope scope,
                                                Diagnostics diagnostics) {
        return new Compiler(scope, settings, diagnostics).compileStatements(sources);
    }

    @Override
    public CompiledExpression compileExpression(SourceText source, CompilationScope scope, Diagnostics diagnostics) {
        return new Compiler(scope, settings, diagnostics).compileExpression(source);
    }

    @Override
    public InstanceState newInstanceState() {
        return new LanguageInstanceState();
    }
}
