package org.openmaces.core.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.config.CommonDirectives;
import org.openmaces.core.config.ConfigurationException;
import org.openmaces.core.config.GlobalSettings;
import org.openmaces.core.config.InstanceDefinition;
import org.openmaces.core.config.Location;
import org.openmaces.core.framing.FramingRegistry;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.language.CompilationScope;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionEnvironment;
import org.openmaces.core.language.FunctionRegistrar;
import org.openmaces.core.language.FunctionRegistry;
import org.openmaces.core.language.Language;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.module.ModuleConfiguration;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleKind;
import org.slf4j.Logger;

/** What the runtime gives one module instance ({@link ModuleContext}); also records its configuration errors. */
final class InstanceContext implements ModuleContext {
    private final InstanceDefinition definition;
    private final FunctionRegistry functions;
    private final FramingRegistry framings;
    private final Language language;
    private final Diagnostics diagnostics;
    private final RuntimeOptions options;
    private final GlobalSettings globals;
    private final LanguageSettings languageSettings;
    private final InstanceCounters counters;
    private final Logger logger;
    private boolean faulty;
    private ExecutionEnvironment environment;

    InstanceContext(InstanceDefinition definition, FunctionRegistry functions, FramingRegistry framings,
                    Language language, Diagnostics diagnostics, RuntimeOptions options, GlobalSettings globals,
                    LanguageSettings languageSettings, InstanceCounters counters) {
        this.definition = definition;
        this.functions = functions;
        this.framings = framings;
        this.language = language;
        this.diagnostics = diagnostics;
        this.options = options;
        this.globals = globals;
        this.languageSettings = languageSettings;
        this.counters = counters;
        this.logger = InstanceLoggers.of(definition.name());
        InstanceLoggers.register(definition.name(), definition.provider().name());
    }

    void setEnvironment(ExecutionEnvironment created) {
        environment = created;
    }

    @Override
    public ExecutionContext newExecutionContext() {
        if (environment == null) {
            throw new IllegalStateException("newExecutionContext() is available from start() on, not during create()");
        }
        return new ExecutionContext(environment);
    }

    /** True once a configuration error was reported for this instance. */
    boolean isFaulty() {
        return faulty;
    }

    void markFaulty() {
        faulty = true;
    }

    @Override
    public String instanceName() {
        return definition.name();
    }

    @Override
    public String moduleName() {
        return definition.provider().name();
    }

    @Override
    public ModuleKind kind() {
        return definition.kind();
    }

    @Override
    public ModuleConfiguration configuration() {
        return definition.configuration();
    }

    @Override
    public FunctionRegistrar functions() {
        return functions.registrar(definition.name());
    }

    @Override
    public FramingRegistry framings() {
        return framings;
    }

    @Override
    public RecordFraming outputFraming() throws ConfigurationException {
        String name = definition.provider().defaultOutputType();
        if (name == null) {
            throw new IllegalStateException("module " + moduleName() + " declares no OutputType");
        }
        String configured = configuration().getString(CommonDirectives.OUTPUT_TYPE);
        RecordFraming framing = framings.find(configured);
        if (framing == null) {
            throw new ConfigurationException(definition.locationOf(CommonDirectives.OUTPUT_TYPE).toString(),
                    "Invalid OutputType '" + configured + "': use LineBased, Dgram or Binary, Syslog_TLS (with an"
                            + " xm_syslog instance) or the name of an xm_json instance");
        }
        return framing;
    }

    @Override
    public CompiledExpression compileExpression(String directive) {
        SourceText source = configuration().getExpressionSource(directive);
        if (source == null) {
            return null;
        }
        int before = diagnostics.errorCount();
        CompiledExpression compiled = language.compileExpression(source,
                new CompilationScope(instanceName(), moduleName(), kind() != ModuleKind.EXTENSION, functions, java.util.List.of()),
                diagnostics);
        if (compiled == null || diagnostics.errorCount() > before) {
            faulty = true;
            return null;
        }
        return compiled;
    }

    @Override
    public void configurationError(String directive, String message) {
        Location at = definition.locationOf(directive);
        diagnostics.error(at.file(), at.line(), message);
        faulty = true;
    }

    @Override
    public void configurationWarning(String directive, String message) {
        Location at = definition.locationOf(directive);
        diagnostics.warning(at.file(), at.line(), message);
    }

    @Override
    public boolean verifyOnly() {
        return options.verifyOnly();
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Clock clock() {
        return options.clock();
    }

    @Override
    public LanguageSettings languageSettings() {
        return languageSettings;
    }

    @Override
    public Path cacheDirectory() {
        return globals.cacheDirectory();
    }

    @Override
    public Path spoolDirectory() {
        return globals.spoolDirectory() != null ? globals.spoolDirectory() : options.workingDirectory();
    }

    @Override
    public LongAdder lossCounter(String what) {
        return counters.loss(what);
    }

    @Override
    public LongAdder counter(String what) {
        return counters.count(what);
    }
}
