package org.openmaces.core.language.compiler;

import java.time.Clock;
import org.openmaces.core.language.ExecutionEnvironment;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.InstanceState;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.language.runtime.LanguageInstanceState;
import org.openmaces.core.record.LogRecord;

/** The environment constant folding evaluates in: pure nodes never reach it, so it only refuses. */
final class FoldingEnvironment implements ExecutionEnvironment {
    private final String instanceName;
    private final String moduleName;
    private final LanguageSettings settings;
    private final InstanceState state = new LanguageInstanceState();

    FoldingEnvironment(String instanceName, String moduleName, LanguageSettings settings) {
        this.instanceName = instanceName;
        this.moduleName = moduleName;
        this.settings = settings;
    }

    @Override
    public String instanceName() {
        return instanceName;
    }

    @Override
    public String moduleName() {
        return moduleName;
    }

    @Override
    public InstanceState state() {
        return state;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public LanguageSettings settings() {
        return settings;
    }

    @Override
    public void log(LogLevel level, String message) {
    }

    @Override
    public void reroute(String routeName, LogRecord record) throws ExecutionException {
        throw new ExecutionException("reroute() cannot run at compile time");
    }

    @Override
    public void addToRoute(String routeName, LogRecord record) throws ExecutionException {
        throw new ExecutionException("add_to_route() cannot run at compile time");
    }
}
