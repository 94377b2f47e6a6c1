/**
 * The NXLog language: the compile/run contract between the runtime, modules and the language.
 *
 * <p>The runtime creates one {@link org.openmaces.core.language.NxlogLanguage} with the global
 * {@link org.openmaces.core.language.LanguageSettings}, registers module functions in a
 * {@link org.openmaces.core.language.FunctionRegistry} (or its own {@link org.openmaces.core.language.FunctionTable}),
 * compiles each instance's Exec once with a {@link org.openmaces.core.language.CompilationScope}, and runs
 * the {@link org.openmaces.core.language.CompiledStatements} per record with an
 * {@link org.openmaces.core.language.ExecutionContext} per (instance, thread). Log procedures and run-time
 * errors reach the agent's log through {@link org.openmaces.core.language.ExecutionEnvironment#log}.
 * Modules that render values as text use {@link org.openmaces.core.language.Conversions}.
 *
 * <p>Inside: {@code parser} (lexer, parser, syntax trees, printer), {@code compiler} (type checks, name
 * resolution, regular-expression translation, folding, lint), {@code nodes} (the compiled closures, one
 * class per operation), {@code builtins} (the core library), {@code runtime} (errors and their reporting, counters,
 * variables, date formats). Only this package is API.
 */
package org.openmaces.core.language;
